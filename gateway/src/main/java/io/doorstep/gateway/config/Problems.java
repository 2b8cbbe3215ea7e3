package io.doorstep.gateway.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects every problem of every file read, so the operator fixes them all in one round instead
 * of one restart per mistake.
 */
final class Problems {
  private final List<ConfigProblem> found = new ArrayList<>();
  private final Map<Path, Integer> fileOrder = new LinkedHashMap<>();

  void add(ConfigProblem problem) {
    fileOrder.putIfAbsent(problem.file(), fileOrder.size());
    found.add(problem);
  }

  boolean isEmpty() {
    return found.isEmpty();
  }

  /** Files in the order they were read, each by line, so the report reads like a compiler's. */
  void throwIfAny() throws ConfigException {
    if (found.isEmpty()) {
      return;
    }
    List<ConfigProblem> sorted = new ArrayList<>(found);
    sorted.sort(Comparator.<ConfigProblem>comparingInt(p -> fileOrder.get(p.file()))
        .thenComparingInt(ConfigProblem::line));
    throw new ConfigException(sorted);
  }
}
