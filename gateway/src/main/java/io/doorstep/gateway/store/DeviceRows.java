package io.doorstep.gateway.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** The devices table: where each device was last seen, so a restart does not forget it. */
final class DeviceRows {

  private static final String UPSERT = """
      INSERT INTO devices (id, type, online, last_seen, updated_ts) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET
        type = excluded.type, online = excluded.online,
        last_seen = excluded.last_seen, updated_ts = excluded.updated_ts""";

  private DeviceRows() {}

  static void save(Connection c, String deviceId, String type, boolean online, long lastSeenMs) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
      ps.setString(1, deviceId);
      ps.setString(2, type);
      ps.setInt(3, online ? 1 : 0);
      ps.setLong(4, lastSeenMs);
      ps.setLong(5, System.currentTimeMillis());
      ps.executeUpdate();
    }
  }
}
