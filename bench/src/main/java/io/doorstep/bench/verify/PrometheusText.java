package io.doorstep.bench.verify;

import java.util.function.Predicate;

/** Reads figures out of the gateway's {@code /metrics} text (Prometheus exposition format 0.0.4). */
public final class PrometheusText {

  private PrometheusText() {}

  /**
   * The sum of every sample of {@code metric} whose label block (the text between the braces)
   * passes {@code labels}; NaN when none does.
   */
  public static double sum(String text, String metric, Predicate<String> labels) {
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
      if (labelsEnd < 0 || !labels.test(line.substring(metric.length(), labelsEnd))) {
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
  public static double heapUsedBytes(String text) {
    return sum(text, "jvm_memory_used_bytes", PrometheusText::heap);
  }

  /** Heap the JVM has committed over all heap pools. */
  public static double heapCommittedBytes(String text) {
    return sum(text, "jvm_memory_committed_bytes", PrometheusText::heap);
  }

  /** Eden and survivor spaces as committed: how far the young generation can fill before a collection. */
  public static double youngCommittedBytes(String text) {
    return sum(text, "jvm_memory_committed_bytes", l -> heap(l) && young(l));
  }

  /** The old generation in use: data that outlived young collections, garbage or not. */
  public static double oldUsedBytes(String text) {
    return sum(text, "jvm_memory_used_bytes", l -> heap(l) && !young(l));
  }

  private static boolean heap(String labels) {
    return labels.contains("area=\"heap\"");
  }

  private static boolean young(String labels) {
    return labels.contains("Eden") || labels.contains("Survivor");
  }
}
