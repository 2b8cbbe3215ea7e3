package io.doorstep.gateway.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** The audit trail of what people changed through the gateway. */
final class AuditRows {

  private AuditRows() {}

  static void insert(Connection c, String actor, String action, String target, String before, String after)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO audit (ts, actor, action, target, before_json, after_json) VALUES (?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, System.currentTimeMillis());
      ps.setString(2, actor);
      ps.setString(3, action);
      ps.setString(4, target);
      ps.setString(5, before);
      ps.setString(6, after);
      ps.executeUpdate();
    }
  }
}
