package io.doorstep.gateway.config;

import io.doorstep.drivers.modbus.profile.AddressRange;
import io.doorstep.drivers.modbus.profile.CommandDef;
import io.doorstep.drivers.modbus.profile.DeviceProfile;
import io.doorstep.drivers.modbus.profile.Point;
import io.doorstep.drivers.modbus.profile.PointType;
import io.doorstep.drivers.modbus.profile.RegisterTable;
import io.doorstep.drivers.modbus.profile.WordOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The keys of a Modbus device profile file (config/profiles/*.yaml): a device model's register
 * map as data, so a technician adds a model by writing a file. A repeated block (the ten ports
 * of a pile) is written once and expanded here into {@code port1.state} … {@code port10.state}.
 * Whatever spans entries (duplicate names, overlaps) is checked by {@link ProfileCheck}.
 */
final class ProfileFileSchema {
  private static final List<String> TOP = List.of(
      "model", "description", "answerTimeMs", "maxPerRead", "maxGap", "forbidden", "points", "commands", "repeat");
  private static final List<String> POINT =
      List.of("name", "table", "address", "type", "bit", "scale", "wordOrder", "invalid", "unit");
  private static final List<String> COMMAND = List.of("name", "table", "address", "value", "values");
  private static final List<String> RANGE = List.of("table", "from", "to");
  private static final List<String> REPEAT = List.of("prefix", "count", "stride", "points", "commands");

  static final Map<String, RegisterTable> TABLES = Map.of(
      "coil", RegisterTable.COIL,
      "discrete", RegisterTable.DISCRETE_INPUT,
      "input", RegisterTable.INPUT_REGISTER,
      "holding", RegisterTable.HOLDING_REGISTER);
  private static final List<String> TABLE_NAMES = List.of("coil", "discrete", "input", "holding");
  private static final List<String> TYPE_NAMES = List.of("bool", "bit", "uint16", "int16", "uint32", "int32", "float32");
  private static final List<String> WORD_ORDERS = List.of("high-first", "low-first");

  /** A name that reads well in a point path, a metric tag and a URL. */
  static final TextRule NAME = TextRule.pattern("[A-Za-z][A-Za-z0-9_]{0,31}",
      "a letter, then up to 31 of the characters A-Z a-z 0-9 _");
  static final TextRule MODEL = TextRule.pattern("[A-Za-z0-9][A-Za-z0-9_.-]{0,31}",
      "1 to 32 of the characters A-Z a-z 0-9 _ . - (a model name such as EBC-10)");

  private static final int MAX_ADDRESS = 0xFFFF;
  private static final int MAX_REGISTERS_PER_READ = 125;

  private ProfileFileSchema() {}

  /**
   * The profile as written, repeats expanded. {@code names} maps each point or command name to
   * its document path, for the checks that follow.
   */
  static DeviceProfile read(YamlSource source, Node root, Map<String, String> paths) {
    YamlMap top = YamlMap.of(source, "", root, TOP);
    List<Point> points = new ArrayList<>();
    List<CommandDef> commands = new ArrayList<>();
    List<YamlMap> pointMaps = top.maps("points", POINT);
    for (int i = 0; i < pointMaps.size(); i++) {
      add(points, paths, point(pointMaps.get(i), "", 0), source.item("points", i), source);
    }
    List<YamlMap> commandMaps = top.maps("commands", COMMAND);
    for (int i = 0; i < commandMaps.size(); i++) {
      addCommand(commands, paths, command(commandMaps.get(i), "", 0), source.item("commands", i), source);
    }
    for (YamlMap repeat : top.maps("repeat", REPEAT)) {
      expand(repeat, points, commands, paths, source);
    }
    return new DeviceProfile(
        top.requiredText("model", MODEL),
        top.text("description", TextRule.ANY, ""),
        points,
        commands,
        top.maps("forbidden", RANGE).stream().map(ProfileFileSchema::range).toList(),
        top.integer("maxGap", 8, 0, MAX_REGISTERS_PER_READ),
        top.integer("maxPerRead", MAX_REGISTERS_PER_READ, 1, MAX_REGISTERS_PER_READ),
        top.integer("answerTimeMs", 50, 1, 5000));
  }

  private static void expand(YamlMap repeat, List<Point> points, List<CommandDef> commands,
      Map<String, String> paths, YamlSource source) {
    String prefix = repeat.requiredText("prefix", NAME);
    int count = repeat.requiredInteger("count", 1, 256);
    int stride = repeat.requiredRegister("stride", 1, MAX_ADDRESS);
    List<YamlMap> pointMaps = repeat.maps("points", POINT);
    List<YamlMap> commandMaps = repeat.maps("commands", COMMAND);
    String base = repeat.path();
    for (int n = 1; n <= count; n++) {
      String name = prefix + n + ".";
      int shift = stride * (n - 1);
      for (int i = 0; i < pointMaps.size(); i++) {
        // A mistake in the block is reported once, for the first repetition only.
        YamlMap map = pointMaps.get(i);
        Point p = n == 1 ? point(map, name, shift) : quietPoint(map, name, shift);
        add(points, paths, p, source.item(base + ".points", i), source);
      }
      for (int i = 0; i < commandMaps.size(); i++) {
        YamlMap map = commandMaps.get(i);
        CommandDef c = n == 1 ? command(map, name, shift) : quietCommand(map, name, shift);
        addCommand(commands, paths, c, source.item(base + ".commands", i), source);
      }
    }
  }

  private static void add(List<Point> points, Map<String, String> paths, Point p, String path, YamlSource source) {
    if (p == null) {
      return;
    }
    String first = paths.putIfAbsent(p.name(), path);
    if (first != null) {
      source.problem(path, "point name " + Nodes.quote(p.name()) + " is already used at line " + source.line(first));
    } else {
      points.add(p);
    }
  }

  private static void addCommand(
      List<CommandDef> commands, Map<String, String> paths, CommandDef c, String path, YamlSource source) {
    if (c == null) {
      return;
    }
    String first = paths.putIfAbsent("command " + c.name(), path);
    if (first != null) {
      source.problem(path, "command name " + Nodes.quote(c.name()) + " is already used at line " + source.line(first));
    } else {
      commands.add(c);
    }
  }

  /** Null when the entry has a problem (already reported). */
  private static Point point(YamlMap p, String prefix, int shift) {
    String name = p.requiredText("name", NAME);
    RegisterTable table = table(p);
    String typeName = p.requiredOneOf("type", TYPE_NAMES);
    PointType type = typeName == null ? null : PointType.valueOf(typeName.toUpperCase());
    int address = p.requiredRegister("address", 0, MAX_ADDRESS);
    if (type != null && table != null) {
      if (table.isBitTable() != (type == PointType.BOOL)) {
        p.problem("type", table.isBitTable()
            ? "a coil or discrete input holds one bit: its type is bool"
            : "a register is read as bit, uint16, int16, uint32, int32 or float32, not " + typeName);
        type = null;
      }
    }
    int bit = 0;
    if (type == PointType.BIT) {
      p.require("bit", "required for type bit: which bit of the register, 0 (least significant) to 15");
      bit = p.integer("bit", 0, 0, 15);
    } else {
      p.forbid("bit", "only a point of type bit names a bit");
    }
    OptionalInt invalid = OptionalInt.empty();
    if (p.has("invalid")) {
      if (type != null && type.registers() != 1 || type == PointType.BIT || type == PointType.BOOL) {
        p.problem("invalid", "a 'sensor broken' value is given for 16-bit points (uint16, int16) only");
      }
      invalid = OptionalInt.of(p.register("invalid", 0, 0, 0xFFFF));
    }
    String order = p.oneOf("wordOrder", "high-first", WORD_ORDERS);
    if (p.has("wordOrder") && type != null && type.registers() != 2) {
      p.problem("wordOrder", "a word order is given for 32-bit points only");
    }
    double scale = p.decimal("scale", 1, -1_000_000, 1_000_000);
    if (scale == 0) {
      p.problem("scale", "a scale of 0 would read every value as 0");
    }
    if (type != null && address + type.registers() - 1 + shift > MAX_ADDRESS) {
      p.problem("address", "the point would end beyond address 0xFFFF");
      return null;
    }
    if (name == null || table == null || type == null) {
      return null;
    }
    return new Point(prefix + name, table, address + shift, type, bit, scale,
        "low-first".equals(order) ? WordOrder.LOW_FIRST : WordOrder.HIGH_FIRST, invalid,
        p.text("unit", TextRule.ANY, ""));
  }

  private static Point quietPoint(YamlMap p, String prefix, int shift) {
    return p.silently(() -> point(p, prefix, shift));
  }

  private static CommandDef command(YamlMap c, String prefix, int shift) {
    String name = c.requiredText("name", NAME);
    RegisterTable table = table(c);
    int address = c.requiredRegister("address", 0, MAX_ADDRESS);
    if (table != null && table != RegisterTable.HOLDING_REGISTER && table != RegisterTable.COIL) {
      c.problem("table", "a command writes a holding register or a coil; input registers and discrete inputs are read-only");
      table = null;
    }
    int[] values = values(c, table == RegisterTable.COIL ? 1 : 0xFFFF);
    if (name == null || table == null || values == null) {
      return null;
    }
    if (address + values.length - 1 + shift > MAX_ADDRESS) {
      c.problem("address", "the write would end beyond address 0xFFFF");
      return null;
    }
    return new CommandDef(prefix + name, table, address + shift, values);
  }

  private static CommandDef quietCommand(YamlMap c, String prefix, int shift) {
    return c.silently(() -> command(c, prefix, shift));
  }

  /** {@code value: 2} or {@code values: [1, 2]}: exactly one of them. */
  private static int[] values(YamlMap c, int max) {
    if (c.has("value") == c.has("values")) {
      c.problem("value", "give either value (one register) or values (a list written with function 0x10)");
      return null;
    }
    if (c.has("value")) {
      return new int[] {c.register("value", 0, 0, max)};
    }
    List<String> texts = c.texts("values", TextRule.ANY);
    if (texts.isEmpty() || texts.size() > 123) {
      c.problem("values", "expected 1 to 123 values, got " + texts.size());
      return null;
    }
    int[] values = new int[texts.size()];
    for (int i = 0; i < values.length; i++) {
      Scalars.Result<Integer> r = Scalars.register(texts.get(i), 0, max);
      if (r.problem() != null) {
        c.problem("values", "value " + (i + 1) + ": " + r.problem());
        return null;
      }
      values[i] = r.value();
    }
    return values;
  }

  private static AddressRange range(YamlMap r) {
    RegisterTable table = table(r);
    int from = r.requiredRegister("from", 0, MAX_ADDRESS);
    int to = r.requiredRegister("to", 0, MAX_ADDRESS);
    if (to < from) {
      r.problem("to", "the range ends before it starts (from " + from + ")");
    }
    return new AddressRange(table, from, to);
  }

  private static RegisterTable table(YamlMap m) {
    String name = m.requiredOneOf("table", TABLE_NAMES);
    return name == null ? null : TABLES.get(name);
  }
}
