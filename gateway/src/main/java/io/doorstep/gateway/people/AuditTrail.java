package io.doorstep.gateway.people;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Writes audit rows inside the transaction of the change they record, so a change is never
 * committed without its row (or the row without the change). Store.audit would commit apart.
 * The columns are the store's audit table (V1).
 */
final class AuditTrail {

  private AuditTrail() {}

  static void record(Connection c, String actor, String action, String target, String before, String after, long now)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO audit (ts, actor, action, target, before_json, after_json) VALUES (?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, now);
      ps.setString(2, actor);
      ps.setString(3, action);
      ps.setString(4, target);
      ps.setString(5, before);
      ps.setString(6, after);
      ps.executeUpdate();
    }
  }
}
