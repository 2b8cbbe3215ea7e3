package io.doorstep.gateway.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Explicit BEGIN/COMMIT rather than JDBC auto-commit switching: sqlite-jdbc would open the next
 * transaction right after each commit, holding the write lock between batches for no reason.
 */
final class Transactions {

  private Transactions() {}

  /** IMMEDIATE takes the write lock up front, so a busy file fails at BEGIN, not halfway through. */
  static <T> T immediate(Connection c, SqlWork<T> work) throws SQLException {
    SqliteConnections.execute(c, "BEGIN IMMEDIATE");
    try {
      T result = work.apply(c);
      SqliteConnections.execute(c, "COMMIT");
      return result;
    } catch (SQLException | RuntimeException | Error e) {
      rollbackQuietly(c);
      throw e;
    }
  }

  static void rollbackQuietly(Connection c) {
    try {
      SqliteConnections.execute(c, "ROLLBACK");
    } catch (SQLException ignored) {
      // Some errors (disk full, I/O) make SQLite roll back by itself; then there is nothing to undo.
    }
  }
}
