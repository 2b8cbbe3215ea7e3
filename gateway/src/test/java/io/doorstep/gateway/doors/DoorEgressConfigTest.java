package io.doorstep.gateway.doors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.gateway.config.ConfigException;
import io.doorstep.gateway.config.ConfigLoader;
import io.doorstep.gateway.config.ConfigProblem;
import io.doorstep.gateway.config.EstateConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which doors a fire releases, as the estate file says it. */
class DoorEgressConfigTest {
  @TempDir Path dir;

  @Test
  void waysOutOnFootAreEgressByDefaultAndVehicleGatesAreNot() throws Exception {
    EstateConfig estate = load("""
        estate: {id: test, name: Test}
        buildings:
          - {id: B01, name: 1栋, floors: 6, units: [U1]}
        doors:
          - {id: G1, name: 南门, kind: pedestrian-gate}
          - {id: U1, name: 1单元, kind: unit-door, building: B01, unit: U1}
          - {id: F1, name: 消防通道, kind: fire-lane}
          - {id: V1, name: 车行道, kind: vehicle-gate}
          - {id: E1, name: 电动车道, kind: ebike-gate}
        """);
    assertEquals(List.of("G1", "U1", "F1"), estate.egressDoors().stream().map(EstateConfig.Door::id).toList());
  }

  @Test
  void theFileMayNameAnyDoorEgressOrNot() throws Exception {
    EstateConfig estate = load("""
        estate: {id: test, name: Test}
        doors:
          - {id: G1, name: 南门, kind: pedestrian-gate, egress: false}
          - {id: E1, name: 电动车道, kind: ebike-gate, egress: true}
        """);
    assertFalse(estate.door("G1").orElseThrow().egress());
    assertTrue(estate.door("E1").orElseThrow().egress());
  }

  @Test
  void aFireLaneThatIsNoWayOutIsRefusedWithItsLine() throws Exception {
    ConfigException e = assertThrows(ConfigException.class, () -> load("""
        estate: {id: test, name: Test}
        doors:
          - {id: G1, name: 南门, kind: pedestrian-gate}
          - {id: F1, name: 消防通道, kind: fire-lane, egress: false}
        """));
    ConfigProblem problem = only(e.problems());
    assertEquals(4, problem.line());
    assertEquals("doors[1].egress", problem.path());
    assertTrue(problem.message().startsWith("a fire-lane is always a way out in a fire"), problem.message());
  }

  @Test
  void egressIsTrueOrFalse() {
    ConfigException e = assertThrows(ConfigException.class, () -> load("""
        estate: {id: test, name: Test}
        doors:
          - {id: G1, name: 南门, kind: pedestrian-gate,
             egress: sometimes}
        """));
    ConfigProblem problem = only(e.problems());
    assertEquals(4, problem.line());
    assertEquals("doors[0].egress", problem.path());
    assertEquals("expected true or false, got 'sometimes'", problem.message());
  }

  private EstateConfig load(String yaml) throws IOException, ConfigException {
    Path file = dir.resolve("estate.yaml");
    Files.writeString(file, yaml);
    return ConfigLoader.loadEstate(file);
  }

  private static ConfigProblem only(List<ConfigProblem> problems) {
    assertEquals(1, problems.size(), problems.toString());
    return problems.get(0);
  }
}
