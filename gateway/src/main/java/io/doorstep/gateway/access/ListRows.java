package io.doorstep.gateway.access;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The group members and blocklist tables (V3__access.sql). */
final class ListRows {
  private ListRows() {}

  static List<Memberships.Member> members(Connection c) throws SQLException {
    List<Memberships.Member> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT person_id, group_id FROM access_group_members");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new Memberships.Member(rs.getString(1), rs.getString(2)));
      }
    }
    return out;
  }

  static List<Blocklist.Entry> blocks(Connection c) throws SQLException {
    List<Blocklist.Entry> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT kind, subject, owner, reason, until_ts FROM access_blocklist");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new Blocklist.Entry(Blocklist.Kind.valueOf(rs.getString(1).toUpperCase(java.util.Locale.ROOT)),
            rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)));
      }
    }
    return out;
  }

  /** @return false when the person is not in the persons table */
  static boolean join(Connection c, String personId, String groupId, long now) throws SQLException {
    if (!exists(c, "SELECT 1 FROM persons WHERE id = ?", personId)) {
      return false;
    }
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT OR IGNORE INTO access_group_members (person_id, group_id, added_ts) VALUES (?, ?, ?)")) {
      ps.setString(1, personId);
      ps.setString(2, groupId);
      ps.setLong(3, now);
      ps.executeUpdate();
    }
    return true;
  }

  static void leave(Connection c, String personId, String groupId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "DELETE FROM access_group_members WHERE person_id = ? AND group_id = ?")) {
      ps.setString(1, personId);
      ps.setString(2, groupId);
      ps.executeUpdate();
    }
  }

  /** The card's owner now, so that a card block can name whose terminal lists it changes. */
  static String cardOwner(Connection c, String uid) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT person_id FROM cards WHERE uid = ?")) {
      ps.setString(1, uid);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  static void block(Connection c, Blocklist.Entry e, long now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("""
        INSERT INTO access_blocklist (kind, subject, owner, reason, until_ts, created_ts) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (kind, subject) DO UPDATE SET
          owner = excluded.owner, reason = excluded.reason, until_ts = excluded.until_ts,
          created_ts = excluded.created_ts""")) {
      ps.setString(1, e.kind().name().toLowerCase(java.util.Locale.ROOT));
      ps.setString(2, e.subject());
      ps.setString(3, e.owner());
      ps.setString(4, e.reason());
      ps.setLong(5, e.until());
      ps.setLong(6, now);
      ps.executeUpdate();
    }
  }

  /** @return the owner of the removed entry, or null when there was none */
  static String unblock(Connection c, Blocklist.Kind kind, String subject) throws SQLException {
    String k = kind.name().toLowerCase(java.util.Locale.ROOT);
    String owner = null;
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT owner FROM access_blocklist WHERE kind = ? AND subject = ?")) {
      ps.setString(1, k);
      ps.setString(2, subject);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          owner = rs.getString(1);
        }
      }
    }
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM access_blocklist WHERE kind = ? AND subject = ?")) {
      ps.setString(1, k);
      ps.setString(2, subject);
      ps.executeUpdate();
    }
    return owner;
  }

  private static boolean exists(Connection c, String sql, String value) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, value);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }
}
