package io.doorstep.gateway.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BlockExpiryTest {
  private final Vertx vertx = Vertx.vertx();
  private final AtomicLong now = new AtomicLong(1_000_000);
  private final Clock clock = new Clock() {
    @Override
    public long millis() {
      return now.get();
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(now.get());
    }

    @Override
    public ZoneId getZone() {
      return ZoneId.of("Asia/Shanghai");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  };

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void aBlockThatRanOutIsAnnouncedEvenIfTheListsAreReloadedFirst() throws Exception {
    BlockingQueue<Set<String>> announced = new LinkedBlockingQueue<>();
    BlockExpiry expiry = new BlockExpiry(vertx, clock, announced::add);
    List<Blocklist.Entry> blocks = List.of(
        new Blocklist.Entry(Blocklist.Kind.PERSON, "R1001", "R1001", "arrears", now.get() + 1));
    expiry.schedule(blocks);

    // The block runs out, and before the timer looks, the lists are installed again.
    now.addAndGet(1000);
    expiry.schedule(blocks);

    assertEquals(Set.of("R1001"), announced.poll(10, TimeUnit.SECONDS));
  }
}
