package io.doorstep.drivers.modbus;

import io.doorstep.drivers.modbus.profile.AddressRange;
import io.doorstep.drivers.modbus.profile.CommandDef;
import io.doorstep.drivers.modbus.profile.DeviceProfile;
import io.doorstep.drivers.modbus.profile.Point;
import io.doorstep.drivers.modbus.profile.PointType;
import io.doorstep.drivers.modbus.profile.RegisterTable;
import io.doorstep.drivers.modbus.profile.WordOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** Profiles for tests, written the way the YAML loader expands them. */
final class Profiles {
  private Profiles() {}

  static Point point(String name, RegisterTable table, int address, PointType type) {
    return new Point(name, table, address, type, 0, 1, WordOrder.HIGH_FIRST, OptionalInt.empty(), "");
  }

  static Point input(String name, int address, PointType type) {
    return point(name, RegisterTable.INPUT_REGISTER, address, type);
  }

  static Point scaled(String name, int address, PointType type, double scale) {
    return new Point(name, RegisterTable.INPUT_REGISTER, address, type, 0, scale, WordOrder.HIGH_FIRST, OptionalInt.empty(), "");
  }

  static DeviceProfile profile(List<Point> points, List<AddressRange> forbidden, int maxGap, int maxPerRead) {
    return new DeviceProfile("test", "", points, List.of(), forbidden, maxGap, maxPerRead, 50);
  }

  /** The EBC-10 charging pile of shared/devices/charger-ebc10.md. */
  static DeviceProfile ebc10() {
    List<Point> points = new ArrayList<>();
    String[] flags = {"smoke", "cabinetHot", "mainsOutOfRange", "doorOpen", "internalFault"};
    for (int bit = 0; bit < flags.length; bit++) {
      points.add(new Point(flags[bit], RegisterTable.INPUT_REGISTER, 0, PointType.BIT, bit, 1, WordOrder.HIGH_FIRST, OptionalInt.empty(), ""));
    }
    points.add(scaled("mainsVoltage", 1, PointType.UINT16, 0.1));
    points.add(scaled("cabinetTemperature", 2, PointType.INT16, 0.1));
    points.add(input("firmware", 3, PointType.UINT16));
    points.add(input("ports", 4, PointType.UINT16));
    points.add(input("totalEnergy", 5, PointType.UINT32));
    List<CommandDef> commands = new ArrayList<>();
    for (int n = 1; n <= 10; n++) {
      int base = 0x0100 + 0x10 * (n - 1);
      String p = "port" + n + ".";
      points.add(input(p + "state", base, PointType.UINT16));
      points.add(input(p + "fault", base + 1, PointType.UINT16));
      points.add(scaled(p + "voltage", base + 2, PointType.UINT16, 0.1));
      points.add(input(p + "current", base + 3, PointType.UINT16));
      points.add(input(p + "power", base + 4, PointType.UINT16));
      points.add(input(p + "energy", base + 5, PointType.UINT32));
      points.add(new Point(p + "plugTemperature", RegisterTable.INPUT_REGISTER, base + 7, PointType.INT16, 0, 0.1,
          WordOrder.HIGH_FIRST, OptionalInt.of(0x7FFF), "°C"));
      points.add(input(p + "seconds", base + 8, PointType.UINT32));
      commands.add(new CommandDef(p + "start", RegisterTable.HOLDING_REGISTER, base, new int[] {1}));
      commands.add(new CommandDef(p + "stop", RegisterTable.HOLDING_REGISTER, base, new int[] {2}));
    }
    commands.add(new CommandDef("buzzerAndAutoStartOff", RegisterTable.HOLDING_REGISTER, 2, new int[] {0, 0}));
    List<AddressRange> forbidden = List.of(new AddressRange(RegisterTable.INPUT_REGISTER, 0x0007, 0x00FF));
    return new DeviceProfile("EBC-10", "ten-port e-bike charging pile", points, commands, forbidden, 8, 125, 50);
  }
}
