package io.doorstep.gateway.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.device.DeviceEvent;
import io.doorstep.device.EventKinds;
import io.doorstep.device.Severity;
import io.doorstep.gateway.store.Store;
import io.doorstep.gateway.store.StoredEvent;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drain against a real SQLite outbox and a publisher whose acknowledgements the test gives:
 * alarms first, order kept, nothing deleted before its acknowledgement, a lost link rewinds.
 */
class OutboxDrainTest {
  @TempDir Path dir;
  private Vertx vertx;
  private Context context;
  private Store store;
  private final FakePublisher publisher = new FakePublisher();

  @BeforeEach
  void open() throws Exception {
    vertx = Vertx.vertx();
    context = vertx.getOrCreateContext();
    store = Store.open(vertx, dir.resolve("doorstep.db"));
    await(store.write(OutboxRows::install));
  }

  @AfterEach
  void close() throws Exception {
    store.close();
    await(vertx.close());
  }

  @Test
  void alarmsGoFirstThenTheRestInOrderAndEachLeavesOnlyWhenAcknowledged() throws Exception {
    await(store.appendAll(List.of(event("e1", EventKinds.PASSAGE), event("e2", EventKinds.PASSAGE),
        event("e3", EventKinds.ALARM_RAISED), event("e4", EventKinds.PASSAGE))));
    OutboxDrain drain = drain(10, 1);
    context.runOnContext(v -> drain.pump());

    until(() -> publisher.bodies.size() == 4);
    assertEquals(List.of("e3", "e1", "e2", "e4"), publisher.bodies);
    assertEquals(4, await(store.read(OutboxRows::backlog)).total(), "nothing acknowledged yet");

    context.runOnContext(v -> publisher.ackAll());
    until(() -> backlog() == 0);
    assertEquals(4, drain.sent());
  }

  @Test
  void noMoreThanTheWindowIsUnacknowledged() throws Exception {
    List<DeviceEvent> events = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      events.add(event("e" + i, EventKinds.PASSAGE));
    }
    await(store.appendAll(events));
    OutboxDrain drain = drain(3, 1);
    context.runOnContext(v -> drain.pump());

    until(() -> publisher.bodies.size() == 3);
    Thread.sleep(200);
    assertEquals(3, publisher.bodies.size());
    context.runOnContext(v -> publisher.ackAll());
    until(() -> publisher.bodies.size() == 6);
  }

  @Test
  void aLostLinkSendsWhatWasNotAcknowledgedAgainInOrder() throws Exception {
    await(store.appendAll(List.of(event("e1", EventKinds.PASSAGE), event("e2", EventKinds.PASSAGE),
        event("e3", EventKinds.PASSAGE))));
    OutboxDrain drain = drain(10, 1);
    context.runOnContext(v -> drain.pump());
    until(() -> publisher.bodies.size() == 3);

    context.runOnContext(v -> {
      publisher.ackFirst();
      publisher.failAll();
    });
    until(() -> backlog() == 2);
    context.runOnContext(v -> drain.pump());

    until(() -> publisher.bodies.size() == 5);
    assertEquals(List.of("e1", "e2", "e3", "e2", "e3"), publisher.bodies);
    context.runOnContext(v -> publisher.ackAll());
    until(() -> backlog() == 0);
  }

  private OutboxDrain drain(int window, int perBatch) {
    OutboxDrain.Batcher batcher = events -> {
      List<OutboxDrain.Batch> batches = new ArrayList<>();
      for (int i = 0; i < events.size(); i += perBatch) {
        List<StoredEvent> part = events.subList(i, Math.min(events.size(), i + perBatch));
        String ids = String.join(",", part.stream().map(e -> e.event().id()).toList());
        batches.add(new OutboxDrain.Batch(ids.getBytes(StandardCharsets.UTF_8),
            part.stream().map(StoredEvent::seq).toList()));
      }
      return batches;
    };
    return new OutboxDrain(store, publisher, batcher, window, 100);
  }

  private long backlog() {
    try {
      return await(store.read(OutboxRows::backlog)).total();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static DeviceEvent event(String id, String kind) {
    return new DeviceEvent(id, 1, "d1", kind, Severity.INFO, new JsonObject());
  }

  private static void until(BooleanSupplier condition) throws InterruptedException {
    long end = System.currentTimeMillis() + 10_000;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > end) {
        throw new AssertionError("never happened");
      }
      Thread.sleep(10);
    }
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** Holds every publish until the test acknowledges or fails it; records bodies in order. */
  private static final class FakePublisher implements OutboxDrain.Publisher {
    final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<Promise<Void>> pending = new ArrayList<>();

    @Override
    public boolean up() {
      return true;
    }

    @Override
    public Future<Void> publish(String topic, byte[] body) {
      assertTrue(topic.equals(OutboxDrain.TELEMETRY_TOPIC));
      bodies.add(new String(body, StandardCharsets.UTF_8));
      Promise<Void> p = Promise.promise();
      pending.add(p);
      return p.future();
    }

    void ackAll() {
      List<Promise<Void>> now = new ArrayList<>(pending);
      pending.clear();
      now.forEach(Promise::complete);
    }

    void ackFirst() {
      pending.remove(0).complete();
    }

    void failAll() {
      List<Promise<Void>> now = new ArrayList<>(pending);
      pending.clear();
      now.forEach(p -> p.fail("connection lost"));
    }
  }
}
