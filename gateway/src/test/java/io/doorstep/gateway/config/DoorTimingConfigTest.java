package io.doorstep.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.doorstep.gateway.doors.DoorTiming;
import io.doorstep.gateway.doors.DoorTimings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Door timings in the estate file: built-in, then estate-wide, then the door's own, each in its range. */
class DoorTimingConfigTest {
  private static final String ESTATE = """
      estate: {id: test, name: Test}
      doorTiming: {remoteOpenMs: 8000}
      doors:
        - id: G1
          name: 南门
          kind: pedestrian-gate
          timing: {openMs: 4500, heldOpenMs: 60000}
        - {id: G2, name: 北门, kind: pedestrian-gate}
      """;

  @TempDir
  Path dir;
  private Path gateway;
  private Path estate;

  @BeforeEach
  void paths() throws IOException {
    gateway = dir.resolve("gateway.yaml");
    estate = dir.resolve("estate.yaml");
    Files.writeString(gateway, "estate: estate.yaml\n");
  }

  @Test
  void eachDoorHasTheBuiltInTimingsWithTheEstatesAndItsOwnLaidOver() throws Exception {
    Files.writeString(estate, ESTATE);

    EstateConfig loaded = ConfigLoader.load(gateway).estate();
    DoorTimings timings = DoorTimings.fromFile(loaded);

    assertEquals(Map.of("remoteOpenMs", 8000), loaded.doorTiming());
    assertEquals(Map.of("openMs", 4500, "heldOpenMs", 60000), loaded.door("G1").orElseThrow().timing());
    assertEquals(new DoorTiming(4500, 8000, 60000), timings.of("G1"));
    assertEquals(new DoorTiming(3000, 8000, 30000), timings.of("G2"));
  }

  @Test
  void aFileWithoutTimingsKeepsTheBuiltInOnes() throws Exception {
    Files.writeString(estate, """
        estate: {id: test, name: Test}
        doors:
          - {id: G1, name: 南门, kind: pedestrian-gate}
        """);

    assertEquals(DoorTiming.DEFAULTS, DoorTimings.fromFile(ConfigLoader.load(gateway).estate()).of("G1"));
  }

  @Test
  void aTimingOutOfItsRangeIsRefusedAtItsLine() throws IOException {
    Files.writeString(estate, ESTATE.replace("openMs: 4500", "openMs: 500")
        .replace("remoteOpenMs: 8000", "remoteOpenMs: 90000"));

    assertEquals(List.of(
        "2 doorTiming.remoteOpenMs: must be 1000..60000, got 90000",
        "7 doors[0].timing.openMs: must be 1000..60000, got 500"), messages());
  }

  @Test
  void aHeldOpenTimeShorterThanFiveSecondsIsRefused() throws IOException {
    Files.writeString(estate, ESTATE.replace("heldOpenMs: 60000", "heldOpenMs: 2000"));

    assertEquals(List.of("7 doors[0].timing.heldOpenMs: must be 5000..600000, got 2000"), messages());
  }

  @Test
  void anUnknownTimingAndAWordForANumberAreRefused() throws IOException {
    Files.writeString(estate, ESTATE.replace("heldOpenMs: 60000", "closeMs: 1000")
        .replace("remoteOpenMs: 8000", "remoteOpenMs: five"));

    List<String> messages = messages();

    assertEquals(2, messages.size(), messages.toString());
    assertEquals("2 doorTiming.remoteOpenMs: expected an integer, got 'five'", messages.get(0));
    assertEquals(true, messages.get(1).startsWith("7 doors[0].timing.closeMs: "), messages.get(1));
  }

  private List<String> messages() {
    return assertThrows(ConfigException.class, () -> ConfigLoader.load(gateway)).problems().stream()
        .map(p -> {
          assertEquals(estate, p.file());
          return p.line() + " " + p.path() + ": " + p.message();
        }).toList();
  }
}
