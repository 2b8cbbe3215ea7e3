package io.doorstep.gateway.people;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which column holds which field, read from the header row. Chinese and English names are both
 * accepted, in any order; optional columns may be left out, in which case the import leaves that
 * part of each listed person as it is.
 */
final class CsvHeader {

  private final Map<PersonField, Integer> index;
  private final Map<PersonField, String> written;
  private final int width;

  private CsvHeader(Map<PersonField, Integer> index, Map<PersonField, String> written, int width) {
    this.index = index;
    this.written = written;
    this.width = width;
  }

  /** The header, or every problem with it. */
  static Result read(List<String> cells) {
    Map<PersonField, Integer> index = new EnumMap<>(PersonField.class);
    Map<PersonField, String> written = new EnumMap<>(PersonField.class);
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      String name = cells.get(i).strip();
      if (name.isEmpty()) {
        // Spreadsheets export trailing empty columns; a value under one is caught row by row.
        continue;
      }
      Optional<PersonField> field = Arrays.stream(PersonField.values()).filter(f -> f.isNamed(name)).findFirst();
      if (field.isEmpty()) {
        problems.add("unknown column '" + name + "' (column " + (i + 1) + ")");
      } else if (index.containsKey(field.get())) {
        problems.add("columns " + (index.get(field.get()) + 1) + " and " + (i + 1) + " are both "
            + field.get().label());
      } else {
        index.put(field.get(), i);
        written.put(field.get(), name);
      }
    }
    for (PersonField f : PersonField.values()) {
      if (f.requiredColumn() && !index.containsKey(f)) {
        problems.add("missing column " + f.label());
      }
    }
    if (!problems.isEmpty()) {
      problems.add("the columns are: " + Arrays.stream(PersonField.values())
          .map(f -> f.label() + (f.requiredColumn() ? " (required)" : "")).collect(Collectors.joining(", ")));
      return new Result(null, problems);
    }
    return new Result(new CsvHeader(index, written, cells.size()), List.of());
  }

  record Result(CsvHeader header, List<String> problems) {}

  boolean has(PersonField f) {
    return index.containsKey(f);
  }

  /** The column's index, or -1 when the file has none. */
  int column(PersonField f) {
    return index.getOrDefault(f, -1);
  }

  /** The field's header as the file wrote it, so a report names what the office sees. */
  String name(PersonField f) {
    return written.getOrDefault(f, f.label());
  }

  int width() {
    return width;
  }

  boolean named(int column) {
    return index.containsValue(column);
  }
}
