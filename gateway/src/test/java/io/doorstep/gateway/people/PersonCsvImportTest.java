package io.doorstep.gateway.people;

import static io.doorstep.gateway.people.PeopleFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.gateway.bus.PersonsChanged;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonCsvImportTest {

  private static final String HEADER = "房号,姓名,类型,有效期起,有效期止,卡号,车牌,电动车牌,电动车标签\n";

  @TempDir Path dir;
  private PeopleFixture f;

  @BeforeEach
  void open() throws Exception {
    f = new PeopleFixture(dir);
  }

  @AfterEach
  void close() {
    f.close();
  }

  static byte[] sample() throws IOException {
    return Files.readAllBytes(PeopleFixture.CONFIG.resolve("people-sample.csv"));
  }

  static byte[] sampleGbk() throws IOException {
    try (InputStream in = PersonCsvImportTest.class.getResourceAsStream("/people/people-sample-gbk.csv")) {
      return in.readAllBytes();
    }
  }

  private ImportReport run(byte[] file) {
    return await(f.people.importCsv("office", file, false));
  }

  private ImportReport run(String text) {
    return run(text.getBytes(StandardCharsets.UTF_8));
  }

  /** What the tables hold, as text: the import's effect, whatever path it took. */
  private String contents() {
    return await(f.people.search(new PersonQuery(null, null, null, 500, 0))).stream()
        .map(e -> PersonJson.of(e).encode()).collect(Collectors.joining("\n"));
  }

  @Test
  void theSampleImports() throws IOException {
    ImportReport report = run(sample());

    assertTrue(report.ok(), report.problems().toString());
    assertTrue(report.applied());
    assertEquals("UTF-8", report.encoding());
    assertEquals(8, report.added());
    assertEquals(List.of(2, 3, 4, 5, 6, 7, 8, 9), report.rows().stream().map(ImportRow::line).toList());
    assertEquals(8, f.count("persons"));
    assertEquals(7, f.count("cards"));
    assertEquals(3, f.count("vehicles"));
    assertEquals(2, f.count("ebike_tags"));

    PersonEntry chen = await(f.people.search(PersonQuery.text("陈静"))).get(0);
    assertEquals(PersonKind.TENANT, chen.person().kind());
    assertEquals("B03-U2-801", chen.person().household());
    assertEquals(LocalDate.of(2025, 1, 1).atStartOfDay(PeopleFixture.ZONE).toInstant().toEpochMilli(),
        chen.person().validFrom());
    // Valid through 31 December: the end is exclusive.
    assertEquals(LocalDate.of(2026, 1, 1).atStartOfDay(PeopleFixture.ZONE).toInstant().toEpochMilli(),
        chen.person().validTo());
    assertEquals(List.of(Vehicle.ebike("闽CE1234")), chen.person().vehicles());

    PersonEntry zhao = await(f.people.search(PersonQuery.text("赵强"))).get(0);
    assertEquals("S00001", zhao.id());
    assertNull(zhao.person().household());
    assertEquals(List.of(Card.wiegand34(3735928559L)), zhao.person().cards());
    assertEquals(List.of("R00001", "R00002", "R00003"),
        await(f.people.household("B03-U1-1502")).stream().map(PersonEntry::id).toList());
  }

  @Test
  void theGbkFileImportsWithTheSameResult() throws Exception {
    ImportReport utf8 = run(sample());
    String fromUtf8 = contents();
    f.close();
    f = new PeopleFixture(dir.resolve("second"));

    ImportReport gbk = run(sampleGbk());

    assertEquals("GBK", gbk.encoding());
    assertTrue(gbk.applied(), gbk.problems().toString());
    assertEquals(utf8.rows(), gbk.rows());
    assertEquals(fromUtf8, contents());
  }

  @Test
  void aByteOrderMarkIsNotPartOfTheFirstColumn() throws IOException {
    byte[] body = sample();
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);

    ImportReport report = run(withBom);

    assertTrue(report.applied(), report.problems().toString());
    assertEquals(8, report.added());
  }

  @Test
  void aFileInNeitherEncodingChangesNothing() {
    byte[] file = (HEADER + "B03-U1-1502,王伟,业主,,,,,,\n").getBytes(StandardCharsets.UTF_8);
    byte[] broken = new byte[file.length + 2];
    System.arraycopy(file, 0, broken, 0, file.length);
    broken[file.length] = (byte) 0xFF;
    broken[file.length + 1] = (byte) 0xFF;

    ImportReport report = run(broken);

    assertFalse(report.applied());
    assertNull(report.encoding());
    assertTrue(report.fileProblems().get(0).contains("neither UTF-8"), report.fileProblems().toString());
    assertTrue(report.fileProblems().get(0).contains("line 3"), report.fileProblems().toString());
    assertEquals(0, f.count("persons"));
  }

  @Test
  void reimportingTheSameFileChangesNothing() throws IOException {
    run(sample());
    long audited = f.count("audit");

    ImportReport again = run(sample());

    assertTrue(again.ok(), again.problems().toString());
    assertEquals(8, again.unchanged());
    assertEquals(0, again.added() + again.changed());
    assertEquals(audited, f.count("audit"), "an import that changes nothing leaves no trail");
    assertEquals(8, f.count("persons"));
  }

  @Test
  void aChangedRowIsReportedChanged() throws IOException {
    run(sample());
    String text = new String(sample(), StandardCharsets.UTF_8).replace("王子涵,业主,,,,", "王子涵,业主,,,04D1D2D3D4D5D6,");

    ImportReport report = run(text);

    assertTrue(report.applied(), report.problems().toString());
    assertEquals(1, report.changed());
    assertEquals(ImportRow.Outcome.CHANGED, report.rows().get(2).outcome());
    assertEquals(List.of(Card.parse("04D1D2D3D4D5D6")),
        await(f.people.person(report.rows().get(2).personId())).orElseThrow().person().cards());
  }

  @Test
  void anImportIsAnnouncedOnceForEveryone() throws IOException {
    run(sample());
    run(sample());

    assertEquals(List.of(PersonsChanged.all()), f.changes(1));
  }

  @Test
  void everyChangedPersonIsAudited() throws IOException {
    run(sample());

    List<List<String>> audit = f.rows("SELECT action, count(*) FROM audit GROUP BY action ORDER BY action");
    assertEquals(List.of(List.of("people.import", "1"), List.of("person.import.add", "8")), audit);
  }

  @Test
  void wrongAndMissingColumnsAreNamedAndNothingChanges() {
    ImportReport report = run("房号,名字,类型,卡号,颜色\nB03-U1-1502,王伟,业主,04A1B2C3,红\n");

    assertFalse(report.applied());
    assertEquals(List.of(), report.rows());
    String problems = String.join("\n", report.fileProblems());
    assertTrue(problems.contains("unknown column '名字' (column 2)"), problems);
    assertTrue(problems.contains("unknown column '颜色' (column 5)"), problems);
    assertTrue(problems.contains("missing column 姓名/name"), problems);
    assertEquals(0, f.count("persons"));
  }

  @Test
  void englishHeadersWorkToo() {
    ImportReport report = run("Household,Name,Kind,Cards\nB03-U1-1502,Wang Wei,resident,04A1B2C3\n");

    assertTrue(report.applied(), report.problems().toString());
    assertEquals(1, f.count("cards"));
  }

  @Test
  void aCardTwiceInTheFileChangesNothing() {
    ImportReport report = run(HEADER
        + "B03-U1-1502,王伟,业主,,,04A1B2C3,,,\n"
        + "B03-U1-1502,李娜,业主,,,,,,\n"
        + "B03-U2-801,陈静,租户,,,04a1b2c3,,,\n");

    assertFalse(report.applied());
    assertEquals(List.of(ImportRow.Outcome.REFUSED, ImportRow.Outcome.ADDED, ImportRow.Outcome.REFUSED),
        report.rows().stream().map(ImportRow::outcome).toList());
    assertEquals(List.of(new RowProblem(2, "卡号", "card 04A1B2C3 is also on line 4")), report.rows().get(0).problems());
    assertEquals(List.of(new RowProblem(4, "卡号", "card 04A1B2C3 is also on line 2")), report.rows().get(2).problems());
    assertEquals(0, f.count("persons"));
  }

  @Test
  void aCardOfSomeoneNotInTheFileChangesNothing() {
    await(f.people.add("office", Person.of("R09001", "孙丽", PersonKind.RESIDENT, "B01-U1-101")
        .withCards(List.of(Card.parse("04A1B2C3"))), null));

    ImportReport report = run(HEADER + "B03-U1-1502,王伟,业主,,,04A1B2C3,,,\n");

    assertFalse(report.applied());
    assertEquals(List.of(new RowProblem(2, "卡号", "card 04A1B2C3 belongs to R09001 (孙丽), who is not in this file")),
        report.rows().get(0).problems());
    assertEquals(1, f.count("persons"));
    assertEquals(List.of(List.of("04A1B2C3", "R09001")), f.rows("SELECT uid, person_id FROM cards"));
  }

  @Test
  void aCardMayMoveBetweenTwoPersonsTheFileLists() throws IOException {
    run(sample());
    // 王伟 hands his card to 王子涵: both rows say so, so nobody loses a card silently.
    String text = new String(sample(), StandardCharsets.UTF_8)
        .replace("王伟,业主,,,04A1B2C3,", "王伟,业主,,,,")
        .replace("王子涵,业主,,,,", "王子涵,业主,,,04A1B2C3,");

    ImportReport report = run(text);

    assertTrue(report.applied(), report.problems().toString());
    assertEquals(2, report.changed());
    assertEquals(List.of(List.of("王子涵")),
        f.rows("SELECT p.name FROM cards c JOIN persons p ON p.id = c.person_id WHERE c.uid = '04A1B2C3'"));
  }

  @Test
  void badDatesAreRefusedWithLineAndColumn() {
    ImportReport report = run(HEADER
        + "B03-U1-1502,王伟,业主,,,,,,\n"
        + "B03-U2-801,陈静,租户,2025-01-01,2025-13-01,,,,\n"
        + "B03-U2-801,刘洋,租户,2025/02/30,,,,,\n"
        + "B03-U2-801,周杰,租户,2025-06-01,2025-05-31,,,,\n");

    assertFalse(report.applied());
    assertEquals(List.of(
        new RowProblem(3, "有效期止", "'2025-13-01' is not a date: write 2025-06-30, or 2025-06-30 18:00"),
        new RowProblem(4, "有效期起", "'2025/02/30' is not a date: write 2025-06-30, or 2025-06-30 18:00"),
        new RowProblem(5, "有效期止", "ends before the validity starts")),
        report.rows().stream().flatMap(r -> r.problems().stream()).toList());
    assertEquals(ImportRow.Outcome.ADDED, report.rows().get(0).outcome());
    assertEquals(0, f.count("persons"));
  }

  @Test
  void everyBadCellIsReportedAtOnce() {
    ImportReport report = run(HEADER
        + "B13-U1-1502,王伟,房东,,,04A1B2,闽C,,XYZ\n"
        + "B03-U1-1502,,业主,,,,,,\n"
        + "B03-U1-1502,李娜,业主,,,,,\n");

    List<String> problems = report.problems();
    assertTrue(problems.contains("line 2, 类型: '房东' is not a person kind: write 业主/resident, 租户/tenant, 员工/staff, 访客/visitor"), problems.toString());
    assertTrue(problems.contains("line 2, 卡号: '04A1B2' has 6 hex digits: a Mifare UID has 8, 14 or 20"), problems.toString());
    assertTrue(problems.stream().anyMatch(p -> p.startsWith("line 2, 车牌: '闽C' is not a plate")), problems.toString());
    assertTrue(problems.stream().anyMatch(p -> p.startsWith("line 2, 电动车标签: 'XYZ' is not an e-bike tag")), problems.toString());
    assertTrue(problems.contains("line 3, 姓名: empty"), problems.toString());
    assertTrue(problems.contains("line 4: has 8 fields, the header has 9"), problems.toString());
    assertEquals(3, report.refused());
    assertEquals(0, f.count("persons"));
  }

  @Test
  void aHouseholdNotInTheEstateIsRefused() {
    ImportReport report = run(HEADER + "B03-U3-1502,王伟,业主,,,,,,\n");

    assertEquals(List.of(new RowProblem(2, "房号", "building B03 has no unit U3 (it has U1, U2)")),
        report.rows().get(0).problems());
  }

  @Test
  void theSamePersonTwiceChangesNothing() {
    ImportReport report = run(HEADER + "B03-U1-1502,王伟,业主,,,,,,\nB03-U1-1502,王伟,业主,,,04A1B2C3,,,\n");

    assertEquals(2, report.refused());
    assertTrue(report.rows().get(1).problems().get(0).reason().startsWith("the same person as line 2"));
    assertEquals(0, f.count("persons"));
  }

  @Test
  void aDryRunReportsWithoutChanging() throws IOException {
    ImportReport report = await(f.people.importCsv("office", sample(), true));

    assertTrue(report.dryRun());
    assertTrue(report.ok());
    assertFalse(report.applied());
    assertEquals(8, report.added());
    assertEquals(0, f.count("persons"));
    assertEquals(List.of(), f.changes);
  }

  @Test
  void columnsTheFileLeavesOutAreKept() throws IOException {
    run(sample());

    ImportReport report = run("房号,姓名,类型,有效期止\nB03-U2-801,陈静,租户,2026-06-30\n");

    assertTrue(report.applied(), report.problems().toString());
    Person chen = await(f.people.search(PersonQuery.text("陈静"))).get(0).person();
    assertEquals(List.of(Card.parse("04B2C3D4")), chen.cards());
    assertEquals(List.of(Vehicle.ebike("闽CE1234")), chen.vehicles());
    assertEquals(LocalDate.of(2025, 1, 1).atStartOfDay(PeopleFixture.ZONE).toInstant().toEpochMilli(), chen.validFrom());
    assertEquals(8, f.count("persons"), "persons the file does not list are left as they are");
  }

  @Test
  void quotedCellsMayHoldCommasAndLineBreaks() {
    ImportReport report = run(HEADER
        + "B03-U1-1502,\"王伟\",业主,,,\"04A1B2C3;\n04A1B2C4\",,,\n"
        + "B03-U1-1502,李娜,业主,,,,,,\n");

    assertTrue(report.applied(), report.problems().toString());
    assertEquals(List.of(2, 4), report.rows().stream().map(ImportRow::line).toList());
    assertEquals(2, f.count("cards"));
  }

  @Test
  void anUnclosedQuoteChangesNothing() {
    ImportReport report = run(HEADER + "B03-U1-1502,\"王伟,业主,,,04A1B2C3,,,\n");

    assertFalse(report.applied());
    assertTrue(report.fileProblems().get(0).startsWith("the file is not valid CSV: (startline 2)"),
        report.fileProblems().toString());
    assertEquals(0, f.count("persons"));
  }

  @Test
  void gbkIsDecodedStrictly() {
    Charset gbk = Charset.forName("GBK");
    byte[] file = (HEADER + "B03-U1-1502,王伟,业主,,,,,,\n").getBytes(gbk);

    ImportReport report = run(file);

    assertEquals("GBK", report.encoding());
    assertEquals("王伟", report.rows().get(0).name());
  }
}
