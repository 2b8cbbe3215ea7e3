package io.doorstep.gateway.people;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The row-by-row answer to an import. {@code applied} is true only when every row was accepted
 * and the changes are committed; otherwise nothing changed, and the problems say why.
 *
 * @param encoding the encoding the file was read in (UTF-8 or GBK), or null if neither
 * @param fileProblems problems with the file as a whole: its encoding, its header
 */
public record ImportReport(
    String encoding, boolean dryRun, boolean applied, List<String> fileProblems, List<ImportRow> rows) {

  public ImportReport {
    fileProblems = List.copyOf(fileProblems);
    rows = List.copyOf(rows);
  }

  /** True when nothing stands in the way: the import was applied, or a dry run found it would be. */
  public boolean ok() {
    return fileProblems.isEmpty() && refused() == 0;
  }

  public long added() {
    return count(ImportRow.Outcome.ADDED);
  }

  public long changed() {
    return count(ImportRow.Outcome.CHANGED);
  }

  public long unchanged() {
    return count(ImportRow.Outcome.UNCHANGED);
  }

  public long refused() {
    return count(ImportRow.Outcome.REFUSED);
  }

  /** Every problem of the file and its rows, in file order. */
  public List<String> problems() {
    return java.util.stream.Stream.concat(fileProblems.stream(),
        rows.stream().flatMap(r -> r.problems().stream()).map(RowProblem::toString)).toList();
  }

  public JsonObject toJson() {
    JsonArray rowsJson = new JsonArray();
    for (ImportRow r : rows) {
      JsonArray problems = new JsonArray();
      r.problems().forEach(p -> problems.add(new JsonObject().put("column", p.column()).put("reason", p.reason())));
      rowsJson.add(new JsonObject().put("line", r.line()).put("personId", r.personId()).put("name", r.name())
          .put("outcome", r.outcome().name().toLowerCase(java.util.Locale.ROOT)).put("problems", problems));
    }
    return new JsonObject()
        .put("encoding", encoding)
        .put("dryRun", dryRun)
        .put("applied", applied)
        .put("added", added())
        .put("changed", changed())
        .put("unchanged", unchanged())
        .put("refused", refused())
        .put("fileProblems", new JsonArray(fileProblems))
        .put("rows", rowsJson);
  }

  private long count(ImportRow.Outcome outcome) {
    return rows.stream().filter(r -> r.outcome() == outcome).count();
  }
}
