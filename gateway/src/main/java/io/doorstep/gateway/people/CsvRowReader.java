package io.doorstep.gateway.people;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Reads one row of an office's CSV into a {@link RowInput}, noting every cell it cannot read. */
final class CsvRowReader {

  /** Offices type the full-width semicolon as often as the ASCII one. */
  private static final Pattern LIST_SEPARATOR = Pattern.compile("[;；]");

  private final CsvHeader header;
  private final ZoneId zone;

  CsvRowReader(CsvHeader header, ZoneId zone) {
    this.header = header;
    this.zone = zone;
  }

  RowInput read(int line, List<String> cells) {
    List<RowProblem> problems = new ArrayList<>();
    if (cells.size() != header.width()) {
      // The columns no longer line up with the header: any value read could be the wrong field.
      problems.add(new RowProblem(line, null, "has " + cells.size() + " fields, the header has " + header.width()));
      return new RowInput(line, null, null, null, null, null, null, null, null, null, null, problems);
    }
    for (int i = 0; i < cells.size(); i++) {
      if (!header.named(i) && !cells.get(i).isBlank()) {
        problems.add(new RowProblem(line, null, "a value in column " + (i + 1) + ", which has no header"));
      }
    }
    String id = blankToNull(cell(cells, PersonField.ID));
    String name = cell(cells, PersonField.NAME).strip();
    var nameProblem = PersonRules.nameProblem(name);
    if (nameProblem.isPresent()) {
      problems.add(problem(line, PersonField.NAME, nameProblem.get()));
      name = null;
    }
    String kindText = cell(cells, PersonField.KIND);
    PersonKind kind = PersonKind.parse(kindText).orElse(null);
    if (kind == null) {
      problems.add(problem(line, PersonField.KIND, (kindText.isBlank() ? "empty" : "'" + kindText.strip() + "' is not a person kind")
          + ": write " + PersonKind.choices()));
    }
    String household = null;
    String householdText = cell(cells, PersonField.HOUSEHOLD);
    if (!householdText.isBlank()) {
      try {
        household = Household.parse(householdText).id();
      } catch (IllegalArgumentException e) {
        problems.add(problem(line, PersonField.HOUSEHOLD, e.getMessage()));
      }
    }
    Long validFrom = date(line, cells, PersonField.VALID_FROM, false, problems);
    Long validTo = date(line, cells, PersonField.VALID_TO, true, problems);
    List<Card> cards = list(line, cells, PersonField.CARDS, Card::parse, problems);
    List<Vehicle> cars = list(line, cells, PersonField.PLATES, Vehicle::car, problems);
    List<Vehicle> ebikes = list(line, cells, PersonField.EBIKE_PLATES, Vehicle::ebike, problems);
    List<String> tags = list(line, cells, PersonField.EBIKE_TAGS, Identifiers::ebikeTag, problems);
    return new RowInput(line, id, name, kind, household, validFrom, validTo, cards, cars, ebikes, tags, problems);
  }

  private Long date(int line, List<String> cells, PersonField f, boolean end, List<RowProblem> problems) {
    if (!header.has(f)) {
      return null;
    }
    try {
      return CsvDates.parse(cell(cells, f), end, zone);
    } catch (IllegalArgumentException e) {
      problems.add(problem(line, f, e.getMessage()));
      return null;
    }
  }

  private <T> List<T> list(int line, List<String> cells, PersonField f, Function<String, T> parse,
      List<RowProblem> problems) {
    if (!header.has(f)) {
      return null;
    }
    List<T> out = new ArrayList<>();
    for (String item : LIST_SEPARATOR.split(cell(cells, f))) {
      if (item.isBlank()) {
        continue;
      }
      try {
        out.add(parse.apply(item));
      } catch (IllegalArgumentException e) {
        problems.add(problem(line, f, e.getMessage()));
      }
    }
    return out;
  }

  private String cell(List<String> cells, PersonField f) {
    int column = header.column(f);
    return column < 0 ? "" : cells.get(column);
  }

  private RowProblem problem(int line, PersonField f, String reason) {
    return new RowProblem(line, header.name(f), reason);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
