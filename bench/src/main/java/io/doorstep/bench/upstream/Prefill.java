package io.doorstep.bench.upstream;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fills the gateway's store, while the gateway is stopped, with a backlog: copies of passage
 * events the gateway itself recorded (device, kind, severity, payload), under new ids and times,
 * inserted into {@code events} with plain JDBC batches. The gateway's own trigger
 * ({@code events_to_upstream}, installed when it ran with upstream enabled) puts each in the
 * outbox, as it would for an event it stored itself.
 */
final class Prefill {
  static final String ID_PREFIX = "prefill-";
  private static final int PER_TRANSACTION = 50_000;

  record Template(String device, String kind, String severity, String payload) {}

  record Result(int events, long outboxRows, double seconds, int templates, double meanPayloadBytes) {}

  private Prefill() {}

  static String id(int n) {
    return String.format(Locale.ROOT, "%s%08d", ID_PREFIX, n);
  }

  static Result run(Path dbFile, int events) throws SQLException {
    long start = System.nanoTime();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dbFile)) {
      try (Statement s = c.createStatement()) {
        // Only for the pre-fill: the gateway opens the file with synchronous=FULL again.
        s.execute("PRAGMA synchronous=OFF");
        try (ResultSet rs = s.executeQuery(
            "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'events_to_upstream'")) {
          rs.next();
          if (rs.getInt(1) != 1) {
            throw new IllegalStateException("the store has no events_to_upstream trigger: upstream was not enabled");
          }
        }
      }
      List<Template> templates = templates(c);
      if (templates.isEmpty()) {
        throw new IllegalStateException("the gateway recorded no passages to copy");
      }
      long payloadBytes = 0;
      long now = System.currentTimeMillis();
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO events (id, ts, device, kind, severity, payload,"
          + " stored_ts) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        for (int n = 0; n < events; n++) {
          Template t = templates.get(n % templates.size());
          long ts = now - events + n; // a millisecond apart, oldest first, all in the past
          ps.setString(1, id(n));
          ps.setLong(2, ts);
          ps.setString(3, t.device());
          ps.setString(4, t.kind());
          ps.setString(5, t.severity());
          ps.setString(6, t.payload());
          ps.setLong(7, ts);
          ps.addBatch();
          payloadBytes += t.payload().length();
          if ((n + 1) % PER_TRANSACTION == 0 || n + 1 == events) {
            ps.executeBatch();
            c.commit();
          }
        }
      }
      c.setAutoCommit(true);
      long outbox;
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT count(*) FROM upstream_outbox o JOIN events e ON e.seq = o.event_seq"
              + " WHERE e.id LIKE '" + ID_PREFIX + "%'")) {
        rs.next();
        outbox = rs.getLong(1);
      }
      return new Result(events, outbox, (System.nanoTime() - start) / 1e9, templates.size(),
          payloadBytes / (double) events);
    }
  }

  private static List<Template> templates(Connection c) throws SQLException {
    List<Template> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT device, kind, severity, payload FROM events"
            + " WHERE kind = 'passage' ORDER BY seq LIMIT 1000")) {
      while (rs.next()) {
        out.add(new Template(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
      }
    }
    return out;
  }
}
