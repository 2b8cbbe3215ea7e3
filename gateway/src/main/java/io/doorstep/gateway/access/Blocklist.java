package io.doorstep.gateway.access;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Persons and cards the estate refuses whatever their rights, each until a time or for good.
 * Immutable. A card is blocked on its own (a lost card) without blocking its owner's face.
 */
public final class Blocklist {
  private static final Blocklist EMPTY = new Blocklist(List.of());

  public enum Kind {
    PERSON,
    CARD
  }

  /**
   * @param subject the person id, or the card UID in upper-case hex
   * @param owner the person the entry concerns: the subject for a person, the card's owner when it
   *     was blocked for a card (or null); whose terminal lists change with it
   * @param reason why, for the guards; never spoken at the door
   * @param until Unix ms the block ends, 0 for never
   */
  public record Entry(Kind kind, String subject, String owner, String reason, long until) {
    public boolean activeAt(long ms) {
      return until == 0 || ms < until;
    }
  }

  private final List<Entry> entries;
  private final Map<String, Entry> persons = new HashMap<>();
  private final Map<String, Entry> cards = new HashMap<>();

  private Blocklist(List<Entry> entries) {
    this.entries = List.copyOf(entries);
    for (Entry e : this.entries) {
      (e.kind() == Kind.PERSON ? persons : cards).put(e.subject(), e);
    }
  }

  public static Blocklist empty() {
    return EMPTY;
  }

  public static Blocklist of(List<Entry> entries) {
    return new Blocklist(entries);
  }

  public List<Entry> entries() {
    return entries;
  }

  /** The entry that refuses this person or card at that moment, if any. */
  public Optional<Entry> blocking(String personId, String card, long atMs) {
    Entry person = personId == null ? null : persons.get(personId);
    if (person != null && person.activeAt(atMs)) {
      return Optional.of(person);
    }
    Entry byCard = card == null ? null : cards.get(Cards.normalize(card));
    return byCard != null && byCard.activeAt(atMs) ? Optional.of(byCard) : Optional.empty();
  }

  public boolean cardBlocked(String card, long atMs) {
    Entry e = cards.get(Cards.normalize(card));
    return e != null && e.activeAt(atMs);
  }
}
