package io.doorstep.gateway.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Maps persons and their cards to the persons and cards tables and back. */
final class PersonRows {

  // Not INSERT OR REPLACE: that deletes the row first, which would cascade to the cards and lose created_ts.
  private static final String UPSERT = """
      INSERT INTO persons (id, name, kind, household, valid_from, valid_to, created_ts, updated_ts)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET
        name = excluded.name, kind = excluded.kind, household = excluded.household,
        valid_from = excluded.valid_from, valid_to = excluded.valid_to, updated_ts = excluded.updated_ts""";

  // A card re-issued to someone else moves with its uid, so no old holder can still present it.
  private static final String CLAIM_CARD = """
      INSERT INTO cards (uid, person_id) VALUES (?, ?)
      ON CONFLICT (uid) DO UPDATE SET person_id = excluded.person_id""";

  // One statement, so the persons and their cards come from the same snapshot.
  private static final String SELECT_ALL = """
      SELECT p.id, p.name, p.kind, p.household, p.valid_from, p.valid_to, c.uid
      FROM persons p LEFT JOIN cards c ON c.person_id = p.id
      ORDER BY p.id, c.uid""";

  private PersonRows() {}

  static void upsert(Connection c, List<PersonRecord> persons) throws SQLException {
    long now = System.currentTimeMillis();
    try (PreparedStatement person = c.prepareStatement(UPSERT);
        PreparedStatement dropCards = c.prepareStatement("DELETE FROM cards WHERE person_id = ?");
        PreparedStatement claim = c.prepareStatement(CLAIM_CARD)) {
      for (PersonRecord p : persons) {
        person.setString(1, p.id());
        person.setString(2, p.name());
        person.setString(3, p.kind());
        person.setString(4, p.household());
        person.setLong(5, p.validFrom());
        person.setLong(6, p.validTo());
        person.setLong(7, now);
        person.setLong(8, now);
        person.executeUpdate();
        dropCards.setString(1, p.id());
        dropCards.executeUpdate();
        for (String uid : p.cards()) {
          claim.setString(1, uid);
          claim.setString(2, p.id());
          claim.executeUpdate();
        }
      }
    }
  }

  static List<PersonRecord> all(Connection c) throws SQLException {
    List<PersonRecord> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(SELECT_ALL);
        ResultSet rs = ps.executeQuery()) {
      String id = null;
      PersonRecord head = null;
      List<String> cards = new ArrayList<>();
      while (rs.next()) {
        if (!rs.getString("id").equals(id)) {
          if (head != null) {
            out.add(withCards(head, cards));
          }
          id = rs.getString("id");
          head = new PersonRecord(id, rs.getString("name"), rs.getString("kind"), rs.getString("household"),
              rs.getLong("valid_from"), rs.getLong("valid_to"), List.of());
          cards = new ArrayList<>();
        }
        String uid = rs.getString("uid");
        if (uid != null) {
          cards.add(uid);
        }
      }
      if (head != null) {
        out.add(withCards(head, cards));
      }
    }
    return out;
  }

  static long count(Connection c) throws SQLException {
    return Long.parseLong(SqliteConnections.queryString(c, "SELECT count(*) FROM persons"));
  }

  private static PersonRecord withCards(PersonRecord p, List<String> cards) {
    return new PersonRecord(p.id(), p.name(), p.kind(), p.household(), p.validFrom(), p.validTo(), cards);
  }
}
