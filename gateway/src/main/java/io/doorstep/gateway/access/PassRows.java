package io.doorstep.gateway.access;

import io.vertx.core.json.JsonArray;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The visitor_passes record: written at issue and revocation, read for the office's list. */
final class PassRows {
  /**
   * The state as the door would judge the pass now (?1): revoked, then the window, then the
   * uses. The one definition of {@link PassState}; the filter and the list both read it.
   */
  private static final String SELECT = """
      SELECT * FROM (
        SELECT p.id, p.visitor_name, p.host, h.name, p.doors, p.valid_from, p.valid_to, p.uses,
               coalesce(u.used, 0) AS used, p.issued_by, p.issued_ts, p.revoked_ts, p.revoked_by,
               CASE
                 WHEN p.revoked_ts IS NOT NULL THEN 'revoked'
                 WHEN ?1 < p.valid_from THEN 'not-yet-valid'
                 WHEN ?1 >= p.valid_to THEN 'expired'
                 WHEN p.uses > 0 AND coalesce(u.used, 0) >= p.uses THEN 'used-up'
                 ELSE 'valid'
               END AS state,
               p.rowid AS seq
        FROM visitor_passes p
        LEFT JOIN visitor_pass_uses u ON u.pass_id = p.id
        LEFT JOIN persons h ON h.id = p.host
      )""";

  private PassRows() {}

  static void save(Connection c, VisitorPass pass, String visitorName, String host, String issuedBy, long issuedTs)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("""
        INSERT INTO visitor_passes (id, visitor_name, doors, valid_from, valid_to, uses, issued_ts, issued_by, host)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
      ps.setString(1, pass.id());
      ps.setString(2, visitorName);
      ps.setString(3, new JsonArray(new ArrayList<>(pass.doors())).encode());
      ps.setLong(4, pass.validFrom());
      ps.setLong(5, pass.validTo());
      ps.setInt(6, pass.uses());
      ps.setLong(7, issuedTs);
      ps.setString(8, issuedBy);
      ps.setString(9, host);
      ps.executeUpdate();
    }
  }

  /** Newest first; {@code state} null for all. */
  static List<IssuedPass> list(Connection c, PassState state, int offset, int limit, long now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELECT
        + " WHERE ?2 IS NULL OR state = ?2 ORDER BY issued_ts DESC, seq DESC LIMIT ?3 OFFSET ?4")) {
      ps.setLong(1, now);
      ps.setString(2, state == null ? null : state.wire());
      ps.setInt(3, limit);
      ps.setInt(4, offset);
      return read(ps);
    }
  }

  static IssuedPass one(Connection c, String id, long now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE id = ?2")) {
      ps.setLong(1, now);
      ps.setString(2, id);
      List<IssuedPass> found = read(ps);
      return found.isEmpty() ? null : found.get(0);
    }
  }

  /** Marks the pass revoked; false when there is no such pass or it was revoked already. */
  static boolean revoke(Connection c, String id, long ts, String by) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE visitor_passes SET revoked_ts = ?, revoked_by = ? WHERE id = ? AND revoked_ts IS NULL")) {
      ps.setLong(1, ts);
      ps.setString(2, by);
      ps.setString(3, id);
      return ps.executeUpdate() == 1;
    }
  }

  /** Revoked passes whose window has not ended: an ended one is refused as expired anyway. */
  static Set<String> revokedOpen(Connection c, long now) throws SQLException {
    Set<String> ids = new HashSet<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT id FROM visitor_passes WHERE revoked_ts IS NOT NULL AND valid_to > ?")) {
      ps.setLong(1, now);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
    }
    return ids;
  }

  /** The canonical id of a person or household named by {@code text}, or null for neither. */
  static String host(Connection c, String text) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("""
        SELECT id FROM persons WHERE id = ?1
        UNION ALL SELECT id FROM households WHERE id = ?1 COLLATE NOCASE
        LIMIT 1""")) {
      ps.setString(1, text);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private static List<IssuedPass> read(PreparedStatement ps) throws SQLException {
    List<IssuedPass> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        List<String> doors = new ArrayList<>();
        new JsonArray(rs.getString(5)).forEach(d -> doors.add((String) d));
        VisitorPass pass = new VisitorPass(rs.getString(1), doors, rs.getLong(6), rs.getLong(7), rs.getInt(8));
        long revoked = rs.getLong(12);
        Long revokedTs = rs.wasNull() ? null : revoked;
        out.add(new IssuedPass(pass, rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(9),
            rs.getString(10), rs.getLong(11), revokedTs, rs.getString(13),
            PassState.of(rs.getString(14)).orElseThrow()));
      }
    }
    return out;
  }
}
