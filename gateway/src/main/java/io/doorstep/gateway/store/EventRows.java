package io.doorstep.gateway.store;

import io.doorstep.device.DeviceEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/** Maps events to rows of the append-only log and back. */
final class EventRows {

  private static final String COLUMNS = "seq, id, ts, device, kind, severity, payload";

  // OR IGNORE: a device repeating a message it was never sure we got must still hear "stored".
  private static final String INSERT = "INSERT OR IGNORE INTO events (id, ts, device, kind, severity, payload, stored_ts)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?)";

  private EventRows() {}

  /** Returns how many events were new to the log. */
  static int insert(Connection c, List<DeviceEvent> events) throws SQLException {
    long storedTs = System.currentTimeMillis();
    int inserted = 0;
    try (PreparedStatement ps = c.prepareStatement(INSERT)) {
      for (DeviceEvent e : events) {
        ps.setString(1, e.id());
        ps.setLong(2, e.ts());
        ps.setString(3, e.device());
        ps.setString(4, e.kind());
        ps.setString(5, e.severity().code());
        ps.setString(6, e.payload().encode());
        ps.setLong(7, storedTs);
        inserted += ps.executeUpdate();
      }
    }
    return inserted;
  }

  static List<StoredEvent> recent(Connection c, int limit, Set<String> kinds) throws SQLException {
    boolean filtered = kinds != null && !kinds.isEmpty();
    String where = filtered ? " WHERE kind IN (" + String.join(", ", Collections.nCopies(kinds.size(), "?")) + ")" : "";
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT " + COLUMNS + " FROM events" + where + " ORDER BY seq DESC LIMIT ?")) {
      int i = 1;
      if (filtered) {
        for (String kind : kinds) {
          ps.setString(i++, kind);
        }
      }
      ps.setInt(i, limit);
      return list(ps);
    }
  }

  static List<StoredEvent> after(Connection c, long seq, int limit) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT " + COLUMNS + " FROM events WHERE seq > ? ORDER BY seq LIMIT ?")) {
      ps.setLong(1, seq);
      ps.setInt(2, limit);
      return list(ps);
    }
  }

  private static List<StoredEvent> list(PreparedStatement ps) throws SQLException {
    List<StoredEvent> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(StoredEvent.from(rs));
      }
    }
    return out;
  }
}
