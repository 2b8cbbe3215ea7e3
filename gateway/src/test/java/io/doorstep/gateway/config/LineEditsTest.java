package io.doorstep.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.gateway.config.DeviceEdits.Edit;
import io.doorstep.gateway.config.DeviceEdits.FieldProblem;
import io.doorstep.gateway.config.EstateConfig.SerialLine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RS-485 lines changed, added and removed on the technician console are laid over the estate
 * file's {@code lines} and checked by the file's own rules, each mistake on the form's field.
 */
class LineEditsTest {
  private static final Path SHIPPED_PROFILES = Path.of("..", "config", "profiles");
  private static final String ESTATE = """
      estate: {id: e1, name: Test}
      buildings: []
      doors: []
      devices:
        - {id: pile-1, type: charging-pile, link: shed-bus, address: 1, profile: EBC-10, shed: S1}
      # the shed's line, as wired in 2023
      lines:
        - {id: shed-bus, port: /dev/ttyUSB0, baud: 9600, cycleMs: 1000}
        - {id: spare-bus, port: /dev/ttyUSB1}
      charging:
        sheds:
          - {id: S1, name: 1号棚, powerBudgetW: 16000, breaker: QF1}
      """;

  @TempDir Path dir;
  private Path gateway;
  private Path estateFile;

  @BeforeEach
  void writeFiles() throws Exception {
    Files.createDirectories(dir.resolve("estates"));
    estateFile = dir.resolve("estates/e1.yaml");
    Files.writeString(estateFile, ESTATE, StandardCharsets.UTF_8);
    gateway = dir.resolve("gateway.yaml");
    Files.writeString(gateway, String.join("\n",
        "dataDir: " + dir.resolve("data"),
        "estate: estates/e1.yaml",
        "profiles: '" + SHIPPED_PROFILES.toAbsolutePath().normalize() + "'",
        ""), StandardCharsets.UTF_8);
  }

  @Test
  void aChangedLineAndAnAddedOneAreServedAndTheFileIsNotRewritten() throws Exception {
    List<Edit> edits = List.of(
        line("shed-bus", Map.of("port", "/dev/ttyUSB2", "baud", 19200L, "parity", "even", "stopBits", 2L,
            "cycleMs", 250L)),
        line("shed4-bus", Map.of("port", "/dev/ttyUSB3")));

    EstateConfig estate = DeviceEdits.check(gateway, edits, DeviceEdits.LINES, "shed4-bus", true);

    assertEquals(List.of(new SerialLine("shed-bus", "/dev/ttyUSB2", 19200, "even", 2, 250),
        new SerialLine("spare-bus", "/dev/ttyUSB1", 9600, "none", 1, 1000),
        new SerialLine("shed4-bus", "/dev/ttyUSB3", 9600, "none", 1, 1000)), estate.lines());
    assertEquals("shed-bus", estate.devicesById().get("pile-1").link(), "the pile stays on its line");
    assertEquals(ESTATE, Files.readString(estateFile));
    assertEquals(estate.lines(), DeviceEdits.apply(gateway, edits).lines(), "start lays them the same way");
    assertEquals(19200L, DeviceEdits.entry(gateway, edits, DeviceEdits.LINES, "shed-bus").get("baud"));
    assertEquals("/dev/ttyUSB1", DeviceEdits.entry(gateway, edits, DeviceEdits.LINES, "spare-bus").get("port"));
  }

  @Test
  void eachMistakeIsRefusedOnItsField() {
    assertRefused("baud", Map.of("baud", 12345L), "12345");
    assertRefused("parity", Map.of("parity", "mark"), "mark");
    assertRefused("stopBits", Map.of("stopBits", 3L), "3");
    assertRefused("cycleMs", Map.of("cycleMs", 70_000L), "70000");
    assertRefused("port", Map.of("port", "/dev/ttyUSB1"), "serial port");
    assertRefused("speed", Map.of("speed", 9600L), "unknown key");
  }

  @Test
  void aLineWithoutPortIsRefusedOnThePort() {
    Map<String, Object> entry = new LinkedHashMap<>(Map.of("id", "shed-bus", "baud", 9600L));
    DeviceEdits.Refused refused = assertThrows(DeviceEdits.Refused.class, () -> DeviceEdits.check(gateway,
        List.of(new Edit(DeviceEdits.LINES, "shed-bus", entry)), DeviceEdits.LINES, "shed-bus", false));
    assertEquals("port", refused.problems().get(0).field(), refused.problems().toString());
  }

  @Test
  void anAddedLineUnderATakenIdIsRefusedOnTheId() {
    DeviceEdits.Refused refused = assertThrows(DeviceEdits.Refused.class, () -> DeviceEdits.check(gateway,
        List.of(line("spare-bus", Map.of("port", "/dev/ttyUSB7"))), DeviceEdits.LINES, "spare-bus", true));
    FieldProblem problem = refused.problems().get(0);
    assertEquals("id", problem.field(), refused.problems().toString());
    assertTrue(problem.message().contains("duplicate line id"), problem.message());
  }

  @Test
  void aLineItsPilesStillNameIsNotRemoved() throws Exception {
    DeviceEdits.Refused refused = assertThrows(DeviceEdits.Refused.class, () -> DeviceEdits.check(gateway,
        List.of(new Edit(DeviceEdits.LINES, "shed-bus", null)), DeviceEdits.LINES, "shed-bus", false));
    FieldProblem problem = refused.problems().get(0);
    assertEquals("id", problem.field());
    assertTrue(problem.message().startsWith("devices[0].link: no line 'shed-bus' is defined under lines"),
        problem.message());

    EstateConfig without = DeviceEdits.check(gateway, List.of(new Edit(DeviceEdits.LINES, "spare-bus", null)),
        DeviceEdits.LINES, "spare-bus", false);
    assertEquals(List.of("shed-bus"), without.lines().stream().map(SerialLine::id).toList());
    assertNull(DeviceEdits.entry(gateway, List.of(new Edit(DeviceEdits.LINES, "spare-bus", null)),
        DeviceEdits.LINES, "spare-bus"));
  }

  @Test
  void aLineMovedTogetherWithItsPilesIsServed() throws Exception {
    Map<String, Object> pile = new LinkedHashMap<>(Map.of("id", "pile-1", "type", "charging-pile",
        "link", "shed4-bus", "address", 1L, "profile", "EBC-10", "shed", "S1"));
    List<Edit> edits = List.of(line("shed4-bus", Map.of("port", "/dev/ttyUSB3")), new Edit("pile-1", pile),
        new Edit(DeviceEdits.LINES, "shed-bus", null));

    EstateConfig estate = DeviceEdits.apply(gateway, edits);

    assertEquals(List.of("spare-bus", "shed4-bus"), estate.lines().stream().map(SerialLine::id).toList());
    assertEquals(1, estate.devicesOn("shed4-bus").size());
  }

  @Test
  void anEditTheFileNoLongerFitsIsNotApplied() throws Exception {
    List<Edit> edits = List.of(line("shed-bus", Map.of("port", "/dev/ttyUSB5")));
    Files.writeString(estateFile, ESTATE.replace("port: /dev/ttyUSB1", "port: /dev/ttyUSB5"), StandardCharsets.UTF_8);

    ConfigException e = assertThrows(ConfigException.class, () -> DeviceEdits.apply(gateway, edits));
    assertTrue(e.getMessage().contains("duplicate serial port"), e.getMessage());
  }

  private void assertRefused(String field, Map<String, Object> change, String mentioned) {
    DeviceEdits.Refused refused = assertThrows(DeviceEdits.Refused.class, () -> DeviceEdits.check(gateway,
        List.of(line("shed-bus", change)), DeviceEdits.LINES, "shed-bus", false), field);
    FieldProblem problem = refused.problems().get(0);
    assertEquals(field, problem.field(), refused.problems().toString());
    assertTrue(problem.message().contains(mentioned), problem.message());
  }

  /** The line's entry as the console saves it: the file's keys of shed-bus with {@code change} over them. */
  private static Edit line(String id, Map<String, Object> change) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("id", id);
    if (id.equals("shed-bus")) {
      entry.put("port", "/dev/ttyUSB0");
      entry.put("baud", 9600L);
      entry.put("cycleMs", 1000L);
    }
    entry.putAll(change);
    return new Edit(DeviceEdits.LINES, id, entry);
  }
}
