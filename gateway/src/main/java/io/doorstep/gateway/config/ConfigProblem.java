package io.doorstep.gateway.config;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One thing wrong in a configuration file.
 *
 * @param file the file
 * @param line 1-based line, or 0 when the problem is about the whole file
 * @param path where in the document, e.g. {@code doors[3].devices[0]}
 * @param message what is wrong and what is allowed
 */
public record ConfigProblem(Path file, int line, String path, String message) {

  @Override
  public String toString() {
    return file + (line > 0 ? ":" + line : "") + ": " + (path.isEmpty() ? "" : path + ": ") + message;
  }

  static String format(List<ConfigProblem> problems) {
    return problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
  }
}
