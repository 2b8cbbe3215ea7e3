package io.doorstep.gateway.alarms;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The alarms table. Statements only: the store runs them on its writer or a read connection. */
final class AlarmRows {
  private static final String COLUMNS =
      "id, event_id, device, kind, raised_ts, cleared_ts, acked_ts, acked_by, note";
  /** The page shows a few screens of alarms; thousands would mean a fault elsewhere. */
  static final int ATTENTION_LIMIT = 500;

  private AlarmRows() {}

  static long insert(Connection c, String eventId, String device, AlarmType type, long raisedTs)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO alarms (event_id, device, kind, severity, raised_ts) VALUES (?, ?, ?, ?, ?)")) {
      ps.setString(1, eventId);
      ps.setString(2, device);
      ps.setString(3, type.code());
      ps.setString(4, type.severity().code());
      ps.setLong(5, raisedTs);
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT last_insert_rowid()");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Ends the open alarms of the types, of one device or (device null) of every device. */
  static List<Alarm> clear(Connection c, String device, List<AlarmType> types, long ts) throws SQLException {
    List<Alarm> cleared = new ArrayList<>();
    for (AlarmType type : types) {
      String where = "kind = ? AND cleared_ts IS NULL" + (device == null ? "" : " AND device = ?");
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM alarms WHERE " + where)) {
        bind(ps, type, device);
        cleared.addAll(list(ps));
      }
      try (PreparedStatement ps = c.prepareStatement("UPDATE alarms SET cleared_ts = " + ts + " WHERE " + where)) {
        bind(ps, type, device);
        ps.executeUpdate();
      }
    }
    return cleared.stream().map(a -> withCleared(a, ts)).toList();
  }

  static Alarm byId(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM alarms WHERE id = ?")) {
      ps.setLong(1, id);
      List<Alarm> found = list(ps);
      return found.isEmpty() ? null : found.get(0);
    }
  }

  /** Records the acknowledgement; ends the alarm too when its type ends only that way. */
  static void acknowledge(Connection c, Alarm alarm, String by, String note, long ts) throws SQLException {
    boolean clear = alarm.type().clearedByAck() && alarm.open();
    try (PreparedStatement ps = c.prepareStatement("UPDATE alarms SET acked_ts = ?, acked_by = ?, note = ?"
        + (clear ? ", cleared_ts = ?" : "") + " WHERE id = ?")) {
      ps.setLong(1, ts);
      ps.setString(2, by);
      ps.setString(3, note);
      int i = 4;
      if (clear) {
        ps.setLong(i++, ts);
      }
      ps.setLong(i, alarm.id());
      ps.executeUpdate();
    }
  }

  static List<Alarm> open(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM alarms WHERE cleared_ts IS NULL")) {
      return list(ps);
    }
  }

  /** Open or not yet acknowledged, newest first. */
  static List<Alarm> needingAttention(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
        + " FROM alarms WHERE cleared_ts IS NULL OR acked_ts IS NULL ORDER BY raised_ts DESC, id DESC LIMIT "
        + ATTENTION_LIMIT)) {
      return list(ps);
    }
  }

  private static void bind(PreparedStatement ps, AlarmType type, String device) throws SQLException {
    ps.setString(1, type.code());
    if (device != null) {
      ps.setString(2, device);
    }
  }

  private static List<Alarm> list(PreparedStatement ps) throws SQLException {
    List<Alarm> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        // A kind written by a newer build is skipped, not guessed at.
        Optional<AlarmType> type = AlarmType.fromCode(rs.getString("kind"));
        if (type.isPresent()) {
          out.add(row(rs, type.get()));
        }
      }
    }
    return out;
  }

  private static Alarm row(ResultSet rs, AlarmType type) throws SQLException {
    return new Alarm(rs.getLong("id"), rs.getString("event_id"), rs.getString("device"), type,
        rs.getLong("raised_ts"), nullableLong(rs, "cleared_ts"), nullableLong(rs, "acked_ts"),
        rs.getString("acked_by"), rs.getString("note"));
  }

  private static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  private static Alarm withCleared(Alarm a, long ts) {
    return new Alarm(a.id(), a.eventId(), a.device(), a.type(), a.raisedTs(), ts, a.ackedTs(), a.ackedBy(), a.note());
  }
}
