package io.doorstep.bench.modbus;

import java.util.List;
import java.util.Locale;

/** Markdown pieces the three runs share. */
final class Md {
  private Md() {}

  /** Milliseconds with two decimals, the way docs/benchmarks.md writes them. */
  static String ms(double ms) {
    return String.format(Locale.ROOT, "%,.2f", ms);
  }

  static String pct(double share) {
    return String.format(Locale.ROOT, "%.1f %%", share * 100);
  }

  static String table(List<String> header, List<List<String>> rows) {
    StringBuilder out = new StringBuilder();
    out.append("| ").append(String.join(" | ", header)).append(" |\n|");
    for (int i = 0; i < header.size(); i++) {
      out.append(i == 0 ? "---|" : "---:|");
    }
    out.append('\n');
    for (List<String> row : rows) {
      if (row.size() != header.size()) {
        throw new IllegalArgumentException("row of " + row.size() + " cells under " + header.size() + " headings");
      }
      out.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
    return out.toString();
  }

  static String verdict(boolean met) {
    return met ? "met" : "**not met**";
  }
}
