package io.doorstep.gateway.people;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The page's questions about people: search, households and who lives where. */
final class PeopleQueries {

  // ?3 matches names and ids as typed; ?6 is the same text squeezed the way plates, cards and tags are stored.
  private static final String SEARCH = """
      SELECT p.id FROM persons p
      WHERE (?1 IS NULL OR p.kind = ?1)
        AND (?2 IS NULL OR p.household = ?2)
        AND (?3 IS NULL
          OR p.id LIKE ?3 ESCAPE '\\' OR p.name LIKE ?3 ESCAPE '\\' OR p.household LIKE ?3 ESCAPE '\\'
          OR EXISTS (SELECT 1 FROM cards x WHERE x.person_id = p.id AND x.uid LIKE ?6 ESCAPE '\\')
          OR EXISTS (SELECT 1 FROM vehicles x WHERE x.person_id = p.id AND x.plate LIKE ?6 ESCAPE '\\')
          OR EXISTS (SELECT 1 FROM ebike_tags x WHERE x.person_id = p.id AND x.tag LIKE ?6 ESCAPE '\\'))
      ORDER BY p.id LIMIT ?4 OFFSET ?5""";

  // Rooms sort by length first so that 302 comes before 1502.
  private static final String HOUSEHOLDS = """
      SELECT h.id, h.building, h.unit, h.room, count(p.id)
      FROM households h LEFT JOIN persons p ON p.household = h.id
      GROUP BY h.id ORDER BY h.building, h.unit, length(h.room), h.room""";

  private PeopleQueries() {}

  static List<PersonEntry> search(Connection c, PersonQuery q) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(SEARCH)) {
      ps.setString(1, q.kind() == null ? null : q.kind().code());
      ps.setString(2, q.household() == null ? null : q.household().toUpperCase(Locale.ROOT));
      ps.setString(3, q.text() == null ? null : "%" + escape(q.text()) + "%");
      ps.setInt(4, q.limit());
      ps.setInt(5, q.offset());
      ps.setString(6, q.text() == null ? null
          : "%" + escape(q.text().replaceAll("[\\s·•・.\\-_]", "").toUpperCase(Locale.ROOT)) + "%");
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
    }
    return entries(c, ids);
  }

  static List<HouseholdEntry> households(Connection c) throws SQLException {
    List<HouseholdEntry> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(HOUSEHOLDS);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new HouseholdEntry(
            new Household(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), rs.getInt(5)));
      }
    }
    return out;
  }

  static List<PersonEntry> household(Connection c, String householdId) throws SQLException {
    return entries(c, PeopleRows.strings(c, "SELECT id FROM persons WHERE household = ? ORDER BY id",
        householdId.strip().toUpperCase(Locale.ROOT)));
  }

  static List<PersonEntry> entries(Connection c, List<String> ids) throws SQLException {
    List<PersonEntry> out = new ArrayList<>(ids.size());
    for (String id : ids) {
      Optional<Person> p = PeopleRows.find(c, id);
      if (p.isPresent()) {
        out.add(new PersonEntry(p.get(), FaceRows.digest(c, id).orElse(null)));
      }
    }
    return out;
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
