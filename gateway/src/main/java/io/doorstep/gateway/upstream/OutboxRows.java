package io.doorstep.gateway.upstream;

import io.doorstep.gateway.store.StoredEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tables upstream_outbox and upstream_drops, and the trigger that fills the outbox. Statements
 * only: the store runs them.
 */
final class OutboxRows {
  /** Alarms and their acknowledgements, and fire mode: ahead of everything else. */
  static final int ALARM_LANE = 0;
  static final int ROUTINE_LANE = 1;

  /**
   * Every event is bound upstream, in the transaction that stores it: a trigger cannot be
   * forgotten by a code path that writes events. Alarms and fire mode take the first lane.
   */
  private static final String TRIGGER = "CREATE TRIGGER IF NOT EXISTS events_to_upstream AFTER INSERT ON events"
      + " BEGIN INSERT INTO upstream_outbox (event_seq, lane) VALUES (NEW.seq,"
      + " CASE WHEN NEW.kind LIKE 'alarm.%' OR NEW.kind LIKE 'fire.mode.%' THEN 0 ELSE 1 END); END";

  private OutboxRows() {}

  /** From now on every stored event is also queued upstream. */
  static Void install(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(TRIGGER);
    }
    return null;
  }

  /** Upstream off: events are no longer queued (what is queued stays for when it is on again). */
  static Void uninstall(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("DROP TRIGGER IF EXISTS events_to_upstream");
    }
    return null;
  }

  /** The oldest events still to send in a lane, oldest first. */
  static List<StoredEvent> next(Connection c, int lane, long afterSeq, int limit) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT e.seq, e.id, e.ts, e.device, e.kind, e.severity, e.payload"
        + " FROM upstream_outbox o JOIN events e ON e.seq = o.event_seq"
        + " WHERE o.lane = ? AND o.event_seq > ? ORDER BY o.event_seq LIMIT ?")) {
      ps.setInt(1, lane);
      ps.setLong(2, afterSeq);
      ps.setInt(3, limit);
      List<StoredEvent> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(StoredEvent.from(rs));
        }
      }
      return out;
    }
  }

  /** The platform's broker has them: they leave the outbox. */
  static Integer done(Connection c, List<Long> seqs) throws SQLException {
    int removed = 0;
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM upstream_outbox WHERE event_seq = ?")) {
      for (long seq : seqs) {
        ps.setLong(1, seq);
        ps.addBatch();
      }
      for (int n : ps.executeBatch()) {
        removed += Math.max(0, n);
      }
    }
    return removed;
  }

  /** Events that cannot travel at all leave the outbox (the caller has logged and counted them). */
  static Integer remove(Connection c, List<String> eventIds) throws SQLException {
    int removed = 0;
    try (PreparedStatement ps = c.prepareStatement(
        "DELETE FROM upstream_outbox WHERE event_seq = (SELECT seq FROM events WHERE id = ?)")) {
      for (String id : eventIds) {
        ps.setString(1, id);
        removed += ps.executeUpdate();
      }
    }
    return removed;
  }

  /**
   * How much waits, per lane, and since when. Counted on the outbox's own index, then one look-up
   * of the oldest event: sampled every few seconds, it must stay cheap with a million waiting.
   */
  static Backlog backlog(Connection c) throws SQLException {
    long alarms = 0;
    long routine = 0;
    long oldestSeq = Long.MAX_VALUE;
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT lane, count(*), min(event_seq) FROM upstream_outbox GROUP BY lane");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        if (rs.getInt(1) == ALARM_LANE) {
          alarms = rs.getLong(2);
        } else {
          routine = rs.getLong(2);
        }
        oldestSeq = Math.min(oldestSeq, rs.getLong(3));
      }
    }
    long oldestTs = 0;
    if (oldestSeq != Long.MAX_VALUE) {
      try (PreparedStatement ps = c.prepareStatement("SELECT stored_ts FROM events WHERE seq = ?")) {
        ps.setLong(1, oldestSeq);
        try (ResultSet rs = ps.executeQuery()) {
          oldestTs = rs.next() ? rs.getLong(1) : 0;
        }
      }
    }
    return new Backlog(alarms, routine, oldestTs);
  }

  /**
   * Keeps the backlog within its bounds: drops the oldest routine events that are neither
   * passages nor safety records, beyond {@code maxEvents} or waiting since before
   * {@code oldestAllowedTs}, and
   * counts them by kind. Alarms, passages and what {@link UpstreamPolicy#neverDropped} names stay,
   * however many there are.
   *
   * @return how many were dropped
   */
  static Integer enforce(Connection c, long maxEvents, long oldestAllowedTs, long now) throws SQLException {
    String droppable = "o.lane = 1 AND e.kind NOT IN (" + UpstreamPolicy.neverDroppedSql() + ")";
    long total;
    try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM upstream_outbox");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      total = rs.getLong(1);
    }
    long excess = Math.max(0, total - maxEvents);
    Map<String, Integer> byKind = new LinkedHashMap<>();
    List<Long> seqs = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT o.event_seq, e.kind, e.stored_ts FROM upstream_outbox o"
        + " JOIN events e ON e.seq = o.event_seq WHERE " + droppable + " ORDER BY o.event_seq")) {
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next() && (seqs.size() < excess || rs.getLong(3) < oldestAllowedTs)) {
          seqs.add(rs.getLong(1));
          byKind.merge(rs.getString(2), 1, Integer::sum);
        }
      }
    }
    if (seqs.isEmpty()) {
      return 0;
    }
    done(c, seqs);
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO upstream_drops (kind, dropped, first_ts, last_ts)"
        + " VALUES (?, ?, ?, ?) ON CONFLICT (kind) DO UPDATE SET dropped = dropped + excluded.dropped,"
        + " last_ts = excluded.last_ts")) {
      for (Map.Entry<String, Integer> e : byKind.entrySet()) {
        ps.setString(1, e.getKey());
        ps.setInt(2, e.getValue());
        ps.setLong(3, now);
        ps.setLong(4, now);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    return seqs.size();
  }

  /** Drops not yet reported to the platform, by kind. */
  static Map<String, Long> drops(Connection c) throws SQLException {
    Map<String, Long> drops = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT kind, dropped FROM upstream_drops ORDER BY kind");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        drops.put(rs.getString(1), rs.getLong(2));
      }
    }
    return drops;
  }

  /** The platform has been told of these drops. */
  static Void reported(Connection c, Map<String, Long> reported) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE upstream_drops SET dropped = dropped - ? WHERE kind = ?")) {
      for (Map.Entry<String, Long> e : reported.entrySet()) {
        ps.setLong(1, e.getValue());
        ps.setString(2, e.getKey());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (Statement s = c.createStatement()) {
      s.execute("DELETE FROM upstream_drops WHERE dropped <= 0");
    }
    return null;
  }

  /** @param oldestTs Unix ms the oldest waiting event was stored (began to wait), 0 when none waits */
  record Backlog(long alarms, long routine, long oldestTs) {
    long total() {
      return alarms + routine;
    }
  }
}
