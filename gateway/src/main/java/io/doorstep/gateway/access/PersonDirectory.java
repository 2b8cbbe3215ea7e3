package io.doorstep.gateway.access;

import io.doorstep.gateway.store.PersonRecord;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable in-memory view of the persons table, indexed the ways a reader asks. Decisions
 * are made from this snapshot, never from the disk: a door must not wait on SQLite. A change
 * to persons builds a new snapshot and swaps it in whole.
 */
public final class PersonDirectory {
  private final Map<String, PersonRecord> byId;
  private final Map<String, PersonRecord> byCard;

  private PersonDirectory(Map<String, PersonRecord> byId, Map<String, PersonRecord> byCard) {
    this.byId = byId;
    this.byCard = byCard;
  }

  public static PersonDirectory of(Collection<PersonRecord> persons) {
    Map<String, PersonRecord> byId = new HashMap<>(persons.size() * 2);
    Map<String, PersonRecord> byCard = new HashMap<>(persons.size() * 2);
    for (PersonRecord p : persons) {
      byId.put(p.id(), p);
      p.cards().forEach(card -> byCard.put(card.toUpperCase(java.util.Locale.ROOT), p));
    }
    return new PersonDirectory(Map.copyOf(byId), Map.copyOf(byCard));
  }

  public static PersonDirectory empty() {
    return new PersonDirectory(Map.of(), Map.of());
  }

  public Optional<PersonRecord> byId(String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
  }

  public Optional<PersonRecord> byCard(String uidHex) {
    return uidHex == null ? Optional.empty() : Optional.ofNullable(byCard.get(uidHex.toUpperCase(java.util.Locale.ROOT)));
  }

  public int size() {
    return byId.size();
  }
}
