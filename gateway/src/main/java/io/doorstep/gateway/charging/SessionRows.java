package io.doorstep.gateway.charging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/** Table charging_sessions. Statements only: the store runs them. */
final class SessionRows {
  private SessionRows() {}

  /**
   * How far a restarted gateway's worked-out start may be from the open row's start for the two
   * to be one session: the pile counts whole seconds and the poll takes a moment.
   */
  static final long SAME_SESSION_MS = 60_000;

  /**
   * The row of a session that began. An open row of that port left from before a restart is
   * the same session when it started at the same time, and is taken up again; otherwise that
   * session ended while the gateway was away, unseen, and is closed as such.
   */
  static long start(Connection c, String shed, SafetyAction.SessionStarted s) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT id, started_ts FROM charging_sessions WHERE pile = ? AND port = ? AND ended_ts IS NULL")) {
      ps.setString(1, s.pileId());
      ps.setInt(2, s.port());
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          long id = rs.getLong(1);
          if (Math.abs(rs.getLong(2) - s.startedAt()) <= SAME_SESSION_MS) {
            return id;
          }
          closeUnseen(c, id, s.startedAt());
        }
      }
    }
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO charging_sessions (pile, port, shed, started_ts) VALUES (?, ?, ?, ?)")) {
      ps.setString(1, s.pileId());
      ps.setInt(2, s.port());
      ps.setString(3, shed);
      ps.setLong(4, s.startedAt());
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT last_insert_rowid()"); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Its end is unknown; it was before {@code endedBy}, when the next session on the port began. */
  private static void closeUnseen(Connection c, long id, long endedBy) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE charging_sessions SET ended_ts = ?, stop_reason = 'unseen' WHERE id = ?")) {
      ps.setLong(1, endedBy);
      ps.setLong(2, id);
      ps.executeUpdate();
    }
  }

  /** Closes the port's open session; inserts a closed one when none was open (it began unseen). */
  static Void end(Connection c, String shed, ChargingSession s) throws SQLException {
    int updated;
    try (PreparedStatement ps = c.prepareStatement("UPDATE charging_sessions SET ended_ts = ?, energy_wh = ?,"
        + " peak_power_w = ?, peak_plug_c = ?, stop_reason = ? WHERE pile = ? AND port = ? AND ended_ts IS NULL")) {
      bindEnd(ps, s);
      ps.setString(6, s.pileId());
      ps.setInt(7, s.port());
      updated = ps.executeUpdate();
    }
    if (updated == 0) {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO charging_sessions (ended_ts, energy_wh, peak_power_w,"
          + " peak_plug_c, stop_reason, pile, port, shed, started_ts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        bindEnd(ps, s);
        ps.setString(6, s.pileId());
        ps.setInt(7, s.port());
        ps.setString(8, shed);
        ps.setLong(9, s.startedAt());
        ps.executeUpdate();
      }
    }
    return null;
  }

  private static void bindEnd(PreparedStatement ps, ChargingSession s) throws SQLException {
    ps.setLong(1, s.endedAt());
    ps.setLong(2, Math.round(s.energyWh()));
    ps.setLong(3, Math.round(s.peakPowerW()));
    if (s.peakPlugTemperature() == null) {
      ps.setNull(4, Types.REAL);
    } else {
      ps.setDouble(4, s.peakPlugTemperature());
    }
    ps.setString(5, s.reason() == null ? null : s.reason().code());
  }
}
