package io.doorstep.gateway.store;

import static io.doorstep.gateway.store.StoreTesting.await;
import static io.doorstep.gateway.store.StoreTesting.event;
import static io.doorstep.gateway.store.StoreTesting.holdWriter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.device.DeviceEvent;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreConcurrencyTest {

  private static final int CONTEXTS = 4;
  private static final int THREADS = 2;
  private static final int PER_SOURCE = 10_000 / (CONTEXTS + THREADS) + 1;

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
  void appendsFromManyContextsAndThreadsEachLandOnceInOrderOfSeq() {
    List<Future<Void>> futures = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger completedElsewhere = new AtomicInteger();
    CountDownLatch submitted = new CountDownLatch(CONTEXTS + THREADS);
    for (int s = 0; s < CONTEXTS; s++) {
      String source = "ctx" + s;
      Context context = vertx.getOrCreateContext();
      context.runOnContext(v -> {
        for (int i = 0; i < PER_SOURCE; i++) {
          futures.add(store.append(event(source + "-" + i)).onComplete(r -> {
            if (Vertx.currentContext() != context) {
              completedElsewhere.incrementAndGet();
            }
          }));
        }
        submitted.countDown();
      });
    }
    for (int s = 0; s < THREADS; s++) {
      String source = "thread" + s;
      new Thread(() -> {
        for (int i = 0; i < PER_SOURCE; i++) {
          futures.add(store.append(event(source + "-" + i)));
        }
        submitted.countDown();
      }).start();
    }
    await(submitted);
    await(Future.all(List.copyOf(futures)));

    int total = (CONTEXTS + THREADS) * PER_SOURCE;
    List<StoredEvent> stored = await(store.eventsAfter(0, total + 10));
    assertEquals(total, stored.size());
    assertEquals(total, new HashSet<>(stored.stream().map(e -> e.event().id()).toList()).size());
    for (int i = 1; i < stored.size(); i++) {
      assertTrue(stored.get(i).seq() > stored.get(i - 1).seq(), "seq not increasing at " + i);
    }
    assertEquals(0, completedElsewhere.get(), "futures must complete on the caller's context");
  }

  @Test
  void queuedAppendsAreCommittedInBatches() {
    int total = 10_000;
    CountDownLatch release = holdWriter(store);
    List<Future<Void>> futures = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      futures.add(store.append(event("e" + i)));
    }
    long commitsBefore = store.metrics().commits();
    release.countDown();
    await(Future.all(futures));

    long commits = store.metrics().commits() - commitsBefore;
    // Everything was queued before the writer went on, so batches are as full as the drain allows.
    assertTrue(commits <= total / StoreWriter.MAX_DRAIN + 2, "commits: " + commits);
    assertEquals(total, store.metrics().eventsWritten());
  }

  @Test
  void readersAreNotBlockedByAnOpenWriteTransaction() {
    await(store.append(event("committed")));
    CountDownLatch inserted = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Future<Void> held = store.write(c -> {
      EventRows.insert(c, List.of(event("uncommitted")));
      inserted.countDown();
      StoreTesting.await(release);
      return null;
    });
    await(inserted);

    // The writer holds the write lock with a row not yet committed: reads go on and do not see it.
    for (int i = 0; i < 5; i++) {
      assertEquals(List.of("committed"), ids(await(store.recentEvents(10, null))));
      assertEquals(0L, await(store.countPersons()));
    }
    release.countDown();
    await(held);
    assertEquals(List.of("uncommitted", "committed"), ids(await(store.recentEvents(10, null))));
  }

  @Test
  void readsAndALongStreamOfAppendsBothSucceed() {
    int total = 5_000;
    Context context = vertx.getOrCreateContext();
    List<Future<Void>> appends = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch submitted = new CountDownLatch(1);
    context.runOnContext(v -> {
      for (int i = 0; i < total; i++) {
        appends.add(store.append(event(String.format("e%05d", i))));
      }
      submitted.countDown();
    });

    List<StoredEvent> last = List.of();
    for (int i = 0; i < 50; i++) {
      last = await(store.recentEvents(100, Set.of("door.opened")));
      assertFalse(last.size() > 100);
      for (int j = 1; j < last.size(); j++) {
        assertTrue(last.get(j).seq() < last.get(j - 1).seq(), "newest first");
      }
    }
    await(submitted);
    await(Future.all(List.copyOf(appends)));
    assertEquals(String.format("e%05d", total - 1), ids(await(store.recentEvents(1, null))).get(0));
  }

  private static List<String> ids(List<StoredEvent> events) {
    return events.stream().map(StoredEvent::event).map(DeviceEvent::id).toList();
  }
}
