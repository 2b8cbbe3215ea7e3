package io.doorstep.gateway.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Maps {@link KnownEntry} to the {@code sync_persons} table and back. */
final class SyncRows {
  private static final String PUT = """
      INSERT INTO sync_persons (device, person_id, digest, state, error, held, updated_ts)
      VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (device, person_id) DO UPDATE SET
        digest = excluded.digest, state = excluded.state, error = excluded.error,
        held = excluded.held, updated_ts = excluded.updated_ts""";

  private SyncRows() {}

  /** Every terminal's entries: device to person id to entry. */
  static Map<String, Map<String, KnownEntry>> all(Connection c) throws SQLException {
    Map<String, Map<String, KnownEntry>> out = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(
            "SELECT device, person_id, digest, state, error, held FROM sync_persons");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        KnownEntry e = new KnownEntry(rs.getString("digest"), "failed".equals(rs.getString("state")),
            rs.getString("error"), rs.getInt("held") == 1);
        out.computeIfAbsent(rs.getString("device"), d -> new HashMap<>()).put(rs.getString("person_id"), e);
      }
    }
    return out;
  }

  static void put(Connection c, String device, Map<String, KnownEntry> entries) throws SQLException {
    long now = System.currentTimeMillis();
    try (PreparedStatement ps = c.prepareStatement(PUT)) {
      for (Map.Entry<String, KnownEntry> e : entries.entrySet()) {
        KnownEntry k = e.getValue();
        ps.setString(1, device);
        ps.setString(2, e.getKey());
        ps.setString(3, k.digest());
        ps.setString(4, k.failed() ? "failed" : "ok");
        ps.setString(5, k.error());
        ps.setInt(6, k.held() ? 1 : 0);
        ps.setLong(7, now);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  static void remove(Connection c, String device, Collection<String> personIds) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM sync_persons WHERE device = ? AND person_id = ?")) {
      for (String id : personIds) {
        ps.setString(1, device);
        ps.setString(2, id);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  static void removeDevice(Connection c, String device) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM sync_persons WHERE device = ?")) {
      ps.setString(1, device);
      ps.executeUpdate();
    }
  }
}
