package io.doorstep.gateway.people;

import java.util.List;

/**
 * What an import did, or would do, with one row.
 *
 * @param personId the person the row is, or null when it could not be told
 */
public record ImportRow(int line, String personId, String name, Outcome outcome, List<RowProblem> problems) {

  public enum Outcome { ADDED, CHANGED, UNCHANGED, REFUSED }

  public ImportRow {
    problems = List.copyOf(problems);
  }
}
