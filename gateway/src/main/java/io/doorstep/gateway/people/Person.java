package io.doorstep.gateway.people;

import io.doorstep.gateway.store.PersonRecord;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A person with every credential they hold, as the property office manages them. Lists are kept
 * sorted, so two persons with the same data are equal whatever order they were written in: that
 * is how an import tells "unchanged" from "changed".
 *
 * @param household "B03-U1-1502", or null (staff, most visitors)
 * @param validFrom Unix ms, 0 = always
 * @param validTo Unix ms, 0 = no end
 * @param vehicles cars and e-bikes by plate
 * @param ebikeTags e-bike RFID tags, normalized by {@link Identifiers#ebikeTag}
 */
public record Person(
    String id,
    String name,
    PersonKind kind,
    String household,
    long validFrom,
    long validTo,
    List<Card> cards,
    List<Vehicle> vehicles,
    List<String> ebikeTags) {

  public Person {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    cards = cards == null ? List.of() : cards.stream().sorted(Comparator.comparing(Card::text)).toList();
    vehicles = vehicles == null ? List.of() : vehicles.stream().sorted(Comparator.comparing(Vehicle::plate)).toList();
    ebikeTags = ebikeTags == null ? List.of() : ebikeTags.stream().sorted().toList();
  }

  /** A person with no credentials yet. */
  public static Person of(String id, String name, PersonKind kind, String household) {
    return new Person(id, name, kind, household, 0, 0, List.of(), List.of(), List.of());
  }

  public Person withCards(List<Card> newCards) {
    return new Person(id, name, kind, household, validFrom, validTo, newCards, vehicles, ebikeTags);
  }

  public Person withVehicles(List<Vehicle> newVehicles) {
    return new Person(id, name, kind, household, validFrom, validTo, cards, newVehicles, ebikeTags);
  }

  public Person withEbikeTags(List<String> newTags) {
    return new Person(id, name, kind, household, validFrom, validTo, cards, vehicles, newTags);
  }

  public Person withValidity(long from, long to) {
    return new Person(id, name, kind, household, from, to, cards, vehicles, ebikeTags);
  }

  /** What access decisions use. */
  public PersonRecord toRecord() {
    return new PersonRecord(id, name, kind.code(), household, validFrom, validTo,
        cards.stream().map(Card::text).toList());
  }
}
