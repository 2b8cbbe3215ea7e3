package io.doorstep.gateway.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.device.DeviceEvent;
import io.doorstep.device.EventKinds;
import io.doorstep.device.Severity;
import io.doorstep.gateway.store.Store;
import io.doorstep.gateway.store.StoredEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox in a real SQLite file: filled with the events, drained in order, bounded. */
class OutboxRowsTest {
  @TempDir Path dir;
  private Vertx vertx;
  private Store store;

  @BeforeEach
  void open() throws Exception {
    vertx = Vertx.vertx();
    store = Store.open(vertx, dir.resolve("doorstep.db"));
    await(store.write(OutboxRows::install));
  }

  @AfterEach
  void close() throws Exception {
    store.close();
    await(vertx.close());
  }

  @Test
  void everyStoredEventIsQueuedInItsLaneInTheSameTransaction() throws Exception {
    await(store.appendAll(List.of(
        event("p1", EventKinds.PASSAGE, 1), event("ft-1", EventKinds.ALARM_RAISED, 2),
        event("ft-1", EventKinds.DEVICE_OFFLINE, 3), event("p1", EventKinds.PASSAGE, 4))));
    // A repeated event (same id) is stored once and queued once.
    await(store.append(event("p1", EventKinds.PASSAGE, 1)));

    assertEquals(List.of("e2"), ids(await(store.read(c -> OutboxRows.next(c, OutboxRows.ALARM_LANE, 0, 10)))));
    assertEquals(List.of("e1", "e3", "e4"),
        ids(await(store.read(c -> OutboxRows.next(c, OutboxRows.ROUTINE_LANE, 0, 10)))));
    OutboxRows.Backlog backlog = await(store.read(OutboxRows::backlog));
    assertEquals(1, backlog.alarms());
    assertEquals(3, backlog.routine());
    assertTrue(backlog.oldestTs() > 0 && backlog.oldestTs() <= System.currentTimeMillis(), "waiting since it was stored");
  }

  @Test
  void whatThePlatformAcknowledgedLeavesAndTheRestKeepsItsOrder() throws Exception {
    List<DeviceEvent> events = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      events.add(event("p1", EventKinds.PASSAGE, i));
    }
    await(store.appendAll(events));
    List<StoredEvent> first = await(store.read(c -> OutboxRows.next(c, OutboxRows.ROUTINE_LANE, 0, 2)));
    await(store.write(c -> OutboxRows.done(c, first.stream().map(StoredEvent::seq).toList())));

    assertEquals(List.of("e3", "e4", "e5"),
        ids(await(store.read(c -> OutboxRows.next(c, OutboxRows.ROUTINE_LANE, 0, 10)))));
  }

  @Test
  void aFullBacklogDropsTheOldestRoutineEventsButNeverPassagesOrAlarms() throws Exception {
    await(store.appendAll(List.of(
        event("ft-1", EventKinds.DEVICE_OFFLINE, 1), event("p1", EventKinds.PASSAGE, 2),
        event("ft-1", EventKinds.DEVICE_ONLINE, 3), event("ft-1", EventKinds.ALARM_RAISED, 4),
        event("ft-1", EventKinds.DEVICE_OFFLINE, 5), event("p1", EventKinds.PASSAGE, 6))));

    int dropped = await(store.write(c -> OutboxRows.enforce(c, 4, 0, 100)));

    assertEquals(2, dropped);
    assertEquals(List.of("e2", "e5", "e6"),
        ids(await(store.read(c -> OutboxRows.next(c, OutboxRows.ROUTINE_LANE, 0, 10)))));
    assertEquals(Map.of(EventKinds.DEVICE_OFFLINE, 1L, EventKinds.DEVICE_ONLINE, 1L), await(store.read(OutboxRows::drops)));

    // Waiting too long counts as full too; passages stay however old.
    await(store.write(c -> OutboxRows.enforce(c, 1000, Long.MAX_VALUE, 200)));
    assertEquals(List.of("e2", "e6"), ids(await(store.read(c -> OutboxRows.next(c, OutboxRows.ROUTINE_LANE, 0, 10)))));

    await(store.write(c -> OutboxRows.reported(c, Map.of(EventKinds.DEVICE_OFFLINE, 2L))));
    assertEquals(Map.of(EventKinds.DEVICE_ONLINE, 1L), await(store.read(OutboxRows::drops)));
  }

  @Test
  void withUpstreamOffNothingIsQueued() throws Exception {
    await(store.write(OutboxRows::uninstall));
    await(store.append(event("p1", EventKinds.PASSAGE, 1)));

    assertEquals(0, await(store.read(OutboxRows::backlog)).total());
  }

  private static DeviceEvent event(String device, String kind, long ts) {
    return new DeviceEvent("e" + ts, ts, device, kind, Severity.INFO, new JsonObject().put("n", ts));
  }

  private static List<String> ids(List<StoredEvent> events) {
    return events.stream().map(e -> e.event().id()).toList();
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
