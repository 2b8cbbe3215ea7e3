package io.doorstep.gateway.web.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The web_users table. Names compare without regard to case (the column's collation). */
final class AccountRows {
  private static final String COLUMNS = "name, role, created_ts, last_login_ts, disabled";

  /** An account with its hash, for checking a login; the hash never leaves this package. */
  record Stored(WebAccount account, String passwordHash) {}

  private AccountRows() {}

  static Stored find(Connection c, String name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT " + COLUMNS + ", password_hash FROM web_users WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? new Stored(account(rs), rs.getString("password_hash")) : null;
      }
    }
  }

  static List<WebAccount> all(Connection c) throws SQLException {
    List<WebAccount> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM web_users ORDER BY name");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(account(rs));
      }
    }
    return out;
  }

  static long count(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM web_users");
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  /** Admins who could still log in: the last of them may not be demoted or disabled. */
  static long activeAdmins(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT count(*) FROM web_users WHERE role = 'admin' AND disabled = 0");
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  /** False when the name is taken (in any case). */
  static boolean insert(Connection c, String name, Role role, String hash, long now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO web_users (name, role, password_hash, created_ts)"
        + " VALUES (?, ?, ?, ?) ON CONFLICT (name) DO NOTHING")) {
      ps.setString(1, name);
      ps.setString(2, role.code());
      ps.setString(3, hash);
      ps.setLong(4, now);
      return ps.executeUpdate() == 1;
    }
  }

  static void setRole(Connection c, String name, Role role) throws SQLException {
    update(c, "UPDATE web_users SET role = ? WHERE name = ?", role.code(), name);
  }

  static void setDisabled(Connection c, String name, boolean disabled) throws SQLException {
    update(c, "UPDATE web_users SET disabled = ? WHERE name = ?", disabled ? 1 : 0, name);
  }

  static void setPassword(Connection c, String name, String hash) throws SQLException {
    update(c, "UPDATE web_users SET password_hash = ? WHERE name = ?", hash, name);
  }

  static void loggedIn(Connection c, String name, long now) throws SQLException {
    update(c, "UPDATE web_users SET last_login_ts = ? WHERE name = ?", now, name);
  }

  private static void update(Connection c, String sql, Object value, String name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, value);
      ps.setString(2, name);
      ps.executeUpdate();
    }
  }

  private static WebAccount account(ResultSet rs) throws SQLException {
    long lastLogin = rs.getLong("last_login_ts");
    Long last = rs.wasNull() ? null : lastLogin;
    return new WebAccount(rs.getString("name"), Role.byCode(rs.getString("role")), rs.getLong("created_ts"), last,
        rs.getInt("disabled") == 1);
  }
}
