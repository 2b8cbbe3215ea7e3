package io.doorstep.gateway.devices;

import io.doorstep.gateway.config.DeviceEdits;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Tables device_edits and line_edits: the devices and RS-485 lines changed on the technician
 * console, one table per section of the estate file. Statements only: the store runs them.
 */
final class DeviceEditRows {
  private DeviceEditRows() {}

  /** Keeps the entry's latest edit; it is laid over the file after every edit of its section kept before it. */
  static Void save(Connection c, DeviceEdits.Edit edit, String who, long now) throws SQLException {
    Table t = Table.of(edit.section());
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + t.name + " (" + t.key + ", entry_json,"
        + " changed_by, changed_ts, seq) VALUES (?, ?, ?, ?, (SELECT coalesce(max(seq), 0) + 1 FROM " + t.name + "))"
        + " ON CONFLICT (" + t.key + ") DO UPDATE SET entry_json = excluded.entry_json,"
        + " changed_by = excluded.changed_by, changed_ts = excluded.changed_ts, seq = excluded.seq")) {
      ps.setString(1, edit.id());
      ps.setString(2, edit.entry() == null ? null : new JsonObject(edit.entry()).encode());
      ps.setString(3, who);
      ps.setLong(4, now);
      ps.executeUpdate();
    }
    return null;
  }

  /**
   * Every kept edit: the devices' in the order they are laid over the file, then the lines'.
   * An edit touches only its own section, so the two orders never meet.
   */
  static List<DeviceEdits.Edit> all(Connection c) throws SQLException {
    List<DeviceEdits.Edit> edits = new ArrayList<>();
    for (Table t : Table.values()) {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + t.key + ", entry_json FROM " + t.name
          + " ORDER BY seq");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String json = rs.getString(2);
          edits.add(new DeviceEdits.Edit(t.section, rs.getString(1),
              json == null ? null : new JsonObject(json).getMap()));
        }
      }
    }
    return edits;
  }

  private enum Table {
    DEVICES(DeviceEdits.DEVICES, "device_edits", "device"),
    LINES(DeviceEdits.LINES, "line_edits", "line");

    final String section;
    final String name;
    final String key;

    Table(String section, String name, String key) {
      this.section = section;
      this.name = name;
      this.key = key;
    }

    static Table of(String section) {
      return DeviceEdits.LINES.equals(section) ? LINES : DEVICES;
    }
  }
}
