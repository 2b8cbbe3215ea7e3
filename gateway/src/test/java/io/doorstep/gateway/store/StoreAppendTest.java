package io.doorstep.gateway.store;

import static io.doorstep.gateway.store.StoreTesting.await;
import static io.doorstep.gateway.store.StoreTesting.event;
import static io.doorstep.gateway.store.StoreTesting.failure;
import static io.doorstep.gateway.store.StoreTesting.holdWriter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.device.DeviceEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreAppendTest {

  @TempDir Path dir;
  private Vertx vertx;
  private Store store;

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
  void aRepeatedEventIdIsKeptOnceAndStillAcknowledged() {
    await(store.append(event("e1")));
    await(store.append(event("e1")));
    await(store.appendAll(List.of(event("e1"), event("e2"), event("e2"))));

    List<StoredEvent> all = await(store.eventsAfter(0, 100));
    assertEquals(List.of("e1", "e2"), all.stream().map(e -> e.event().id()).toList());
    assertEquals(2, store.metrics().eventsWritten());
  }

  @Test
  void anEventReadBackIsTheEventAppended() {
    DeviceEvent e = event("e1");
    await(store.append(e));

    StoredEvent stored = await(store.recentEvents(1, null)).get(0);
    assertEquals(e, stored.event());
    assertTrue(stored.seq() > 0);
  }

  @Test
  void appendAllCommitsEveryEventOrNone() {
    // A trigger makes one id impossible to store, the way a full disk would refuse a write halfway.
    await(store.write(c -> {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TRIGGER refuse_bad BEFORE INSERT ON events WHEN NEW.id = 'bad'"
            + " BEGIN SELECT RAISE(ABORT, 'refused'); END");
      }
      return null;
    }));
    CountDownLatch release = holdWriter(store);
    Future<Void> before = store.append(event("before"));
    Future<Void> mixed = store.appendAll(List.of(event("a"), event("bad"), event("b")));
    Future<Void> together = store.appendAll(List.of(event("c"), event("d"), event("before")));
    release.countDown();

    await(before);
    assertInstanceOf(SQLException.class, failure(mixed));
    await(together);
    List<String> ids = await(store.eventsAfter(0, 100)).stream().map(e -> e.event().id()).toList();
    assertEquals(List.of("before", "c", "d"), ids);
  }

  @Test
  void aFailingWriteInABatchFailsAloneAndTheOthersCommit() {
    CountDownLatch release = holdWriter(store);
    Future<Void> first = store.append(event("e1"));
    Future<Void> bad = store.audit(null, "person.update", "R1001", null, "{}");
    Future<Void> audit = store.audit("admin", "person.update", "R1001", null, "{}");
    Future<Void> last = store.append(event("e2"));
    release.countDown();

    await(first);
    await(audit);
    await(last);
    assertInstanceOf(SQLException.class, failure(bad));
    assertEquals(2, await(store.eventsAfter(0, 10)).size());
    assertEquals(1, store.metrics().failedWrites());
  }

  @Test
  void healthReportsAFailedWriteUntilTheNextCommit() {
    assertTrue(store.health().ok());
    assertEquals(0, store.health().lastCommitMs());

    failure(store.audit(null, "x", null, null, null));
    StoreHealth failed = store.health();
    assertFalse(failed.ok());
    assertTrue(failed.lastError().contains("NOT NULL"), failed.lastError());

    await(store.append(event("e1")));
    StoreHealth recovered = store.health();
    assertTrue(recovered.ok());
    assertTrue(recovered.lastCommitMs() > 0);
    assertEquals(0, recovered.queued());
  }

  @Test
  void healthCountsQueuedWrites() {
    CountDownLatch release = holdWriter(store);
    List<Future<Void>> queued = List.of(store.append(event("e1")), store.append(event("e2")));
    assertEquals(2, store.health().queued());
    release.countDown();
    queued.forEach(StoreTesting::await);
    assertEquals(0, store.health().queued());
  }

  @Test
  void recentEventsAreNewestFirstAndFilteredByKind() {
    await(store.appendAll(List.of(
        event("e1", "door.opened"), event("e2", "fire.alarm"), event("e3", "door.opened"), event("e4", "door.forced"))));

    assertEquals(List.of("e4", "e3"), ids(await(store.recentEvents(2, Set.of()))));
    assertEquals(List.of("e4", "e3", "e1"), ids(await(store.recentEvents(10, Set.of("door.opened", "door.forced")))));
    assertEquals(List.of("e2"), ids(await(store.recentEvents(10, Set.of("fire.alarm")))));
    assertEquals(List.of(), ids(await(store.recentEvents(10, Set.of("lift.stuck")))));
  }

  @Test
  void eventsAfterResumesOldestFirstFromAPosition() {
    await(store.appendAll(List.of(event("e1"), event("e2"), event("e3"), event("e4"))));
    List<StoredEvent> firstTwo = await(store.eventsAfter(0, 2));
    assertEquals(List.of("e1", "e2"), ids(firstTwo));

    List<StoredEvent> rest = await(store.eventsAfter(firstTwo.get(1).seq(), 10));
    assertEquals(List.of("e3", "e4"), ids(rest));
    assertTrue(await(store.eventsAfter(rest.get(1).seq(), 10)).isEmpty());
  }

  @Test
  void aNegativeLimitIsRefused() {
    assertInstanceOf(IllegalArgumentException.class, failure(store.recentEvents(-1, null)));
    assertInstanceOf(IllegalArgumentException.class, failure(store.eventsAfter(0, -1)));
  }

  @Test
  void appendingNothingSucceedsWithoutAWrite() {
    await(store.appendAll(List.of()));
    assertEquals(0, store.metrics().commits());
  }

  private static List<String> ids(List<StoredEvent> events) {
    return events.stream().map(e -> e.event().id()).toList();
  }
}
