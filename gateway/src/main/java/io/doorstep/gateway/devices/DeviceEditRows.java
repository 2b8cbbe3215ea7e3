package io.doorstep.gateway.devices;

import io.doorstep.gateway.config.DeviceEdits;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Table device_edits: the devices changed on the technician console. Statements only: the store runs them. */
final class DeviceEditRows {
  private DeviceEditRows() {}

  /** Keeps the device's latest edit; it is laid over the file after every edit kept before it. */
  static Void save(Connection c, DeviceEdits.Edit edit, String who, long now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO device_edits (device, entry_json, changed_by,"
        + " changed_ts, seq) VALUES (?, ?, ?, ?, (SELECT coalesce(max(seq), 0) + 1 FROM device_edits))"
        + " ON CONFLICT (device) DO UPDATE SET entry_json = excluded.entry_json, changed_by = excluded.changed_by,"
        + " changed_ts = excluded.changed_ts, seq = excluded.seq")) {
      ps.setString(1, edit.id());
      ps.setString(2, edit.entry() == null ? null : new JsonObject(edit.entry()).encode());
      ps.setString(3, who);
      ps.setLong(4, now);
      ps.executeUpdate();
    }
    return null;
  }

  /** Every kept edit, in the order they are laid over the file. */
  static List<DeviceEdits.Edit> all(Connection c) throws SQLException {
    List<DeviceEdits.Edit> edits = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT device, entry_json FROM device_edits ORDER BY seq");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String json = rs.getString(2);
        edits.add(new DeviceEdits.Edit(rs.getString(1), json == null ? null : new JsonObject(json).getMap()));
      }
    }
    return edits;
  }
}
