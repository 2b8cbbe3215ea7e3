package io.doorstep.gateway.fire;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** Tables fire_mode and fire_sources. Statements only: the store runs them. */
final class FireRows {
  /** What a start-up reads back. */
  record Loaded(FireRecord mode, Map<String, Boolean> sources) {}

  private FireRows() {}

  static Loaded load(Connection c) throws SQLException {
    FireRecord mode = FireRecord.NEVER;
    try (PreparedStatement ps = c.prepareStatement("SELECT active, started_ts, source, reason, event_id, ended_ts,"
        + " ended_by, ended_role, restore_pending FROM fire_mode WHERE id = 1");
        ResultSet rs = ps.executeQuery()) {
      if (rs.next()) {
        mode = new FireRecord(rs.getInt(1) == 1, rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getLong(6), rs.getString(7), rs.getString(8), rs.getInt(9) == 1);
      }
    }
    Map<String, Boolean> sources = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT source, alarm FROM fire_sources");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        sources.put(rs.getString(1), rs.getInt(2) == 1);
      }
    }
    return new Loaded(mode, sources);
  }

  static Void saveMode(Connection c, FireRecord m) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE fire_mode SET active = ?, started_ts = ?, source = ?,"
        + " reason = ?, event_id = ?, ended_ts = ?, ended_by = ?, ended_role = ?, restore_pending = ? WHERE id = 1")) {
      ps.setInt(1, m.active() ? 1 : 0);
      ps.setLong(2, m.startedTs());
      ps.setString(3, m.source());
      ps.setString(4, m.reason());
      ps.setString(5, m.eventId());
      ps.setLong(6, m.endedTs());
      ps.setString(7, m.endedBy());
      ps.setString(8, m.endedRole());
      ps.setInt(9, m.restorePending() ? 1 : 0);
      if (ps.executeUpdate() != 1) {
        throw new SQLException("the fire_mode row is missing");
      }
    }
    return null;
  }

  static Void saveSource(Connection c, String source, boolean alarm, long ts) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO fire_sources (source, alarm, changed_ts) VALUES (?, ?, ?)"
        + " ON CONFLICT (source) DO UPDATE SET alarm = excluded.alarm, changed_ts = excluded.changed_ts")) {
      ps.setString(1, source);
      ps.setInt(2, alarm ? 1 : 0);
      ps.setLong(3, ts);
      ps.executeUpdate();
    }
    return null;
  }
}
