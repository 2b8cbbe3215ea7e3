package io.doorstep.gateway.config;

import io.doorstep.drivers.modbus.profile.DeviceProfile;
import io.doorstep.drivers.modbus.profile.Point;
import io.doorstep.gateway.config.EstateConfig.Device;
import io.doorstep.gateway.config.EstateConfig.SerialLine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The RS-485 side of the estate file agrees with itself: a Modbus device hangs on a line that
 * exists, at an address no other device on that line answers to, with a profile that is
 * loaded; a pile stands in a shed that exists, and its profile has the points the charging
 * rules read. Two devices at one address would answer at once and garble each other.
 */
final class ModbusReferenceCheck {
  /** What the charging rules read of every pile, besides its port blocks. */
  static final List<String> PILE_POINTS = List.of("status", "mainsVoltage", "cabinetTemperature");
  /** What they read of each port n, as {@code port<n>.<name>}. */
  static final List<String> PORT_POINTS =
      List.of("state", "fault", "current", "power", "energy", "plugTemperature", "relaySeconds");

  private ModbusReferenceCheck() {}

  static void check(EstateConfig estate, YamlSource source) {
    Map<String, SerialLine> lines = new java.util.LinkedHashMap<>();
    estate.lines().forEach(l -> lines.putIfAbsent(l.id(), l));
    unique(source, "lines", estate.lines().stream().map(SerialLine::id).toList(), "id", "line id");
    unique(source, "lines", estate.lines().stream().map(SerialLine::port).toList(), "port", "serial port");
    unique(source, "charging.sheds", estate.charging().sheds().stream().map(EstateConfig.Shed::id).toList(),
        "id", "shed id");
    Set<String> sheds = estate.charging().sheds().stream().map(EstateConfig.Shed::id).collect(Collectors.toSet());
    Map<String, String> addressTaken = new HashMap<>();
    for (int i = 0; i < estate.devices().size(); i++) {
      Device d = estate.devices().get(i);
      if (d.modbus() == null) {
        continue;
      }
      String path = source.item("devices", i);
      if (d.link() != null && !lines.containsKey(d.link())) {
        source.problem(path + ".link", "no line " + Nodes.quote(d.link()) + " is defined under lines"
            + (lines.isEmpty() ? "" : "; lines: " + String.join(", ", lines.keySet())));
      } else if (d.link() != null) {
        String first = addressTaken.putIfAbsent(d.link() + "/" + d.modbus().address(), path);
        if (first != null) {
          source.problem(path + ".address", "address " + d.modbus().address() + " on line " + d.link()
              + " is already taken by the device at line " + source.line(first) + "; each device on a line needs its own");
        }
      }
      DeviceProfile profile = profileOf(estate, d, path, source);
      if (d.charging() != null) {
        if (d.charging().shed() != null && !sheds.contains(d.charging().shed())) {
          source.problem(path + ".shed", "no shed " + Nodes.quote(d.charging().shed()) + " is defined under charging.sheds");
        } else if (d.charging().shed() != null) {
          ChargingLimitKeys.effective(List.of(estate.charging().limits(),
              estate.charging().shed(d.charging().shed()).orElseThrow().limits(), d.charging().limits()),
              path + ".limits", source);
        }
        if (profile != null) {
          checkPilePoints(profile, path, source);
        }
      }
    }
  }

  private static DeviceProfile profileOf(EstateConfig estate, Device d, String path, YamlSource source) {
    String model = d.modbus().profile();
    if (model == null) {
      return null;
    }
    DeviceProfile profile = estate.profiles().get(model);
    if (profile == null) {
      source.problem(path + ".profile", "no profile for model " + Nodes.quote(model) + " in the profiles directory"
          + (estate.profiles().isEmpty() ? "" : "; known models: " + String.join(", ", new java.util.TreeSet<>(estate.profiles().keySet()))));
    }
    return profile;
  }

  private static void checkPilePoints(DeviceProfile profile, String path, YamlSource source) {
    Set<String> names = profile.points().stream().map(Point::name).collect(Collectors.toSet());
    List<String> missing = new ArrayList<>();
    PILE_POINTS.stream().filter(p -> !names.contains(p)).forEach(missing::add);
    PORT_POINTS.stream().filter(p -> !names.contains("port1." + p)).forEach(p -> missing.add("port1." + p));
    if (!names.contains("port1.state")) {
      missing.add("(ports are port1 … portN)");
    }
    if (!missing.isEmpty()) {
      source.problem(path + ".profile", "profile " + profile.model() + " cannot serve a charging-pile: it lacks "
          + String.join(", ", missing));
    }
    for (int n = 1; names.contains("port" + n + ".state"); n++) {
      String stop = "port" + n + ".stop";
      if (profile.commands().stream().noneMatch(c -> c.name().equals(stop))) {
        source.problem(path + ".profile", "profile " + profile.model() + " has no command " + stop
            + ": the gateway could not stop that port");
        return;
      }
    }
  }

  private static void unique(YamlSource source, String list, List<String> values, String key, String what) {
    Map<String, String> first = new HashMap<>();
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) == null) {
        continue;
      }
      String path = source.item(list, i) + "." + key;
      String earlier = first.putIfAbsent(values.get(i), path);
      if (earlier != null) {
        source.problem(path, "duplicate " + what + " " + Nodes.quote(values.get(i)) + ", first used at line "
            + source.line(earlier) + " (" + earlier + ")");
      }
    }
  }
}
