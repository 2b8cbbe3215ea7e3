package io.doorstep.gateway.people;

/**
 * What the page searches persons by. Every part is optional (null); all given parts must match.
 *
 * @param text part of an id, name, household, card, plate or tag
 * @param limit at most this many, from 1 to {@link #MAX_LIMIT}
 */
public record PersonQuery(String text, PersonKind kind, String household, int limit, int offset) {

  public static final int MAX_LIMIT = 500;

  public PersonQuery {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be from 1 to " + MAX_LIMIT + ", got " + limit);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative, got " + offset);
    }
    text = text == null || text.isBlank() ? null : text.strip();
    household = household == null || household.isBlank() ? null : household.strip();
  }

  public static PersonQuery text(String text) {
    return new PersonQuery(text, null, null, 100, 0);
  }
}
