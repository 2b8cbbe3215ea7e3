package io.doorstep.gateway.config;

import java.util.List;

/** The configuration is not valid; {@link #problems()} lists every problem found, each with file and line. */
public class ConfigException extends Exception {
  private final List<ConfigProblem> problems;

  public ConfigException(List<ConfigProblem> problems) {
    super(problems.size() + " configuration problem(s):\n" + ConfigProblem.format(problems));
    this.problems = List.copyOf(problems);
  }

  public List<ConfigProblem> problems() {
    return problems;
  }
}
