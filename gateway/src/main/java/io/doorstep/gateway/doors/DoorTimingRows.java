package io.doorstep.gateway.doors;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Table door_timings: the door timings changed on the technician console. Statements only: the store runs them. */
final class DoorTimingRows {
  private DoorTimingRows() {}

  /** Keeps these values of the door; a null value drops the console's and the file's applies again. */
  static Void save(Connection c, String door, Map<String, Integer> values, String who, long now) throws SQLException {
    try (PreparedStatement put = c.prepareStatement("INSERT INTO door_timings (door, name, value, changed_by,"
        + " changed_ts) VALUES (?, ?, ?, ?, ?) ON CONFLICT (door, name) DO UPDATE SET value = excluded.value,"
        + " changed_by = excluded.changed_by, changed_ts = excluded.changed_ts");
        PreparedStatement drop = c.prepareStatement("DELETE FROM door_timings WHERE door = ? AND name = ?")) {
      for (Map.Entry<String, Integer> e : values.entrySet()) {
        if (e.getValue() == null) {
          drop.setString(1, door);
          drop.setString(2, e.getKey());
          drop.executeUpdate();
        } else {
          put.setString(1, door);
          put.setString(2, e.getKey());
          put.setInt(3, e.getValue());
          put.setString(4, who);
          put.setLong(5, now);
          put.executeUpdate();
        }
      }
    }
    return null;
  }

  /** door → timing → value, as kept. */
  static Map<String, Map<String, Integer>> all(Connection c) throws SQLException {
    Map<String, Map<String, Integer>> byDoor = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT door, name, value FROM door_timings ORDER BY door, name");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        byDoor.computeIfAbsent(rs.getString(1), d -> new LinkedHashMap<>()).put(rs.getString(2), rs.getInt(3));
      }
    }
    return byDoor;
  }
}
