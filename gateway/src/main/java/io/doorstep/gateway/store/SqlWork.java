package io.doorstep.gateway.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A piece of work against one connection. The writer runs it inside its batch transaction and a
 * reader inside its own statement, so the work itself never begins or commits.
 */
@FunctionalInterface
public interface SqlWork<T> {
  T apply(Connection connection) throws SQLException;
}
