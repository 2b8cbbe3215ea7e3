package io.doorstep.gateway.people;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A person as the office's form writes them: every value a text, read with the very parsers an
 * import uses, so the page and the CSV accept and refuse the same things in the same words.
 * What only the whole person can tell (the household exists, a card is not listed twice) is
 * left to {@link PeopleService}, which checks it for both.
 *
 * @param validFrom a date as the CSV takes it (2025-06-30, or with a time), blank for always
 * @param validTo the same, blank for no end; a date alone means through that day
 * @param cards card numbers, one per entry (blank entries are skipped)
 */
public record PersonForm(
    String id,
    String name,
    String kind,
    String household,
    String validFrom,
    String validTo,
    List<String> cards,
    List<String> plates,
    List<String> ebikePlates,
    List<String> ebikeTags) {

  /** The person the form describes, or every field it could not read. */
  public Result read(ZoneId zone) {
    List<FieldProblem> problems = new ArrayList<>();
    String personId = id == null ? "" : id.strip();
    if (personId.isEmpty()) {
      problems.add(new FieldProblem(PersonField.ID, "empty: give the person an id, like R01001"));
    }
    String personName = name == null ? "" : name.strip();
    PersonRules.nameProblem(personName).ifPresent(r -> problems.add(new FieldProblem(PersonField.NAME, r)));
    PersonKind personKind = PersonKind.parse(kind).orElse(null);
    if (personKind == null) {
      problems.add(new FieldProblem(PersonField.KIND, (kind == null || kind.isBlank() ? "empty" : "'" + kind.strip()
          + "' is not a person kind") + ": choose " + PersonKind.choices()));
    }
    long from = date(validFrom, false, zone, PersonField.VALID_FROM, problems);
    long to = date(validTo, true, zone, PersonField.VALID_TO, problems);
    List<Card> cardList = list(cards, Card::parse, PersonField.CARDS, problems);
    List<Vehicle> vehicles = new ArrayList<>(list(plates, Vehicle::car, PersonField.PLATES, problems));
    vehicles.addAll(list(ebikePlates, Vehicle::ebike, PersonField.EBIKE_PLATES, problems));
    List<String> tags = list(ebikeTags, Identifiers::ebikeTag, PersonField.EBIKE_TAGS, problems);
    if (!problems.isEmpty()) {
      return new Result(null, List.copyOf(problems));
    }
    String home = household == null || household.isBlank() ? null : household.strip();
    return new Result(new Person(personId, personName, personKind, home, from, to, cardList, vehicles, tags), List.of());
  }

  /** @param person null when {@code problems} is not empty */
  public record Result(Person person, List<FieldProblem> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  private static long date(String text, boolean end, ZoneId zone, PersonField field, List<FieldProblem> problems) {
    try {
      return CsvDates.parse(text == null ? "" : text, end, zone);
    } catch (IllegalArgumentException e) {
      problems.add(new FieldProblem(field, e.getMessage()));
      return 0;
    }
  }

  private static <T> List<T> list(List<String> written, Function<String, T> parse, PersonField field,
      List<FieldProblem> problems) {
    List<T> out = new ArrayList<>();
    if (written == null) {
      return out;
    }
    for (String w : written) {
      if (w == null || w.isBlank()) {
        continue;
      }
      try {
        out.add(parse.apply(w));
      } catch (IllegalArgumentException e) {
        problems.add(new FieldProblem(field, e.getMessage()));
      }
    }
    return out;
  }
}
