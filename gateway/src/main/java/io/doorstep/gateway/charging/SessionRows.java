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
   * The row of a session that began, or the open row of that port if one is left from before a
   * restart: the port is still charging, so it is the same session.
   */
  static long start(Connection c, String shed, SafetyAction.SessionStarted s) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT id FROM charging_sessions WHERE pile = ? AND port = ? AND ended_ts IS NULL")) {
      ps.setString(1, s.pileId());
      ps.setInt(2, s.port());
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          return rs.getLong(1);
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
