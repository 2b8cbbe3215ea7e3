package io.doorstep.gateway.people;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A flat, named as the estate file names its parts: building, unit, room ("B03-U1-1502").
 */
public record Household(String id, String building, String unit, String room) {

  private static final Pattern ID = Pattern.compile("([A-Z0-9]+)-([A-Z0-9]+)-([A-Z0-9]+)");

  /**
   * @throws IllegalArgumentException when the text is not building-unit-room
   */
  public static Household parse(String written) {
    String t = written == null ? "" : written.strip().toUpperCase(Locale.ROOT);
    Matcher m = ID.matcher(t);
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + (written == null ? "" : written.strip())
          + "' is not a household: write building-unit-room, like B03-U1-1502");
    }
    return new Household(t, m.group(1), m.group(2), m.group(3));
  }

  /** The floor a room number like 1502 is on, or -1 when the room is not numbered that way. */
  public int floor() {
    if (!room.chars().allMatch(Character::isDigit) || room.length() < 3) {
      return -1;
    }
    return Integer.parseInt(room.substring(0, room.length() - 2));
  }
}
