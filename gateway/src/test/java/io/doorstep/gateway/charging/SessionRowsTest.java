package io.doorstep.gateway.charging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.doorstep.gateway.store.Store;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sessions in a real SQLite file, across what a gateway restart does to them. */
class SessionRowsTest {
  private static final long T0 = 1_700_000_000_000L;

  @TempDir Path dir;
  private Vertx vertx;
  private Store store;

  @BeforeEach
  void open() throws Exception {
    vertx = Vertx.vertx();
    store = Store.open(vertx, dir.resolve("doorstep.db"));
  }

  @AfterEach
  void close() throws Exception {
    store.close();
    await(vertx.close());
  }

  @Test
  void aSessionIsStoredFromStartToEnd() throws Exception {
    long id = await(store.write(c -> SessionRows.start(c, "S1", started(T0))));
    await(store.write(c -> SessionRows.end(c, "S1",
        new ChargingSession("pile-1", 3, T0, T0 + 3_600_000, 412.4, 351, 41.5, StopReason.FULL, false))));

    assertEquals("full|3600000|412|351|41.5", row(id));
  }

  @Test
  void aRestartedGatewayTakesUpTheSameSessionAgain() throws Exception {
    long before = await(store.write(c -> SessionRows.start(c, "S1", started(T0))));
    // Worked out again from the pile's relay seconds after a restart: a second or two apart.
    long after = await(store.write(c -> SessionRows.start(c, "S1", started(T0 + 1_500))));

    assertEquals(before, after);
    assertNull(endReason(before));
  }

  @Test
  void aSessionThatEndedWhileTheGatewayWasAwayIsClosedAsUnseen() throws Exception {
    long old = await(store.write(c -> SessionRows.start(c, "S1", started(T0))));
    long next = await(store.write(c -> SessionRows.start(c, "S1", started(T0 + 7_200_000))));

    assertNotEquals(old, next);
    assertEquals("unseen", endReason(old));
    assertNull(endReason(next));
  }

  private static SafetyAction.SessionStarted started(long at) {
    return new SafetyAction.SessionStarted("pile-1", 3, at, false);
  }

  private String endReason(long id) throws Exception {
    return await(store.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT stop_reason FROM charging_sessions WHERE id = ?")) {
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getString(1);
        }
      }
    }));
  }

  private String row(long id) throws Exception {
    return await(store.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT stop_reason, ended_ts - started_ts, energy_wh,"
          + " peak_power_w, peak_plug_c FROM charging_sessions WHERE id = ?")) {
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getString(1) + "|" + rs.getLong(2) + "|" + rs.getLong(3) + "|" + rs.getLong(4) + "|"
              + rs.getDouble(5);
        }
      }
    }));
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
