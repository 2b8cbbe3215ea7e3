package io.doorstep.gateway.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One configuration file being read: where each document path sits in it, and where problems go.
 * Checks that run after the schema (duplicates, references) find their lines here, so they can
 * point at the exact entry rather than at the file.
 */
final class YamlSource {
  private final Path file;
  private final Problems problems;
  private final Map<String, Integer> lines = new HashMap<>();
  private final Map<String, List<String>> keptItems = new HashMap<>();
  private boolean muted;

  YamlSource(Path file, Problems problems) {
    this.file = file;
    this.problems = problems;
  }

  Path file() {
    return file;
  }

  void record(String path, int line) {
    lines.putIfAbsent(path, line);
  }

  /** The line of {@code path}, or of its nearest recorded ancestor when the key itself is absent. */
  int line(String path) {
    for (String p = path; ; p = parent(p)) {
      Integer line = lines.get(p);
      if (line != null) {
        return line;
      }
      if (p.isEmpty()) {
        return 0;
      }
    }
  }

  /**
   * Remembers that a list item passed the schema. Items that did not are dropped from the result,
   * so a result index maps to its document path only through this.
   */
  void keep(String listPath, String itemPath) {
    keptItems.computeIfAbsent(listPath, k -> new ArrayList<>()).add(itemPath);
  }

  /** The document path of the {@code index}th kept item of a list. */
  String item(String listPath, int index) {
    List<String> kept = keptItems.get(listPath);
    return kept == null || index >= kept.size() ? listPath + "[?]" : kept.get(index);
  }

  void mute(boolean muted) {
    this.muted = muted;
  }

  void problem(int line, String path, String message) {
    if (muted) {
      return;
    }
    problems.add(new ConfigProblem(file, line, path, message));
  }

  void problem(String path, String message) {
    problem(line(path), path, message);
  }

  private static String parent(String path) {
    int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return cut < 0 ? "" : path.substring(0, cut);
  }
}
