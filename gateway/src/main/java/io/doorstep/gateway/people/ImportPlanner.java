package io.doorstep.gateway.people;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Decides what an import would do to the persons stored now: who each row is, what changes, and
 * every reason to refuse. Pure: the same rows against the same persons give the same plan, which
 * matters because the store's writer may run a write twice.
 */
final class ImportPlanner {

  private final PersonRules rules;
  private final CsvHeader header;
  private final Map<String, Person> existing;
  private final Map<Integer, List<RowProblem>> problems = new LinkedHashMap<>();

  /** What the import would do; {@link #clean()} when it may be applied. */
  record Plan(List<ImportRow> rows, List<Person> writes, Map<String, Person> before) {
    boolean clean() {
      return rows.stream().noneMatch(r -> r.outcome() == ImportRow.Outcome.REFUSED);
    }
  }

  private ImportPlanner(PersonRules rules, CsvHeader header, Map<String, Person> existing) {
    this.rules = rules;
    this.header = header;
    this.existing = existing;
  }

  static Plan plan(List<RowInput> rows, Map<String, Person> existing, PersonRules rules, CsvHeader header) {
    return new ImportPlanner(rules, header, existing).plan(rows);
  }

  private Plan plan(List<RowInput> rows) {
    rows.forEach(r -> problems.put(r.line(), new ArrayList<>(r.problems())));
    Map<Integer, String> ids = resolveIds(rows);
    refuseRepeatedPersons(rows, ids);
    assignNewIds(rows, ids);
    Map<Integer, Person> persons = new LinkedHashMap<>();
    for (RowInput r : rows) {
      String id = ids.get(r.line());
      if (id != null && r.name() != null && r.kind() != null) {
        persons.put(r.line(), build(r, id));
      }
    }
    refuseRepeatedCredentials(persons);
    refuseCredentialsHeldOutside(persons, ids);

    List<ImportRow> report = new ArrayList<>();
    List<Person> writes = new ArrayList<>();
    for (RowInput r : rows) {
      Person p = persons.get(r.line());
      List<RowProblem> mine = problems.get(r.line());
      String id = ids.get(r.line());
      ImportRow.Outcome outcome;
      if (!mine.isEmpty() || p == null) {
        outcome = ImportRow.Outcome.REFUSED;
      } else if (!existing.containsKey(p.id())) {
        outcome = ImportRow.Outcome.ADDED;
      } else if (existing.get(p.id()).equals(p)) {
        outcome = ImportRow.Outcome.UNCHANGED;
      } else {
        outcome = ImportRow.Outcome.CHANGED;
      }
      if (outcome == ImportRow.Outcome.ADDED || outcome == ImportRow.Outcome.CHANGED) {
        writes.add(p);
      }
      // A refused new person gets no id: it would be a different one once the file is fixed.
      String shown = outcome == ImportRow.Outcome.REFUSED && !existing.containsKey(id) ? null : id;
      report.add(new ImportRow(r.line(), shown, r.name(), outcome, mine));
    }
    return new Plan(report, writes, existing);
  }

  /** A row names its person by id, or by household and name; rows matching nobody get an id later. */
  private Map<Integer, String> resolveIds(List<RowInput> rows) {
    Map<String, List<String>> byHouseholdAndName = new HashMap<>();
    for (Person p : existing.values()) {
      byHouseholdAndName.computeIfAbsent(key(p.household(), p.name()), k -> new ArrayList<>()).add(p.id());
    }
    Map<Integer, String> ids = new HashMap<>();
    for (RowInput r : rows) {
      if (r.id() != null) {
        ids.put(r.line(), r.id());
      } else if (r.name() != null) {
        List<String> matches = byHouseholdAndName.getOrDefault(key(r.household(), r.name()), List.of());
        if (matches.size() == 1) {
          ids.put(r.line(), matches.get(0));
        } else if (matches.size() > 1) {
          refuse(r.line(), PersonField.NAME, matches.size() + " persons named " + r.name()
              + (r.household() == null ? "" : " live in " + r.household()) + " (" + String.join(", ", matches)
              + "): give the row an " + PersonField.ID.label() + " to say which");
        }
      }
    }
    return ids;
  }

  private void refuseRepeatedPersons(List<RowInput> rows, Map<Integer, String> ids) {
    Map<String, List<Integer>> lines = new LinkedHashMap<>();
    for (RowInput r : rows) {
      String id = ids.get(r.line());
      String who = id != null ? "id " + id : r.name() != null ? key(r.household(), r.name()) : null;
      if (who != null) {
        lines.computeIfAbsent(who, k -> new ArrayList<>()).add(r.line());
      }
    }
    for (RowInput r : rows) {
      String id = ids.get(r.line());
      String who = id != null ? "id " + id : r.name() != null ? key(r.household(), r.name()) : null;
      List<Integer> same = who == null ? List.of() : lines.get(who);
      if (same.size() > 1) {
        refuse(r.line(), r.id() != null ? PersonField.ID : PersonField.NAME,
            "the same person as line " + others(same, r.line()) + ": each person may be listed once");
      }
    }
  }

  /** New persons get the next free id of their kind ({@link PersonIds}), after every id taken or given. */
  private void assignNewIds(List<RowInput> rows, Map<Integer, String> ids) {
    Set<String> taken = new HashSet<>(existing.keySet());
    taken.addAll(ids.values());
    PersonIds free = new PersonIds(taken);
    for (RowInput r : rows) {
      if (!ids.containsKey(r.line()) && r.name() != null && r.kind() != null && problems.get(r.line()).isEmpty()) {
        ids.put(r.line(), free.take(r.kind()));
      }
    }
  }

  /** The person as they will be: what the row gives, and what they have already where the file has no column. */
  private Person build(RowInput r, String id) {
    Person base = existing.get(id);
    long from = r.validFrom() != null ? r.validFrom() : base == null ? 0 : base.validFrom();
    long to = r.validTo() != null ? r.validTo() : base == null ? 0 : base.validTo();
    List<Card> cards = r.cards() != null ? r.cards() : base == null ? List.of() : base.cards();
    List<Vehicle> vehicles = new ArrayList<>();
    vehicles.addAll(r.cars() != null ? r.cars() : kept(base, VehicleKind.CAR));
    vehicles.addAll(r.ebikes() != null ? r.ebikes() : kept(base, VehicleKind.EBIKE));
    List<String> tags = r.ebikeTags() != null ? r.ebikeTags() : base == null ? List.of() : base.ebikeTags();
    PersonRules.Checked checked = rules.check(new Person(id, r.name(), r.kind(), r.household(), from, to, cards, vehicles, tags));
    for (FieldProblem fp : checked.problems()) {
      // A cell the reader could not read is already refused; the rules would only repeat it.
      String column = header.name(fp.field());
      if (problems.get(r.line()).stream().noneMatch(p -> column.equals(p.column()))) {
        refuse(r.line(), fp.field(), fp.reason());
      }
    }
    return checked.person();
  }

  private static List<Vehicle> kept(Person base, VehicleKind kind) {
    return base == null ? List.of() : base.vehicles().stream().filter(v -> v.kind() == kind).toList();
  }

  /** A card, plate or tag on two rows of the file: no way to tell which is right. */
  private void refuseRepeatedCredentials(Map<Integer, Person> persons) {
    Map<String, Set<Integer>> lines = new HashMap<>();
    persons.forEach((line, p) -> credentials(p).forEach((key, field) ->
        lines.computeIfAbsent(key, k -> new TreeSet<>()).add(line)));
    persons.forEach((line, p) -> credentials(p).forEach((key, field) -> {
      Set<Integer> on = lines.get(key);
      if (on.size() > 1) {
        refuse(line, field, key + " is also on line " + others(on, line));
      }
    }));
  }

  /**
   * A credential stored for someone the file does not list: importing would silently take it away
   * from them. A holder the file does list gives it up in the same import, so it may move.
   */
  private void refuseCredentialsHeldOutside(Map<Integer, Person> persons, Map<Integer, String> ids) {
    Map<String, Person> holders = new HashMap<>();
    for (Person p : existing.values()) {
      credentials(p).keySet().forEach(key -> holders.put(key, p));
    }
    Set<String> listed = new HashSet<>(ids.values());
    persons.forEach((line, p) -> credentials(p).forEach((key, field) -> {
      Person holder = holders.get(key);
      if (holder != null && !holder.id().equals(p.id()) && !listed.contains(holder.id())) {
        refuse(line, field, key + " belongs to " + holder.id() + " (" + holder.name()
            + "), who is not in this file");
      }
    }));
  }

  /** Every credential of a person, keyed so that kinds never collide, with the column it came from. */
  private static Map<String, PersonField> credentials(Person p) {
    Map<String, PersonField> out = new LinkedHashMap<>();
    p.cards().forEach(c -> out.put("card " + c.text(), PersonField.CARDS));
    p.vehicles().forEach(v -> out.put("plate " + v.plate(),
        v.kind() == VehicleKind.CAR ? PersonField.PLATES : PersonField.EBIKE_PLATES));
    p.ebikeTags().forEach(t -> out.put("tag " + t, PersonField.EBIKE_TAGS));
    return out;
  }

  private void refuse(int line, PersonField field, String reason) {
    problems.get(line).add(new RowProblem(line, header.name(field), reason));
  }

  private static String key(String household, String name) {
    return (household == null ? "" : household) + " " + name;
  }

  private static String others(java.util.Collection<Integer> lines, int self) {
    return lines.stream().filter(l -> l != self).map(String::valueOf).collect(Collectors.joining(", "));
  }
}
