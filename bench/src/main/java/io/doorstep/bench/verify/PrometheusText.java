package io.doorstep.bench.verify;

/** Reads figures out of the gateway's {@code /metrics} text (Prometheus exposition format 0.0.4). */
final class PrometheusText {

  private PrometheusText() {}

  /**
   * The sum of every sample of {@code metric} whose labels contain {@code labelFragment}, e.g.
   * all heap pools: {@code sum(text, "jvm_memory_used_bytes", "area=\"heap\"")}. NaN when none.
   */
  static double sum(String text, String metric, String labelFragment) {
    double total = 0;
    boolean found = false;
    for (String line : text.split("\n")) {
      if (!line.startsWith(metric) || line.length() <= metric.length()) {
        continue;
      }
      char after = line.charAt(metric.length());
      if (after != '{' && after != ' ') {
        continue; // another metric whose name starts the same way
      }
      int labelsEnd = after == '{' ? line.indexOf('}') : metric.length();
      if (labelsEnd < 0 || !line.substring(0, labelsEnd + 1).contains(labelFragment)) {
        continue;
      }
      String[] rest = line.substring(labelsEnd + 1).trim().split("\\s+");
      try {
        total += Double.parseDouble(rest[0]);
        found = true;
      } catch (NumberFormatException e) {
        // a malformed sample is left out rather than guessed
      }
    }
    return found ? total : Double.NaN;
  }

  /** Heap in use over all heap pools, garbage not yet collected included. */
  static double heapUsedBytes(String text) {
    return sum(text, "jvm_memory_used_bytes", "area=\"heap\"");
  }

  /** Heap the JVM has committed over all heap pools. */
  static double heapCommittedBytes(String text) {
    return sum(text, "jvm_memory_committed_bytes", "area=\"heap\"");
  }
}
