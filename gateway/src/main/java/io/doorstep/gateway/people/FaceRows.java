package io.doorstep.gateway.people;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The face_photos table. Holds only ciphertext; nothing here ever sees a plain photo. */
final class FaceRows {

  private FaceRows() {}

  static void put(Connection c, String personId, SealedPhoto photo, long now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("""
        INSERT INTO face_photos (person_id, nonce, ciphertext, sha256, updated_ts) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (person_id) DO UPDATE SET
          nonce = excluded.nonce, ciphertext = excluded.ciphertext, sha256 = excluded.sha256,
          updated_ts = excluded.updated_ts""")) {
      ps.setString(1, personId);
      ps.setBytes(2, photo.nonce());
      ps.setBytes(3, photo.ciphertext());
      ps.setString(4, photo.sha256());
      ps.setLong(5, now);
      ps.executeUpdate();
    }
  }

  static boolean delete(Connection c, String personId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM face_photos WHERE person_id = ?")) {
      ps.setString(1, personId);
      return ps.executeUpdate() > 0;
    }
  }

  static Optional<SealedPhoto> find(Connection c, String personId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT nonce, ciphertext, sha256 FROM face_photos WHERE person_id = ?")) {
      ps.setString(1, personId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(new SealedPhoto(rs.getBytes(1), rs.getBytes(2), rs.getString(3)))
            : Optional.empty();
      }
    }
  }

  static Optional<String> digest(Connection c, String personId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT sha256 FROM face_photos WHERE person_id = ?")) {
      ps.setString(1, personId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  /** Person id to photo digest, for everyone who has a photo. */
  static Map<String, String> digests(Connection c) throws SQLException {
    Map<String, String> out = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT person_id, sha256 FROM face_photos");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getString(2));
      }
    }
    return out;
  }

  static boolean any(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM face_photos)");
        ResultSet rs = ps.executeQuery()) {
      return rs.next() && rs.getInt(1) == 1;
    }
  }
}
