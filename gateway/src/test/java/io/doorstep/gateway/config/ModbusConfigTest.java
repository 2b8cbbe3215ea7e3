package io.doorstep.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.doorstep.drivers.modbus.profile.CommandDef;
import io.doorstep.drivers.modbus.profile.DeviceProfile;
import io.doorstep.drivers.modbus.profile.Point;
import io.doorstep.drivers.modbus.profile.PointType;
import io.doorstep.drivers.modbus.profile.RegisterTable;
import io.doorstep.drivers.modbus.profile.WordOrder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Device profiles are data a technician writes, and the estate's RS-485 lines, sheds and piles
 * point at each other: every mistake is named with its file and line.
 */
class ModbusConfigTest {
  private static final Path SHIPPED_PROFILES = Path.of("..", "config", "profiles");

  private static final String ESTATE_HEAD = """
      estate: {id: e1, name: Test}
      buildings: []
      doors: []
      """;

  @TempDir Path dir;

  @Test
  void theShippedPileProfileExpandsItsTenPorts() throws Exception {
    DeviceProfile ebc10 = loadEstate("devices: []\n", SHIPPED_PROFILES).profiles().get("EBC-10");

    Point temp = point(ebc10, "port3.plugTemperature");
    assertEquals(RegisterTable.INPUT_REGISTER, temp.table());
    assertEquals(0x0127, temp.address());
    assertEquals(PointType.INT16, temp.type());
    assertEquals(0.1, temp.scale());
    assertEquals(0x7FFF, temp.invalidRaw().getAsInt());
    Point energy = point(ebc10, "port10.energy");
    assertEquals(0x0195, energy.address());
    assertEquals(WordOrder.HIGH_FIRST, energy.wordOrder());
    CommandDef stop = ebc10.commands().stream().filter(c -> c.name().equals("port10.stop")).findFirst().orElseThrow();
    assertEquals(0x0190, stop.address());
    assertEquals(List.of(2), List.of(stop.values()[0]));
    assertEquals(6 + 10 * 8, ebc10.points().size());
    assertEquals(50, ebc10.answerTimeMs());
  }

  @Test
  void theShippedFireWaterProfileHasItsFourRisers() throws Exception {
    DeviceProfile fwm4 = loadEstate("devices: []\n", SHIPPED_PROFILES).profiles().get("FWM-4");

    assertEquals(RegisterTable.DISCRETE_INPUT, point(fwm4, "channel4.valveClosed").table());
    assertEquals(0x000B, point(fwm4, "channel4.valveClosed").address());
    assertEquals(0x0003, point(fwm4, "channel4.pressure").address());
    assertEquals(0xFFFF, point(fwm4, "channel2.pressure").invalidRaw().getAsInt());
  }

  @Test
  void aProfileWithMistakesIsReportedWholeWithLines() throws Exception {
    Path profiles = dir.resolve("profiles");
    Files.createDirectories(profiles);
    Files.writeString(profiles.resolve("bad.yaml"), """
        model: X-1
        maxPerRead: 200
        forbidden:
          - {table: input, from: 0x0010, to: 0x0001}
        points:
          - {name: a, table: input, address: 0x0000, type: uint32}
          - {name: b, table: input, address: 0x0001, type: uint16}
          - {name: c, table: coil, address: 0x0000, type: uint16}
          - {name: d, table: holding, address: 0x10000, type: uint16}
          - {name: e, table: input, address: 2, type: bit}
          - {name: f, table: input, address: 3, type: int32, invalid: 0x7FFF}
          - {name: a, table: holding, address: 9, type: int16, scale: 0}
        commands:
          - {name: go, table: input, address: 1, value: 1}
          - {name: both, table: holding, address: 1, value: 1, values: [1, 2]}
        """);

    List<ConfigProblem> problems = problems("devices: []\n", profiles);

    assertEquals(List.of(
        "2 maxPerRead: must be 1..125, got 200",
        "4 forbidden[0].to: the range ends before it starts (from 16)",
        "7 points[1]: point b overlaps point a at 0x0001",
        "8 points[2].type: a coil or discrete input holds one bit: its type is bool",
        "9 points[3].address: must be 0..0xFFFF, got 0x10000",
        "10 points[4].bit: required for type bit: which bit of the register, 0 (least significant) to 15",
        "11 points[5].invalid: a 'sensor broken' value is given for 16-bit points (uint16, int16) only",
        "12 points[6].scale: a scale of 0 would read every value as 0",
        "12 points[6]: point name 'a' is already used at line 6",
        "14 commands[0].table: a command writes a holding register or a coil; input registers and discrete inputs are read-only",
        "15 commands[1].value: give either value (one register) or values (a list written with function 0x10)"),
        problems.stream().map(p -> p.line() + " " + p.path() + ": " + p.message()).toList());
  }

  @Test
  void pilesNeedALineAFreeAddressAShedAndAProfile() throws Exception {
    List<ConfigProblem> problems = problems("""
        lines:
          - {id: bus1, port: /dev/ttyUSB0, baud: 9600}
          - {id: bus2, port: /dev/ttyUSB0, baud: 1200}
        charging:
          limits: {overPowerW: 5000, plugWarmC: 60}
          sheds:
            - {id: S1, name: 1号棚, powerBudgetW: 16000, breaker: QF1}
        devices:
          - {id: p1, type: charging-pile, link: bus1, address: 1, profile: EBC-10, shed: S1}
          - {id: p2, type: charging-pile, link: bus1, address: 1, profile: EBC-10, shed: S9}
          - {id: p3, type: charging-pile, link: bus9, address: 0, profile: EBC-11, shed: S1}
          - {id: p4, type: charging-pile, link: bus1, address: 4, profile: FWM-4, shed: S1, limits: {plugStopC: 80}}
          - {id: p5, type: charging-pile, link: bus1, address: 5, profile: EBC-10, shed: S1, limits: {plugHotC: 58}}
        """, SHIPPED_PROFILES);

    assertEquals(List.of(
        "6 lines[1].baud: expected one of 2400, 4800, 9600, 19200, 38400, 57600, 115200, got '1200'; did you mean '19200'?",
        "6 lines[1].port: duplicate serial port '/dev/ttyUSB0', first used at line 5 (lines[0].port)",
        "8 charging.limits.overPowerW: overPowerW must be between 50 and 3000 W, got 5000",
        "13 devices[1].address: address 1 on line bus1 is already taken by the device at line 12;"
            + " each device on a line needs its own",
        "13 devices[1].shed: no shed 'S9' is defined under charging.sheds",
        "14 devices[2].address: must be 1..247, got 0",
        "14 devices[2].link: no line 'bus9' is defined under lines; lines: bus1, bus2",
        "14 devices[2].profile: no profile for model 'EBC-11' in the profiles directory; known models: EBC-10, FWM-4",
        "15 devices[3].limits.plugStopC: unknown key; did you mean 'plugHotC'? allowed keys: overPowerW, overPowerSeconds, plugWarmC,"
            + " plugHotC, plugClearMarginC, fullBelowW, fullMinutes, maxSessionMinutes, unpluggedBelowW,"
            + " unpluggedSeconds, stoppedCurrentMa, stopCheckReadings, stopConfirmSeconds",
        "15 devices[3].profile: profile FWM-4 cannot serve a charging-pile: it lacks status, mainsVoltage,"
            + " cabinetTemperature, port1.state, port1.fault, port1.current, port1.power, port1.energy,"
            + " port1.plugTemperature, port1.relaySeconds, (ports are port1 … portN)",
        "16 devices[4].limits: plugWarmC (60) must be below plugHotC (58)"),
        problems.stream().map(p -> p.line() + " " + p.path() + ": " + p.message()).toList());
  }

  private static Point point(DeviceProfile profile, String name) {
    return profile.points().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
  }

  private EstateConfig loadEstate(String rest, Path profiles) throws IOException, ConfigException {
    Path file = dir.resolve("estate.yaml");
    Files.writeString(file, ESTATE_HEAD + rest);
    return ConfigLoader.loadEstate(file, profiles);
  }

  private List<ConfigProblem> problems(String rest, Path profiles) {
    return assertThrows(ConfigException.class, () -> loadEstate(rest, profiles)).problems();
  }
}
