package io.doorstep.gateway.people;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Maps persons with all their credentials to the persons, cards, vehicles and ebike_tags tables. */
final class PeopleRows {

  // Not INSERT OR REPLACE: that deletes the row first, which cascades to the credentials and the face.
  private static final String UPSERT = """
      INSERT INTO persons (id, name, kind, household, valid_from, valid_to, created_ts, updated_ts)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET
        name = excluded.name, kind = excluded.kind, household = excluded.household,
        valid_from = excluded.valid_from, valid_to = excluded.valid_to, updated_ts = excluded.updated_ts""";

  private PeopleRows() {}

  /** Every person, by id in id order. Four statements in the caller's transaction or snapshot. */
  static Map<String, Person> all(Connection c) throws SQLException {
    Map<String, Person> heads = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT id, name, kind, household, valid_from, valid_to FROM persons ORDER BY id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Person p = head(rs);
        heads.put(p.id(), p);
      }
    }
    Map<String, List<Card>> cards = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT person_id, uid FROM cards");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        cards.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(Card.ofStored(rs.getString(2)));
      }
    }
    Map<String, List<Vehicle>> vehicles = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT person_id, plate, kind FROM vehicles");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        vehicles.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
            .add(new Vehicle(rs.getString(2), VehicleKind.ofCode(rs.getString(3))));
      }
    }
    Map<String, List<String>> tags = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT person_id, tag FROM ebike_tags");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        tags.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
      }
    }
    heads.replaceAll((id, p) -> p.withCards(cards.getOrDefault(id, List.of()))
        .withVehicles(vehicles.getOrDefault(id, List.of()))
        .withEbikeTags(tags.getOrDefault(id, List.of())));
    return heads;
  }

  static Optional<Person> find(Connection c, String id) throws SQLException {
    Person head;
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT id, name, kind, household, valid_from, valid_to FROM persons WHERE id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        head = head(rs);
      }
    }
    List<Card> cards = new ArrayList<>();
    for (String uid : strings(c, "SELECT uid FROM cards WHERE person_id = ?", id)) {
      cards.add(Card.ofStored(uid));
    }
    List<Vehicle> vehicles = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT plate, kind FROM vehicles WHERE person_id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          vehicles.add(new Vehicle(rs.getString(1), VehicleKind.ofCode(rs.getString(2))));
        }
      }
    }
    List<String> tags = strings(c, "SELECT tag FROM ebike_tags WHERE person_id = ?", id);
    return Optional.of(head.withCards(cards).withVehicles(vehicles).withEbikeTags(tags));
  }

  /** Inserts or replaces persons and their whole credential sets. */
  static void write(Connection c, Collection<Person> persons, long now) throws SQLException {
    try (PreparedStatement upsert = c.prepareStatement(UPSERT);
        PreparedStatement dropCards = c.prepareStatement("DELETE FROM cards WHERE person_id = ?");
        PreparedStatement dropVehicles = c.prepareStatement("DELETE FROM vehicles WHERE person_id = ?");
        PreparedStatement dropTags = c.prepareStatement("DELETE FROM ebike_tags WHERE person_id = ?")) {
      for (Person p : persons) {
        upsert.setString(1, p.id());
        upsert.setString(2, p.name());
        upsert.setString(3, p.kind().code());
        upsert.setString(4, p.household());
        upsert.setLong(5, p.validFrom());
        upsert.setLong(6, p.validTo());
        upsert.setLong(7, now);
        upsert.setLong(8, now);
        upsert.executeUpdate();
        for (PreparedStatement drop : List.of(dropCards, dropVehicles, dropTags)) {
          drop.setString(1, p.id());
          drop.executeUpdate();
        }
      }
    }
    // Only after every old set is gone: in an import a card may move from one listed person to
    // another, and inserting person by person would meet the card still held by its old owner.
    try (PreparedStatement card = c.prepareStatement("INSERT INTO cards (uid, person_id) VALUES (?, ?)");
        PreparedStatement vehicle = c.prepareStatement("INSERT INTO vehicles (plate, person_id, kind) VALUES (?, ?, ?)");
        PreparedStatement tag = c.prepareStatement("INSERT INTO ebike_tags (tag, person_id) VALUES (?, ?)")) {
      for (Person p : persons) {
        for (Card k : p.cards()) {
          card.setString(1, k.text());
          card.setString(2, p.id());
          card.executeUpdate();
        }
        for (Vehicle v : p.vehicles()) {
          vehicle.setString(1, v.plate());
          vehicle.setString(2, p.id());
          vehicle.setString(3, v.kind().code());
          vehicle.executeUpdate();
        }
        for (String t : p.ebikeTags()) {
          tag.setString(1, t);
          tag.setString(2, p.id());
          tag.executeUpdate();
        }
      }
    }
  }

  /** Removes the person; the foreign keys take their cards, vehicles, tags and face photo with them. */
  static boolean delete(Connection c, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM persons WHERE id = ?")) {
      ps.setString(1, id);
      return ps.executeUpdate() > 0;
    }
  }

  /** The credentials of {@code p} that someone else holds now. */
  static List<Conflict> conflicts(Connection c, Person p) throws SQLException {
    List<Conflict> out = new ArrayList<>();
    for (Card k : p.cards()) {
      holder(c, "SELECT p.id, p.name FROM cards x JOIN persons p ON p.id = x.person_id WHERE x.uid = ?", k.text())
          .filter(h -> !h.id().equals(p.id()))
          .ifPresent(h -> out.add(new Conflict(PersonField.CARDS, "card " + k.text(), h)));
    }
    for (Vehicle v : p.vehicles()) {
      holder(c, "SELECT p.id, p.name FROM vehicles x JOIN persons p ON p.id = x.person_id WHERE x.plate = ?", v.plate())
          .filter(h -> !h.id().equals(p.id()))
          .ifPresent(h -> out.add(new Conflict(
              v.kind() == VehicleKind.CAR ? PersonField.PLATES : PersonField.EBIKE_PLATES, "plate " + v.plate(), h)));
    }
    for (String t : p.ebikeTags()) {
      holder(c, "SELECT p.id, p.name FROM ebike_tags x JOIN persons p ON p.id = x.person_id WHERE x.tag = ?", t)
          .filter(h -> !h.id().equals(p.id()))
          .ifPresent(h -> out.add(new Conflict(PersonField.EBIKE_TAGS, "tag " + t, h)));
    }
    return out;
  }

  /** A credential that another person holds. */
  record Conflict(PersonField field, String what, Holder holder) {
    String reason() {
      return what + " belongs to " + holder.id() + " (" + holder.name() + ")";
    }
  }

  record Holder(String id, String name) {}

  private static Optional<Holder> holder(Connection c, String sql, String key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(new Holder(rs.getString(1), rs.getString(2))) : Optional.empty();
      }
    }
  }

  private static Person head(ResultSet rs) throws SQLException {
    return new Person(rs.getString("id"), rs.getString("name"), PersonKind.ofCode(rs.getString("kind")),
        rs.getString("household"), rs.getLong("valid_from"), rs.getLong("valid_to"), List.of(), List.of(), List.of());
  }

  static List<String> strings(Connection c, String sql, String param) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, param);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }
}
