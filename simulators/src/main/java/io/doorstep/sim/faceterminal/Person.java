package io.doorstep.sim.faceterminal;

import java.util.List;
import java.util.Objects;

/**
 * One entry of the terminal's synced list. The photo itself is not kept: the terminal only
 * needs to know that it can match this person's face.
 *
 * @param validFrom Unix ms; 0 = always
 * @param validTo   Unix ms; 0 = no end
 * @param cards     card UIDs in hex
 */
public record Person(String personId, String name, long validFrom, long validTo,
    List<String> cards, boolean hasFace) {

  public Person {
    Objects.requireNonNull(personId, "personId");
    Objects.requireNonNull(name, "name");
    cards = List.copyOf(cards);
  }

  /** A resident with a face, valid always, and the given cards: what demos mostly need. */
  public static Person resident(String personId, String name, String... cards) {
    return new Person(personId, name, 0, 0, List.of(cards), true);
  }

  public boolean validAt(long epochMs) {
    return (validFrom == 0 || epochMs >= validFrom) && (validTo == 0 || epochMs <= validTo);
  }
}
