package io.doorstep.gateway.people;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ids the gateway hands out to new persons: the next free number after their kind's letter,
 * R for residents and tenants, S for staff, V for visitors ({@code R00001}…). The import numbers
 * new rows with it and the office's form proposes one; either way the id is only a proposal until
 * the person is written, where an id already taken is refused.
 */
final class PersonIds {
  private static final Pattern NUMBERED_ID = Pattern.compile("([A-Z])(\\d+)");

  private final Set<String> taken;
  private final Map<Character, Integer> next = new HashMap<>();

  PersonIds(Collection<String> taken) {
    this.taken = new HashSet<>(taken);
    for (String id : this.taken) {
      Matcher m = NUMBERED_ID.matcher(id);
      if (m.matches() && m.group(2).length() <= 9) {
        next.merge(m.group(1).charAt(0), Integer.parseInt(m.group(2)) + 1, Math::max);
      }
    }
  }

  static char letter(PersonKind kind) {
    return switch (kind) {
      case RESIDENT, TENANT -> 'R';
      case STAFF -> 'S';
      case VISITOR -> 'V';
    };
  }

  /** Takes the next free id for this kind, so a second call gives another. */
  String take(PersonKind kind) {
    char letter = letter(kind);
    String id;
    do {
      int n = next.getOrDefault(letter, 1);
      next.put(letter, n + 1);
      id = String.format("%c%05d", letter, n);
    } while (taken.contains(id));
    taken.add(id);
    return id;
  }

  /** Every person id stored now. */
  static Set<String> stored(Connection c) throws SQLException {
    Set<String> ids = new HashSet<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT id FROM persons"); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    return ids;
  }
}
