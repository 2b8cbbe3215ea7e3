package io.doorstep.gateway.people;

import io.doorstep.gateway.store.Store;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The bulk import of the CSV a property office exports (columns in docs/people.md).
 *
 * <p>An import never half-applies. The file is read and checked whole on a worker; then, inside
 * one transaction of the store's writer, it is compared with the persons stored at that moment
 * and either applied entirely or not at all. A wrong header, an unreadable encoding, a refused
 * row, a card listed twice or a card held by someone the file does not list: the report says so
 * and nothing changes. Persons the file does not list are left as they are.
 */
final class PersonCsvImport {

  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

  private final Vertx vertx;
  private final Store store;
  private final PersonRules rules;
  private final ZoneId zone;

  PersonCsvImport(Vertx vertx, Store store, PersonRules rules, ZoneId zone) {
    this.vertx = vertx;
    this.store = store;
    this.rules = rules;
    this.zone = zone;
  }

  Future<ImportReport> run(String actor, byte[] file, boolean dryRun) {
    return vertx.executeBlocking(() -> read(file), false).compose(read -> {
      if (!read.fileProblems().isEmpty()) {
        return Future.succeededFuture(new ImportReport(read.encoding(), dryRun, false, read.fileProblems(), List.of()));
      }
      if (dryRun) {
        return store.read(c -> plan(c, read).report(read.encoding(), true, false));
      }
      return store.write(c -> apply(c, actor, read));
    });
  }

  /** The file's rows, or a report refusing the file as a whole. */
  private record Read(String encoding, CsvHeader header, List<RowInput> rows, List<String> fileProblems) {}

  private Read read(byte[] file) {
    CsvText.Decoded text;
    try {
      text = CsvText.decode(file);
    } catch (CsvText.Undecodable e) {
      return refused(null, List.of(e.getMessage()));
    }
    List<CSVRecord> records;
    try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text.text())).setFormat(FORMAT).get()) {
      records = parser.getRecords();
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      // Typically a quoted cell that never closes; the parser's own words name the line.
      Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
      return refused(text.encoding(), List.of("the file is not valid CSV: " + cause.getMessage()
          + " (a cell that starts with \" must end with \")"));
    }
    if (records.isEmpty()) {
      return refused(text.encoding(), List.of("the file is empty: the first line must name the columns"));
    }
    CsvHeader.Result header = CsvHeader.read(records.get(0).toList());
    if (header.header() == null) {
      return refused(text.encoding(), header.problems());
    }
    CsvRowReader reader = new CsvRowReader(header.header(), zone);
    LineNumbers lines = new LineNumbers(text.text());
    List<RowInput> rows = new ArrayList<>(records.size());
    for (CSVRecord record : records.subList(1, records.size())) {
      rows.add(reader.read(lines.lineAt(record.getCharacterPosition()), record.toList()));
    }
    if (rows.isEmpty()) {
      return refused(text.encoding(), List.of("the file has a header but no rows"));
    }
    return new Read(text.encoding(), header.header(), rows, List.of());
  }

  private static Read refused(String encoding, List<String> problems) {
    return new Read(encoding, null, null, problems);
  }

  private Outcome plan(Connection c, Read read) throws SQLException {
    return new Outcome(ImportPlanner.plan(read.rows(), PeopleRows.all(c), rules, read.header()));
  }

  private ImportReport apply(Connection c, String actor, Read read) throws SQLException {
    Outcome outcome = plan(c, read);
    ImportPlanner.Plan plan = outcome.plan();
    if (!plan.clean() || plan.writes().isEmpty()) {
      return outcome.report(read.encoding(), false, false);
    }
    long now = System.currentTimeMillis();
    PeopleRows.write(c, plan.writes(), now);
    Map<String, String> faces = FaceRows.digests(c);
    for (Person p : plan.writes()) {
      Person before = plan.before().get(p.id());
      boolean face = faces.containsKey(p.id());
      AuditTrail.record(c, actor, before == null ? "person.import.add" : "person.import.change", p.id(),
          before == null ? null : PersonJson.of(before, face).encode(), PersonJson.of(p, face).encode(), now);
    }
    ImportReport report = outcome.report(read.encoding(), false, true);
    AuditTrail.record(c, actor, "people.import", null, null, new JsonObject()
        .put("encoding", read.encoding()).put("rows", report.rows().size()).put("added", report.added())
        .put("changed", report.changed()).put("unchanged", report.unchanged()).encode(), now);
    return report;
  }

  private record Outcome(ImportPlanner.Plan plan) {
    ImportReport report(String encoding, boolean dryRun, boolean applied) {
      return new ImportReport(encoding, dryRun, applied, List.of(), plan.rows());
    }
  }

  /** Line numbers from character positions, so a row with a quoted line break still names its first line. */
  private static final class LineNumbers {
    private final int[] starts;

    LineNumbers(String text) {
      List<Integer> s = new ArrayList<>();
      s.add(0);
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == '\n') {
          s.add(i + 1);
        }
      }
      starts = s.stream().mapToInt(Integer::intValue).toArray();
    }

    int lineAt(long position) {
      int at = java.util.Arrays.binarySearch(starts, (int) position);
      return (at >= 0 ? at : -at - 2) + 1;
    }
  }
}
