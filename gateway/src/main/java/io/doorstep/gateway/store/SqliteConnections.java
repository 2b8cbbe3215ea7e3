package io.doorstep.gateway.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Opens the file's connections with the settings the durability guarantee rests on. */
final class SqliteConnections {

  /**
   * How long a statement waits for a lock another process holds (an operator's sqlite3 shell, a
   * backup) before it fails. Our own readers never need it: WAL lets them run beside the writer.
   */
  static final int BUSY_TIMEOUT_MS = 5_000;

  private SqliteConnections() {}

  static Connection openWriter(Path file) throws SQLException {
    Connection c = open(file);
    try {
      // A file system without shared memory (some network mounts) silently keeps the old mode,
      // and then readers would block the writer: refuse to run like that.
      String mode = queryString(c, "PRAGMA journal_mode=WAL");
      if (!"wal".equalsIgnoreCase(mode)) {
        throw new SQLException("journal_mode is " + mode + ", not wal: put the database on a local file system");
      }
      // In WAL mode NORMAL syncs only at checkpoints, so the last commits before a power cut can
      // vanish although devices were told they were stored. FULL syncs the WAL on every commit;
      // group commit pays that fsync once per batch, not once per event.
      execute(c, "PRAGMA synchronous=FULL");
      execute(c, "PRAGMA foreign_keys=ON");
      return c;
    } catch (SQLException | RuntimeException e) {
      closeQuietly(c);
      throw e;
    }
  }

  /** A connection that cannot write even by mistake, so the one-writer rule holds. */
  static Connection openReader(Path file) throws SQLException {
    Connection c = open(file);
    try {
      execute(c, "PRAGMA query_only=ON");
      return c;
    } catch (SQLException | RuntimeException e) {
      closeQuietly(c);
      throw e;
    }
  }

  static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  static String queryString(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // Nothing left to save on a connection being thrown away.
    }
  }

  private static Connection open(Path file) throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    try {
      execute(c, "PRAGMA busy_timeout=" + BUSY_TIMEOUT_MS);
      return c;
    } catch (SQLException | RuntimeException e) {
      closeQuietly(c);
      throw e;
    }
  }
}
