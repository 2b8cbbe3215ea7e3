package io.doorstep.gateway.store;

import static io.doorstep.gateway.store.StoreTesting.await;
import static io.doorstep.gateway.store.StoreTesting.event;
import static io.doorstep.gateway.store.StoreTesting.failure;
import static io.doorstep.gateway.store.StoreTesting.holdWriter;
import static io.doorstep.gateway.store.StoreTesting.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreLifecycleTest {

  @TempDir Path dir;
  private Path file;
  private Vertx vertx;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    file = dir.resolve("var/lib/doorstep/doorstep.db");
  }

  @AfterEach
  void stop() {
    await(vertx.close());
  }

  /** Every migration once, in order. */
  private static List<Integer> allVersions() {
    return java.util.stream.IntStream.rangeClosed(1, Migrations.latestVersion()).boxed().toList();
  }

  @Test
  void openCreatesTheDirectoryAndTheLatestSchema() throws Exception {
    try (Store store = Store.open(vertx, file)) {
      assertTrue(Files.exists(file));
    }
    assertEquals(allVersions(), versions());
  }

  @Test
  void closeFlushesEveryQueuedWriteAndReopenFindsThem() throws Exception {
    Store store = Store.open(vertx, file);
    CountDownLatch release = holdWriter(store);
    List<Future<Void>> queued = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      queued.add(store.append(event("e" + i)));
    }
    queued.add(store.upsertPersons(List.of(new PersonRecord("R1001", "Ann", "resident", "A-1-101", 0, 0, List.of("04A1")))));
    release.countDown();
    store.close();
    queued.forEach(StoreTesting::await);

    try (Store reopened = Store.open(vertx, file)) {
      assertEquals(500, await(reopened.eventsAfter(0, 1000)).size());
      assertEquals(1L, await(reopened.countPersons()));
    }
  }

  @Test
  void writesAfterCloseAreRefusedAndCloseTwiceIsHarmless() throws Exception {
    Store store = Store.open(vertx, file);
    store.close();
    store.close();

    assertInstanceOf(IllegalStateException.class, failure(store.append(event("late"))));
    assertInstanceOf(IllegalStateException.class, failure(store.audit("admin", "x", null, null, null)));
    assertInstanceOf(IllegalStateException.class, failure(store.recentEvents(10, null)));
  }

  @Test
  void reopeningRunsNoMigrationAgain() throws Exception {
    try (Store store = Store.open(vertx, file)) {
      await(store.append(event("e1")));
    }
    try (Store store = Store.open(vertx, file)) {
      assertEquals(1, await(store.eventsAfter(0, 10)).size());
    }
    assertEquals(allVersions(), versions());
  }

  @Test
  void aDatabaseFromANewerBuildIsRefused() throws Exception {
    try (Store store = Store.open(vertx, file)) {
      await(store.append(event("e1")));
    }
    int newer = Migrations.latestVersion() + 1;
    try (Connection c = raw(file); Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO schema_version (version, file, applied_ts) VALUES (" + newer + ", 'V" + newer + "__future.sql', 0)");
    }

    StoreException e = assertThrows(StoreException.class, () -> Store.open(vertx, file));
    assertTrue(e.getMessage().contains("version " + newer), e.getMessage());
    assertTrue(e.getMessage().contains("knows only up to " + Migrations.latestVersion()), e.getMessage());
  }

  @Test
  void aFileThatIsNotADatabaseIsRefused() throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "this is not a database, it is a text file that happens to be long enough");

    assertThrows(StoreException.class, () -> Store.open(vertx, file));
  }

  private List<Integer> versions() throws SQLException {
    List<Integer> out = new ArrayList<>();
    try (Connection c = raw(file);
        Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT version FROM schema_version ORDER BY version")) {
      while (rs.next()) {
        out.add(rs.getInt(1));
      }
    }
    return out;
  }
}
