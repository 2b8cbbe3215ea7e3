package io.doorstep.gateway.store;

import static io.doorstep.gateway.store.StoreTesting.await;
import static io.doorstep.gateway.store.StoreTesting.event;
import static io.doorstep.gateway.store.StoreTesting.failure;
import static io.doorstep.gateway.store.StoreTesting.holdWriter;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreMetricsTest {

  @TempDir Path dir;
  private Vertx vertx;
  private Store store;
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @BeforeEach
  void open() throws StoreException {
    vertx = Vertx.vertx();
    store = Store.open(vertx, dir.resolve("doorstep.db"));
  }

  @AfterEach
  void close() {
    store.close();
    await(vertx.close());
  }

  @Test
  void theWriterPublishesWhatItDid() {
    // Bound after the first commit: counters include it, distributions start at binding.
    await(store.append(event("e0")));
    store.bindMetrics(registry);

    CountDownLatch release = holdWriter(store);
    List<Future<Void>> batch = List.of(store.append(event("e1")), store.append(event("e1")), store.append(event("e2")));
    assertEquals(3.0, registry.get("doorstep.store.queue.depth").gauge().value());
    release.countDown();
    batch.forEach(StoreTesting::await);
    failure(store.audit(null, "x", null, null, null));

    assertEquals(3.0, registry.get("doorstep.store.events.written").functionCounter().count());
    assertEquals(1.0, registry.get("doorstep.store.writes.failed").functionCounter().count());
    // The first append, the held write, and the three appends queued behind it together.
    assertEquals(3.0, registry.get("doorstep.store.commits").functionCounter().count());
    assertEquals(2, registry.get("doorstep.store.batch.size").summary().count());
    assertEquals(3.0, registry.get("doorstep.store.batch.size").summary().max());
    assertEquals(2, registry.get("doorstep.store.commit.duration").timer().count());
    assertEquals(0.0, registry.get("doorstep.store.queue.depth").gauge().value());
  }
}
