package io.doorstep.sim.faceterminal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The terminal's synced person list with its card index; touched only by the terminal's thread. */
final class PersonList {

  private final int capacity;
  private final Map<String, Person> persons = new HashMap<>();
  private final Map<String, String> cardOwners = new HashMap<>();

  PersonList(int capacity) {
    this.capacity = capacity;
  }

  /** False when the list is full and the person is new: an existing entry can always change. */
  boolean put(Person person) {
    Person previous = persons.get(person.personId());
    if (previous == null && persons.size() >= capacity) {
      return false;
    }
    if (previous != null) {
      unindex(previous);
    }
    persons.put(person.personId(), person);
    person.cards().forEach(card -> cardOwners.put(key(card), person.personId()));
    return true;
  }

  void remove(String personId) {
    Person previous = persons.remove(personId);
    if (previous != null) {
      unindex(previous);
    }
  }

  void clear() {
    persons.clear();
    cardOwners.clear();
  }

  Optional<Person> get(String personId) {
    return Optional.ofNullable(persons.get(personId));
  }

  Optional<Person> cardOwner(String uidHex) {
    return Optional.ofNullable(cardOwners.get(key(uidHex))).map(persons::get);
  }

  int size() {
    return persons.size();
  }

  // A card moved to another person keeps pointing at its new owner.
  private void unindex(Person person) {
    person.cards().forEach(card -> cardOwners.remove(key(card), person.personId()));
  }

  // UIDs in hex arrive in either case from readers and from the gateway.
  private static String key(String uidHex) {
    return uidHex.toUpperCase(Locale.ROOT);
  }
}
