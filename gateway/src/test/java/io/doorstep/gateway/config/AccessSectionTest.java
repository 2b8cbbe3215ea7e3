package io.doorstep.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.gateway.config.AccessConfig.TimeRange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The estate file's access section: read as written, and every mistake named with its line. */
class AccessSectionTest {
  private static final String ESTATE = """
      estate: {id: test, name: Test, timeZone: Asia/Shanghai}
      buildings:
        - {id: B01, name: 1栋, floors: 18, units: [U1]}
      doors:
        - {id: G1, name: 南门, kind: pedestrian-gate}
        - {id: G2, name: 北门, kind: pedestrian-gate}
        - {id: B01-U1, name: 1栋1单元, kind: unit-door, building: B01, unit: U1}
      """;

  @TempDir
  Path dir;

  @Test
  void aFullSectionReadsAsWritten() throws Exception {
    EstateConfig estate = load(ESTATE + """
        access:
          verifyRateLimit: 15
          holidays: [2025-01-01, 2025-01-28..2025-01-30]
          schedules:
            - id: day
              daily: [07:00-19:00]
              sat: []
              holiday: []
            - id: night
              daily: [22:00-06:00, 00:00-24:00]
          groups:
            - {id: cleaners, name: 保洁, doors: [B01-U1], schedule: day}
            - {id: staff, name: 物业, doorKinds: [pedestrian-gate, unit-door], personKinds: [staff], schedule: night}
          passback:
            - {id: gates, doors: [G1, G2], mode: timed, lockoutS: 30}
          separation:
            refuseEbikesAt: [unit-door]
        """);

    AccessConfig access = estate.access();
    assertEquals(ZoneId.of("Asia/Shanghai"), estate.timeZone());
    assertEquals(15, access.verifyRateLimit());
    assertEquals(4, access.holidays().size());
    assertTrue(access.holidays().contains(LocalDate.of(2025, 1, 29)));
    AccessConfig.Schedule day = access.schedules().get(0);
    assertEquals(List.of(new TimeRange(420, 1140)), day.week().get(DayOfWeek.MONDAY));
    assertEquals(List.of(), day.week().get(DayOfWeek.SATURDAY));
    assertEquals(List.of(), day.holiday());
    AccessConfig.Schedule night = access.schedules().get(1);
    assertTrue(night.week().get(DayOfWeek.SUNDAY).get(0).crossesMidnight());
    assertEquals(new TimeRange(0, 1440), night.week().get(DayOfWeek.SUNDAY).get(1));
    assertNull(night.holiday(), "holidays keep their weekday's ranges");
    assertEquals("day", access.groups().get(0).schedule());
    assertEquals(List.of("staff"), access.groups().get(1).personKinds());
    assertEquals(30, access.passback().get(0).lockoutS());
    assertEquals(List.of("unit-door"), access.refuseEbikesAt());
  }

  @Test
  void theReferenceEstatesRulesLoad() throws Exception {
    EstateConfig estate = ConfigLoader.loadEstate(Path.of("..", "config", "estates", "xihu-haoyuan.yaml"));

    AccessConfig access = estate.access();
    assertEquals(ZoneId.of("Asia/Shanghai"), estate.timeZone());
    assertTrue(access.holidays().contains(LocalDate.of(2025, 1, 31)), "Spring Festival");
    assertEquals(List.of("staff", "night-patrol", "ebike-riders"),
        access.groups().stream().map(AccessConfig.Group::id).toList());
    assertEquals(8, access.passback().get(0).doors().size());
    assertEquals(List.of("pedestrian-gate", "unit-door"), access.refuseEbikesAt());
  }

  @Test
  void withoutASectionTheDefaultsApply() throws Exception {
    EstateConfig estate = load(ESTATE.replace(", timeZone: Asia/Shanghai", ""));

    assertEquals(EstateConfig.DEFAULT_TIME_ZONE, estate.timeZone());
    assertEquals(AccessConfig.defaults(), estate.access());
    assertEquals(List.of("pedestrian-gate", "unit-door"), estate.access().refuseEbikesAt());
  }

  @Test
  void everyMistakeIsReportedWithItsLine() throws Exception {
    List<ConfigProblem> problems = problems(ESTATE.replace("Asia/Shanghai", "Asia/Beijing") + """
        access:
          verifyRate: 20
          holidays: [2025-02-30, 2025-02-04..2025-01-28]
          schedules:
            - {id: day, daily: [07:00-19:60, 7:00-7:00, 25:00-06:00], mon: [24:00-06:00]}
            - {id: day, sun: 08:00-12:00}
          groups:
            - {id: household, name: 住户, doors: [G1]}
            - {id: cleaners, name: 保洁, doors: [G9], doorKinds: [gate], personKinds: [cleaner], schedule: nights}
            - {id: guests, name: 访客}
          passback:
            - {id: south, doors: [G1], mode: strict, lockoutS: 10}
            - {id: north, doors: [G1, G2], mode: timed}
            - {id: east, doors: [G2], mode: alternate}
          separation: {refuseEbikesAt: [elevator]}
        """);

    String[] expected = {
        "1|estate.timeZone|expected a time zone id such as Asia/Shanghai, got 'Asia/Beijing'",
        "9|access.verifyRate|unknown key; allowed keys: verifyRateLimit, holidays",
        "10|access.holidays[0]|expected a date YYYY-MM-DD",
        "10|access.holidays[1]|expected a date YYYY-MM-DD",
        "12|access.schedules[0].daily[0]|expected a time range HH:MM-HH:MM",
        "12|access.schedules[0].daily[1]|expected a time range HH:MM-HH:MM",
        "12|access.schedules[0].daily[2]|expected a time range HH:MM-HH:MM",
        "12|access.schedules[0].mon[0]|expected a time range HH:MM-HH:MM",
        "13|access.schedules[1].id|duplicate schedule id 'day', first used at line 12",
        "13|access.schedules[1].sun|expected a list, got '08:00-12:00'",
        "15|access.groups[0].id|'household' is the built-in group",
        "16|access.groups[1].doors[0]|no door 'G9' is defined under doors",
        "16|access.groups[1].doorKinds[0]|expected one of pedestrian-gate, unit-door",
        "16|access.groups[1].personKinds[0]|expected one of resident, tenant, staff, visitor, got 'cleaner'",
        "16|access.groups[1].schedule|no schedule 'nights' is defined under access.schedules; defined are day",
        "17|access.groups[2].doors|a group needs doors, doorKinds or both",
        "19|access.passback[0].lockoutS|only mode timed has a lock-out",
        "20|access.passback[1].doors[0]|door G1 is already in a passback group at line 19 (access.passback[0].doors[0])",
        "20|access.passback[1].lockoutS|required for mode timed",
        "21|access.passback[2].mode|expected one of strict, timed, got 'alternate'",
        "21|access.passback[2].doors[0]|door G2 is already in a passback group at line 20",
        "22|access.separation.refuseEbikesAt[0]|expected one of pedestrian-gate",
    };
    for (String e : expected) {
      String[] parts = e.split("\\|");
      assertTrue(problems.stream().anyMatch(p -> p.line() == Integer.parseInt(parts[0]) && p.path().equals(parts[1])
          && p.message().startsWith(parts[2])), "missing " + e + " in\n" + String.join("\n",
          problems.stream().map(ConfigProblem::toString).toList()));
    }
    assertEquals(expected.length, problems.size(), problems.toString());
  }

  private EstateConfig load(String text) throws Exception {
    return ConfigLoader.loadEstate(write(text));
  }

  private List<ConfigProblem> problems(String text) throws IOException {
    Path file = write(text);
    return assertThrows(ConfigException.class, () -> ConfigLoader.loadEstate(file)).problems();
  }

  private Path write(String text) throws IOException {
    Path file = dir.resolve("estate.yaml");
    Files.writeString(file, text);
    return file;
  }
}
