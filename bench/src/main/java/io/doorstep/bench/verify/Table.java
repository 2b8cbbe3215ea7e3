package io.doorstep.bench.verify;

import java.util.ArrayList;
import java.util.List;

/** A markdown table: text columns left, figures right, so numbers line up when rendered. */
final class Table {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  Table(String... header) {
    this.header = List.of(header);
  }

  Table row(String... cells) {
    if (cells.length != header.size()) {
      throw new IllegalArgumentException("expected " + header.size() + " cells, got " + cells.length);
    }
    rows.add(List.of(cells));
    return this;
  }

  String render() {
    StringBuilder md = new StringBuilder();
    line(md, header);
    md.append('|');
    for (int c = 0; c < header.size(); c++) {
      md.append(numeric(c) ? "---:|" : "---|");
    }
    md.append('\n');
    rows.forEach(r -> line(md, r));
    return md.toString();
  }

  /** A column is figures when every non-empty cell starts like a number (or is a dash for none). */
  private boolean numeric(int column) {
    boolean any = false;
    for (List<String> r : rows) {
      String cell = r.get(column);
      if (cell.isEmpty()) {
        continue;
      }
      if (!cell.matches("[-–]?[0-9][0-9,.]*|–")) {
        return false;
      }
      any = true;
    }
    return any;
  }

  private static void line(StringBuilder md, List<String> cells) {
    md.append('|');
    for (String cell : cells) {
      md.append(' ').append(cell.replace("|", "\\|")).append(" |");
    }
    md.append('\n');
  }
}
