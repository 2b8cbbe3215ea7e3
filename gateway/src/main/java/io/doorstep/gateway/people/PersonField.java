package io.doorstep.gateway.people;

import java.util.List;

/**
 * The parts of a person a property office fills in. Problems name the field, and the CSV import
 * reads one column per field under any of its names.
 */
public enum PersonField {
  ID("id", false, "编号", "人员编号", "personId"),
  HOUSEHOLD("household", true, "房号"),
  NAME("name", true, "姓名"),
  KIND("kind", true, "类型", "人员类型"),
  VALID_FROM("validFrom", false, "有效期起"),
  VALID_TO("validTo", false, "有效期止"),
  CARDS("cards", false, "卡号"),
  PLATES("plates", false, "车牌"),
  EBIKE_PLATES("ebikePlates", false, "电动车牌"),
  EBIKE_TAGS("ebikeTags", false, "电动车标签", "电动车");

  private final String english;
  private final boolean requiredColumn;
  private final List<String> otherNames;

  PersonField(String english, boolean requiredColumn, String... otherNames) {
    this.english = english;
    this.requiredColumn = requiredColumn;
    this.otherNames = List.of(otherNames);
  }

  /** The English name: the JSON key, and a CSV header name. */
  public String english() {
    return english;
  }

  /** The Chinese CSV header name a property office's export uses. */
  public String chinese() {
    return otherNames.get(0);
  }

  /** A CSV file without this column is refused. */
  public boolean requiredColumn() {
    return requiredColumn;
  }

  /** Every header name this field is known by: the Chinese ones exactly, the English ones in any case. */
  boolean isNamed(String header) {
    String h = header.strip();
    if (h.equalsIgnoreCase(english)) {
      return true;
    }
    for (String name : otherNames) {
      if (name.equals(h) || (name.chars().allMatch(c -> c < 128) && name.equalsIgnoreCase(h))) {
        return true;
      }
    }
    return false;
  }

  /** "房号/household", for messages that must be understood whichever header the file used. */
  public String label() {
    return chinese() + "/" + english;
  }
}
