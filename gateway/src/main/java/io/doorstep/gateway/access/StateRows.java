package io.doorstep.gateway.access;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** The stored copies of anti-passback state and visitor pass usage, reloaded at start. */
final class StateRows {
  private StateRows() {}

  static PassbackState passback(Connection c) throws SQLException {
    PassbackState state = new PassbackState();
    try (PreparedStatement ps = c.prepareStatement("SELECT grp, holder, direction, ts FROM access_passback");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        state.record(new PassbackState.Passage(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
      }
    }
    return state;
  }

  /** Later passages win here as in memory, whatever order the writes arrive in. */
  static void savePassback(Connection c, List<PassbackState.Passage> passages) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("""
        INSERT INTO access_passback (grp, holder, direction, ts) VALUES (?, ?, ?, ?)
        ON CONFLICT (grp, holder) DO UPDATE SET direction = excluded.direction, ts = excluded.ts
        WHERE excluded.ts >= access_passback.ts""")) {
      for (PassbackState.Passage p : passages) {
        ps.setString(1, p.group());
        ps.setString(2, p.holder());
        ps.setString(3, p.direction());
        ps.setLong(4, p.ts());
        ps.executeUpdate();
      }
    }
  }

  static PassUsage usage(Connection c) throws SQLException {
    PassUsage usage = new PassUsage();
    try (PreparedStatement ps = c.prepareStatement("SELECT pass_id, used FROM visitor_pass_uses");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        usage.restore(rs.getString(1), rs.getInt(2));
      }
    }
    return usage;
  }

  static void saveUsage(Connection c, String passId, int used, long ts) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("""
        INSERT INTO visitor_pass_uses (pass_id, used, last_ts) VALUES (?, ?, ?)
        ON CONFLICT (pass_id) DO UPDATE SET used = max(used, excluded.used), last_ts = excluded.last_ts""")) {
      ps.setString(1, passId);
      ps.setInt(2, used);
      ps.setLong(3, ts);
      ps.executeUpdate();
    }
  }
}
