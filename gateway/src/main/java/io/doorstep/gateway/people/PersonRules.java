package io.doorstep.gateway.people;

import io.doorstep.gateway.config.EstateConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** What makes a person acceptable, checked the same way for the page and for an import. */
final class PersonRules {

  /** Terminals take ids up to 32 characters; these characters survive every topic, URL and CSV. */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");
  static final int NAME_MAX = 64;

  private final EstateHouseholds estate;

  PersonRules(EstateConfig estate) {
    this.estate = new EstateHouseholds(estate);
  }

  /** The person with their household spelled as stored, or every problem found. */
  Checked check(Person p) {
    List<FieldProblem> problems = new ArrayList<>();
    if (!ID.matcher(p.id()).matches()) {
      problems.add(new FieldProblem(PersonField.ID,
          "'" + p.id() + "' is not a person id: 1 to 32 letters, digits, '-' or '_', like R01001"));
    }
    nameProblem(p.name()).ifPresent(r -> problems.add(new FieldProblem(PersonField.NAME, r)));
    String household = p.household() == null || p.household().isBlank() ? null : p.household();
    if (household == null) {
      if (p.kind().needsHousehold()) {
        problems.add(new FieldProblem(PersonField.HOUSEHOLD, "a " + p.kind().code() + " needs a household"));
      }
    } else {
      try {
        Household h = Household.parse(household);
        household = h.id();
        estate.problem(h).ifPresent(r -> problems.add(new FieldProblem(PersonField.HOUSEHOLD, r)));
      } catch (IllegalArgumentException e) {
        problems.add(new FieldProblem(PersonField.HOUSEHOLD, e.getMessage()));
      }
    }
    if (p.validFrom() < 0) {
      problems.add(new FieldProblem(PersonField.VALID_FROM, "must not be negative"));
    }
    if (p.validTo() < 0) {
      problems.add(new FieldProblem(PersonField.VALID_TO, "must not be negative"));
    }
    if (p.validFrom() > 0 && p.validTo() > 0 && p.validTo() <= p.validFrom()) {
      problems.add(new FieldProblem(PersonField.VALID_TO, "ends before the validity starts"));
    }
    duplicates(p, problems);
    Person normalized = new Person(p.id(), p.name().strip(), p.kind(), household, p.validFrom(), p.validTo(),
        p.cards(), p.vehicles(), p.ebikeTags());
    return new Checked(normalized, List.copyOf(problems));
  }

  static Optional<String> nameProblem(String name) {
    String n = name == null ? "" : name.strip();
    if (n.isEmpty()) {
      return Optional.of("empty");
    }
    if (n.codePointCount(0, n.length()) > NAME_MAX) {
      return Optional.of("longer than " + NAME_MAX + " characters");
    }
    if (n.codePoints().anyMatch(Character::isISOControl)) {
      return Optional.of("contains control characters");
    }
    return Optional.empty();
  }

  // Person keeps its lists sorted, so a repeated credential sits next to its twin.
  private static void duplicates(Person p, List<FieldProblem> problems) {
    for (int i = 1; i < p.cards().size(); i++) {
      if (p.cards().get(i).text().equals(p.cards().get(i - 1).text())) {
        problems.add(new FieldProblem(PersonField.CARDS, "card " + p.cards().get(i).text() + " is listed twice"));
      }
    }
    for (int i = 1; i < p.vehicles().size(); i++) {
      if (p.vehicles().get(i).plate().equals(p.vehicles().get(i - 1).plate())) {
        problems.add(new FieldProblem(PersonField.PLATES, "plate " + p.vehicles().get(i).plate() + " is listed twice"));
      }
    }
    for (int i = 1; i < p.ebikeTags().size(); i++) {
      if (p.ebikeTags().get(i).equals(p.ebikeTags().get(i - 1))) {
        problems.add(new FieldProblem(PersonField.EBIKE_TAGS, "tag " + p.ebikeTags().get(i) + " is listed twice"));
      }
    }
  }

  record Checked(Person person, List<FieldProblem> problems) {
    boolean ok() {
      return problems.isEmpty();
    }
  }
}
