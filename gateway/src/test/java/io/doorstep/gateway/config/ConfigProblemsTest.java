package io.doorstep.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken files as an operator would write them: each mistake reported with its file, line and path. */
class ConfigProblemsTest {
  private static final String GOOD_ESTATE = """
      estate: {id: test, name: Test}
      buildings:
        - {id: B01, name: 1栋, floors: 18, units: [U1, U2]}
      doors:
        - {id: B01-U1, name: 1栋1单元, kind: unit-door, building: B01, unit: U1, devices: [ft-1]}
      devices:
        - {id: ft-1, type: face-terminal, sn: FT-1, link: mqtt}
      """;

  @TempDir
  Path dir;
  private Path gateway;
  private Path estate;

  @BeforeEach
  void paths() {
    gateway = dir.resolve("gateway.yaml");
    estate = dir.resolve("estate.yaml");
  }

  @Test
  void reportsEveryProblemOfBothFilesAtOnce() throws IOException {
    write(gateway, """
        estate: estate.yaml
        web:
          port: 70000
          prot: 1
        devices:
          heartbeatIntervalS: abc
        """);
    write(estate, """
        estate: {id: test, name: Test}
        doors:
          - {id: G1, name: 南门, kind: pedestrian-gate, devices: [ft-1, ft-9]}
        devices:
          - {id: ft-1, type: face-terminal, sn: SN1, link: mqtt, door: G1}
          - {id: ft-2, type: face-terminal, sn: SN1, link: mqtt}
        """);

    List<ConfigProblem> problems = problems();

    assertEquals(5, problems.size(), problems.toString());
    assertProblem(problems.get(0), gateway, 3, "web.port", "must be 1..65535, got 70000");
    assertProblem(problems.get(1), gateway, 4, "web.prot",
        "unknown key; did you mean 'port'? allowed keys: bind, port, https, sessions");
    assertProblem(problems.get(2), gateway, 6, "devices.heartbeatIntervalS", "expected an integer, got 'abc'");
    assertProblem(problems.get(3), estate, 3, "doors[0].devices[1]", "no device 'ft-9' is defined under devices");
    assertProblem(problems.get(4), estate, 6, "devices[1].sn",
        "duplicate device sn 'SN1', first used at line 5 (devices[0].sn)");
  }

  @Test
  void messageNamesFileLineAndPath() throws IOException {
    write(gateway, "estate: estate.yaml\nweb: {port: 0}\n");
    write(estate, GOOD_ESTATE);

    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(gateway));

    assertTrue(e.getMessage().contains(gateway + ":2: web.port: must be 1..65535, got 0"), e.getMessage());
  }

  @Test
  void syntaxErrorHasItsLine() throws IOException {
    write(gateway, "estate: estate.yaml\nweb:\n  bind: 127.0.0.1\n   port: 8080\n");

    ConfigProblem problem = only(problems());

    assertEquals(gateway, problem.file());
    assertEquals(4, problem.line());
    assertTrue(problem.message().startsWith("invalid YAML: "), problem.message());
  }

  @Test
  void duplicateKeyInOneMapping() throws IOException {
    write(gateway, "estate: estate.yaml\nweb:\n  port: 8080\n  port: 8081\n");
    write(estate, GOOD_ESTATE);

    assertProblem(only(problems()), gateway, 4, "web.port", "duplicate key, first given at line 3");
  }

  @Test
  void missingEstateFileIsNamed() throws IOException {
    write(gateway, "dataDir: ./data\nestate: estates/nowhere.yaml\n");

    ConfigProblem problem = only(problems());

    assertEquals(gateway, problem.file());
    assertEquals(2, problem.line());
    assertEquals("estate", problem.path());
    assertTrue(problem.message().contains(dir.resolve("estates/nowhere.yaml").toString()), problem.message());
  }

  @Test
  void missingGatewayFileIsNamed() {
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(dir.resolve("absent.yaml")));

    assertProblem(only(e.problems()), dir.resolve("absent.yaml"), 0, "", "no such file");
  }

  @Test
  void missingEstateKey() throws IOException {
    write(gateway, "web: {port: 8080}\n");

    assertProblem(only(problems()), gateway, 1, "estate", "required key is missing");
  }

  @Test
  void upstreamEnabledNeedsUrl() throws IOException {
    write(gateway, "estate: estate.yaml\nupstream:\n  enabled: true\n  accessToken: A1b2C3\n");
    write(estate, GOOD_ESTATE);

    assertProblem(only(problems()), gateway, 2, "upstream.url", "required when upstream.enabled is true");
  }

  @Test
  void unitDoorNeedsItsBuilding() throws IOException {
    write(gateway, "estate: estate.yaml\n");
    write(estate, GOOD_ESTATE.replace("building: B01, ", ""));

    assertProblem(only(problems()), estate, 5, "doors[0].building", "required for a unit-door: the id of its building");
  }

  @Test
  void onlyUnitDoorsHaveABuilding() throws IOException {
    write(gateway, "estate: estate.yaml\n");
    write(estate, GOOD_ESTATE.replace("unit-door", "pedestrian-gate"));

    List<ConfigProblem> problems = problems();

    assertEquals(List.of("doors[0].building", "doors[0].unit"), problems.stream().map(ConfigProblem::path).toList());
  }

  @Test
  void badKindListsTheAllowedOnes() throws IOException {
    write(gateway, "estate: estate.yaml\n");
    write(estate, GOOD_ESTATE.replace("kind: unit-door, building: B01, unit: U1, ", "kind: unit_door, "));

    assertProblem(only(problems()), estate, 5, "doors[0].kind",
        "expected one of pedestrian-gate, unit-door, vehicle-gate, ebike-gate, fire-lane, got 'unit_door';"
            + " did you mean 'unit-door'?");
  }

  @Test
  void unitMustExistInItsBuilding() throws IOException {
    write(gateway, "estate: estate.yaml\n");
    write(estate, GOOD_ESTATE.replace("unit: U1", "unit: U3"));

    assertProblem(only(problems()), estate, 5, "doors[0].unit", "building B01 has no unit 'U3'; its units are U1, U2");
  }

  @Test
  void deviceAndDoorMustAgree() throws IOException {
    write(gateway, "estate: estate.yaml\n");
    write(estate, GOOD_ESTATE.replace("link: mqtt}", "link: mqtt, door: G9}"));

    List<ConfigProblem> problems = problems();

    assertEquals(2, problems.size(), problems.toString());
    assertEquals("doors[0].devices[0]", problems.get(0).path());
    assertTrue(problems.get(0).message().startsWith("device ft-1 says its door is G9, not B01-U1"));
    assertProblem(problems.get(1), estate, 7, "devices[0].door", "no door 'G9' is defined under doors");
  }

  @Test
  void duplicateIdsAndBadFormats() throws IOException {
    write(gateway, "estate: estate.yaml\n");
    write(estate, """
        estate: {id: test, name: Test}
        buildings:
          - {id: B01, name: 1栋, floors: 18, units: [U1]}
          - {id: B01, name: 2栋, floors: 0, units: []}
        devices:
          - {id: ft 1, type: face-terminal, sn: FT/1, link: mqtt}
        """);

    List<ConfigProblem> problems = problems();

    assertEquals(
        List.of("buildings[1].floors", "buildings[1].units", "buildings[1].id", "devices[0].id", "devices[0].sn"),
        problems.stream().map(ConfigProblem::path).toList(), problems.toString());
    assertEquals("duplicate building id 'B01', first used at line 3 (buildings[0].id)", problems.get(2).message());
    assertEquals("expected 1 to 32 of the characters A-Z a-z 0-9 _ -, got 'FT/1'", problems.get(4).message());
  }

  @Test
  void doorAndDeviceLinksAreCompletedFromEitherSide() throws IOException, ConfigException {
    write(gateway, "estate: estate.yaml\n");
    write(estate, GOOD_ESTATE + "  - {id: ft-2, type: face-terminal, sn: FT-2, link: mqtt, door: B01-U1}\n");

    EstateConfig loaded = ConfigLoader.load(gateway).estate();

    assertEquals("B01-U1", loaded.devicesById().get("ft-1").door());
    assertEquals(List.of("ft-1", "ft-2"), loaded.door("B01-U1").orElseThrow().devices());
  }

  private List<ConfigProblem> problems() {
    return assertThrows(ConfigException.class, () -> ConfigLoader.load(gateway)).problems();
  }

  private static ConfigProblem only(List<ConfigProblem> problems) {
    assertEquals(1, problems.size(), problems.toString());
    return problems.get(0);
  }

  private static void assertProblem(ConfigProblem problem, Path file, int line, String path, String message) {
    assertEquals(new ConfigProblem(file, line, path, message), problem);
  }

  private static void write(Path file, String yaml) throws IOException {
    Files.writeString(file, yaml);
  }
}
