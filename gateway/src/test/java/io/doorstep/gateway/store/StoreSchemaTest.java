package io.doorstep.gateway.store;

import static io.doorstep.gateway.store.StoreTesting.await;
import static io.doorstep.gateway.store.StoreTesting.event;
import static io.doorstep.gateway.store.StoreTesting.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreSchemaTest {

  @TempDir Path dir;
  private Path file;
  private Vertx vertx;
  private Store store;

  @BeforeEach
  void open() throws StoreException {
    vertx = Vertx.vertx();
    file = dir.resolve("doorstep.db");
    store = Store.open(vertx, file);
  }

  @AfterEach
  void close() {
    store.close();
    await(vertx.close());
  }

  @Test
  void theWriterRunsInWalWithFullSync() {
    assertEquals("wal", await(store.write(c -> SqliteConnections.queryString(c, "PRAGMA journal_mode"))));
    assertEquals("2", await(store.write(c -> SqliteConnections.queryString(c, "PRAGMA synchronous"))));
    assertEquals("1", await(store.write(c -> SqliteConnections.queryString(c, "PRAGMA foreign_keys"))));
  }

  @Test
  void eventsCannotBeChangedOrDeleted() throws SQLException {
    await(store.append(event("e1")));
    try (Connection c = raw(file); Statement s = c.createStatement()) {
      SQLException update = assertThrows(SQLException.class, () -> s.executeUpdate("UPDATE events SET kind = 'x'"));
      assertTrue(update.getMessage().contains("append-only"), update.getMessage());
      SQLException delete = assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM events"));
      assertTrue(delete.getMessage().contains("append-only"), delete.getMessage());
    }
    assertEquals("door.opened", await(store.recentEvents(1, null)).get(0).event().kind());
  }

  @Test
  void readConnectionsCannotWrite() {
    Throwable e = StoreTesting.failure(store.read(c -> {
      try (Statement s = c.createStatement()) {
        return s.executeUpdate("INSERT INTO devices (id, type, online, last_seen, updated_ts) VALUES ('d', 't', 1, 0, 0)");
      }
    }));
    assertInstanceOf(SQLException.class, e);
  }

  @Test
  void deviceStateKeepsTheLatestReport() throws SQLException {
    await(store.saveDeviceState("door-1", "face-terminal", true, 1_000));
    await(store.saveDeviceState("door-1", "face-terminal", false, 2_000));

    try (Connection c = raw(file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT type, online, last_seen, count(*) OVER () FROM devices")) {
      assertTrue(rs.next());
      assertEquals("face-terminal", rs.getString(1));
      assertEquals(0, rs.getInt(2));
      assertEquals(2_000, rs.getLong(3));
      assertEquals(1, rs.getInt(4));
    }
  }

  @Test
  void auditRowsAreKeptInOrder() throws SQLException {
    await(store.audit("admin", "person.update", "R1001", "{\"name\":\"Ann\"}", "{\"name\":\"Anne\"}"));
    await(store.audit("admin", "card.revoke", "04A1", null, null));

    try (Connection c = raw(file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT actor, action, target, before_json, after_json FROM audit ORDER BY seq")) {
      assertTrue(rs.next());
      assertEquals("person.update", rs.getString(2));
      assertEquals("{\"name\":\"Anne\"}", rs.getString(5));
      assertTrue(rs.next());
      assertEquals("card.revoke", rs.getString(2));
      assertEquals(null, rs.getString(4));
    }
  }
}
