package io.doorstep.gateway.people;

/**
 * Why an import refused a row.
 *
 * @param line the line of the file where the row starts (the header is line 1)
 * @param column the header of the column as the file wrote it, or null for the row as a whole
 */
public record RowProblem(int line, String column, String reason) {

  @Override
  public String toString() {
    return "line " + line + (column == null ? "" : ", " + column) + ": " + reason;
  }
}
