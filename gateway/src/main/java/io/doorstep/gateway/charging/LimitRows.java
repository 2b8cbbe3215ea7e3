package io.doorstep.gateway.charging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Table platform_limits: the limits the platform changed, per pile. Statements only: the store runs them. */
final class LimitRows {
  private LimitRows() {}

  /** Keeps these values of the pile, replacing what was kept of the same limits. */
  static Void save(Connection c, String pile, Map<String, ? extends Number> values, long now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO platform_limits (pile, name, value, changed_ts)"
        + " VALUES (?, ?, ?, ?) ON CONFLICT (pile, name) DO UPDATE SET value = excluded.value,"
        + " changed_ts = excluded.changed_ts")) {
      for (Map.Entry<String, ? extends Number> e : values.entrySet()) {
        ps.setString(1, pile);
        ps.setString(2, e.getKey());
        ps.setDouble(3, e.getValue().doubleValue());
        ps.setLong(4, now);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    return null;
  }

  /** pile → limit → value, as kept. */
  static Map<String, Map<String, Number>> all(Connection c) throws SQLException {
    Map<String, Map<String, Number>> byPile = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT pile, name, value FROM platform_limits ORDER BY pile, name");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        byPile.computeIfAbsent(rs.getString(1), p -> new LinkedHashMap<>()).put(rs.getString(2), rs.getDouble(3));
      }
    }
    return byPile;
  }
}
