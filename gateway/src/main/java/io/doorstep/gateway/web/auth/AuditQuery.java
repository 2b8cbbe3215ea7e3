package io.doorstep.gateway.web.auth;

import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One page of the audit log, newest first, optionally of one person or one action. Paged by
 * position ({@code before}: the last seq of the previous page), so a page stays right while new
 * rows arrive.
 */
record AuditQuery(String actor, String action, Long before, int limit) {

  List<JsonObject> run(Connection c) throws SQLException {
    StringBuilder sql = new StringBuilder(
        "SELECT seq, ts, actor, action, target, before_json, after_json FROM audit WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (actor != null) {
      sql.append(" AND actor = ?");
      args.add(actor);
    }
    if (action != null) {
      sql.append(" AND action = ?");
      args.add(action);
    }
    if (before != null) {
      sql.append(" AND seq < ?");
      args.add(before);
    }
    sql.append(" ORDER BY seq DESC LIMIT ?");
    args.add(limit);
    List<JsonObject> rows = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
      for (int i = 0; i < args.size(); i++) {
        ps.setObject(i + 1, args.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(new JsonObject()
              .put("seq", rs.getLong("seq"))
              .put("ts", rs.getLong("ts"))
              .put("actor", rs.getString("actor"))
              .put("action", rs.getString("action"))
              .put("subject", rs.getString("target"))
              .put("before", rs.getString("before_json"))
              .put("after", rs.getString("after_json")));
        }
      }
    }
    return rows;
  }
}
