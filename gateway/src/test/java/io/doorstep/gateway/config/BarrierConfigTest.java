package io.doorstep.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lane's barrier in the estate file: known by its lane, at a door that has an arm. */
class BarrierConfigTest {
  private static final String ESTATE = """
      estate: {id: test, name: Test}
      doors:
        - {id: V1, name: 车行道 1, kind: vehicle-gate, devices: [bar-v1]}
        - {id: F1, name: 消防通道, kind: fire-lane, devices: [bar-f1]}
        - {id: G1, name: 南门, kind: pedestrian-gate, devices: []}
      devices:
        - {id: bar-v1, type: barrier, lane: V1, link: mqtt}
        - {id: bar-f1, type: barrier, lane: F1, link: mqtt}
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
  void aBarrierIsKnownByItsLaneAndServesItsDoor() throws Exception {
    Files.writeString(estate, ESTATE);

    EstateConfig loaded = ConfigLoader.load(gateway).estate();

    EstateConfig.Device barrier = loaded.devicesById().get("bar-v1");
    assertEquals("V1", barrier.lane());
    assertEquals("V1", barrier.door());
    assertEquals(List.of("bar-v1"), loaded.door("V1").orElseThrow().devices());
    assertEquals(List.of("F1", "G1"), loaded.egressDoors().stream().map(EstateConfig.Door::id).toList());
    assertNull(loaded.devicesById().get("bar-f1").modbus());
  }

  @Test
  void aBarrierWithoutALaneOrWithAnSnIsRefusedAtItsLine() throws IOException {
    Files.writeString(estate, ESTATE + "  - {id: bar-x, type: barrier, sn: X1, link: mqtt}\n");

    List<ConfigProblem> problems = problems();

    assertEquals(List.of(
        new ConfigProblem(estate, 9, "devices[2].sn",
            "a barrier is known on the broker by its lane id: give 'lane', not 'sn'"),
        new ConfigProblem(estate, 9, "devices[2].lane", "required key is missing")), problems);
  }

  @Test
  void aLaneUsedTwiceAndABarrierAtAPedestrianGateAreRefused() throws IOException {
    Files.writeString(estate, ESTATE.replace("devices: []", "devices: [bar-g1]")
        + "  - {id: bar-g1, type: barrier, lane: V1, link: mqtt}\n");

    List<String> messages = problems().stream().map(p -> p.line() + " " + p.path() + ": " + p.message()).toList();

    assertEquals(List.of(
        "5 doors[2].devices[0]: barrier bar-g1 cannot serve a pedestrian-gate; a barrier serves a vehicle-gate,"
            + " ebike-gate, fire-lane",
        "9 devices[2].lane: duplicate barrier lane 'V1', first used at line 7 (devices[0].lane)"), messages);
  }

  @Test
  void onlyABarrierHasALane() throws IOException {
    Files.writeString(estate, ESTATE + "  - {id: ft-1, type: face-terminal, sn: FT1, lane: V1, link: mqtt}\n");

    assertEquals(List.of(new ConfigProblem(estate, 9, "devices[2].lane",
        "only a barrier has a lane; a face-terminal is known by its sn")), problems());
  }

  private List<ConfigProblem> problems() {
    return assertThrows(ConfigException.class, () -> ConfigLoader.load(gateway)).problems();
  }
}
