package io.doorstep.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.doorstep.drivers.gpio.BoothLayout;
import io.doorstep.gateway.devices.BoothGpioVerticle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The booth's GPIO devices in the estate file: the board's factory pins by default, every mistake with its line. */
class GpioDevicesConfigTest {
  private static final String HEAD = """
      estate: {id: test, name: Test}
      doors:
        - {id: P1, name: 岗亭门 1, kind: pedestrian-gate}
        - {id: P2, name: 岗亭门 2, kind: pedestrian-gate}
        - {id: G1, name: 南门, kind: pedestrian-gate}
      devices:
      """;

  @TempDir
  Path dir;

  @Test
  void givenNoPins_thenEachDeviceHasTheBoardsFactoryPinsForItsChannel() throws Exception {
    EstateConfig estate = load("""
          - {id: door-1, type: gpio-door, link: gpio, door: P1}
          - {id: door-2, type: gpio-door, link: gpio, door: P2, channel: 2}
          - {id: reader-1, type: wiegand-reader, link: gpio, door: P1}
          - {id: facp, type: fire-panel, link: gpio}
          - {id: siren, type: siren, link: gpio}
          - {id: key, type: key-switch, link: gpio}
          - {id: ft-1, type: face-terminal, sn: FT-1, link: mqtt, door: G1}
        """);

    assertEquals(Map.of("relay", 17, "contact", 5, "exit", 12), estate.devicesById().get("door-1").pins());
    assertNull(estate.devicesById().get("door-1").sn());
    assertEquals(Map.of(), estate.devicesById().get("ft-1").pins());

    BoothLayout layout = BoothGpioVerticle.layoutOf(estate, 30_000);
    // Each door held open after its door's time: the built-in 30 s, as the file sets none.
    assertEquals(List.of(new BoothLayout.Door("door-1", 17, 5, 12, 30_000),
        new BoothLayout.Door("door-2", 27, 6, 16, 30_000)), layout.doors());
    assertEquals(List.of(new BoothLayout.Reader("reader-1", 24, 25, "door-1")), layout.readers());
    assertEquals(List.of(new BoothLayout.Contact("facp", 4)), layout.firePanels());
    assertEquals(List.of(new BoothLayout.Contact("key", 18)), layout.keySwitches());
    assertEquals(List.of(new BoothLayout.Output("siren", 26)), layout.sirens());
    assertEquals(5_000, layout.timing().openMs());
    assertEquals(30_000, layout.timing().heldOpenMs());
    assertEquals(200, layout.timing().firePanelDebounceMs());
  }

  @Test
  void channelsThreeAndFourAndPinsGivenOneByOne() throws Exception {
    EstateConfig estate = load("""
          - {id: door-3, type: gpio-door, link: gpio, door: P1, channel: 3}
          - {id: door-4, type: gpio-door, link: gpio, door: P2, channel: 4, pins: {exit: 7}}
          - id: reader-2
            type: wiegand-reader
            link: gpio
            door: P2
            pins: {d0: 8, d1: 9}
        """);
    assertEquals(Map.of("relay", 22, "contact", 13, "exit", 20), estate.devicesById().get("door-3").pins());
    assertEquals(Map.of("relay", 23, "contact", 19, "exit", 7), estate.devicesById().get("door-4").pins());
    assertEquals(List.of(new BoothLayout.Reader("reader-2", 8, 9, "door-4")),
        BoothGpioVerticle.layoutOf(estate, 30_000).readers());
  }

  @Test
  void anEstateWithoutGpioDevicesHasAnEmptyLayout() throws Exception {
    EstateConfig estate = load("  - {id: ft-1, type: face-terminal, sn: FT-1, link: mqtt, door: G1}\n");
    assertEquals(true, BoothGpioVerticle.layoutOf(estate, 30_000).isEmpty());
  }

  @Test
  void pinsAndChannelsOutOfRangeOrUnknown() throws Exception {
    List<ConfigProblem> problems = problems("""
          - {id: door-1, type: gpio-door, link: gpio, door: P1, pins: {relay: 28}}
          - {id: door-2, type: gpio-door, link: gpio, door: P2, channel: 5}
          - {id: reader-1, type: wiegand-reader, link: gpio, door: P1, pins: {d2: 3, d0: 1}}
        """);
    assertProblems(problems,
        "7 devices[0].pins.relay: must be 2..27, got 28",
        "8 devices[1].channel: must be 1..4, got 5",
        "9 devices[2].pins.d2: unknown key; did you mean 'd0'? allowed keys: d0, d1",
        "9 devices[2].pins.d0: must be 2..27, got 1");
  }

  @Test
  void aPinServesOneSignal() throws Exception {
    List<ConfigProblem> problems = problems("""
          - {id: door-1, type: gpio-door, link: gpio, door: P1}
          - {id: siren, type: siren, link: gpio, pins: {output: 5}}
        """);
    assertProblems(problems, "8 devices[1].pins.output: duplicate BCM pin 5, first used at line 7"
        + " (devices[0].pins.contact); a pin serves one signal (a pin left out is its channel's factory pin)");
  }

  @Test
  void typeAndLinkMustAgree() throws Exception {
    List<ConfigProblem> problems = problems("""
          - {id: door-1, type: gpio-door, link: mqtt, door: P1}
          - {id: ft-1, type: face-terminal, sn: FT-1, link: gpio, door: G1, channel: 1, pins: {relay: 5}}
          - {id: ft-2, type: face-terminal, link: mqtt}
        """);
    assertProblems(problems,
        "7 devices[0].link: a gpio-door is wired to the booth's GPIO header: its link is gpio",
        "8 devices[1].link: a face-terminal is reached over mqtt, not the GPIO header: its link is mqtt",
        "8 devices[1].channel: only a device on the booth's GPIO header (link gpio) has a board channel",
        "8 devices[1].pins: only a device on the booth's GPIO header (link gpio) has pins",
        "9 devices[2].sn: required key is missing");
  }

  @Test
  void aReaderNeedsOneGpioDoorToOpen() throws Exception {
    List<ConfigProblem> problems = problems("""
          - {id: door-1, type: gpio-door, link: gpio, door: P1}
          - {id: door-2, type: gpio-door, link: gpio, door: P1, channel: 2}
          - {id: reader-1, type: wiegand-reader, link: gpio}
          - {id: reader-2, type: wiegand-reader, link: gpio, door: G1, channel: 1, pins: {d0: 2, d1: 3}}
          - {id: reader-3, type: wiegand-reader, link: gpio, door: P1, pins: {d0: 7, d1: 8}}
        """);
    assertProblems(problems,
        "9 devices[2].door: a wiegand-reader opens the gpio-door at its door: give it a door",
        "10 devices[3].door: door G1 has no gpio-door for this reader to open",
        "11 devices[4].door: door P1 has 2 gpio-doors (door-1, door-2); a reader opens one: give each its own door");
  }

  private EstateConfig load(String devices) throws IOException, ConfigException {
    Path file = dir.resolve("estate.yaml");
    Files.writeString(file, HEAD + devices);
    return ConfigLoader.loadEstate(file);
  }

  private List<ConfigProblem> problems(String devices) throws IOException {
    return assertThrows(ConfigException.class, () -> load(devices)).problems();
  }

  /** Each expected problem as "line path: message". */
  private static void assertProblems(List<ConfigProblem> problems, String... expected) {
    assertEquals(List.of(expected), problems.stream().map(p -> p.line() + " " + p.path() + ": " + p.message()).toList(),
        problems.toString());
  }
}
