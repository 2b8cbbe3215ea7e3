package io.doorstep.gateway.config;

import io.doorstep.drivers.modbus.profile.DeviceProfile;
import io.doorstep.gateway.config.EstateConfig.Building;
import io.doorstep.gateway.config.EstateConfig.Device;
import io.doorstep.gateway.config.EstateConfig.ChargingConfig;
import io.doorstep.gateway.config.EstateConfig.ChargingPlace;
import io.doorstep.gateway.config.EstateConfig.Door;
import io.doorstep.gateway.config.EstateConfig.ModbusAt;
import io.doorstep.gateway.config.EstateConfig.SerialLine;
import io.doorstep.gateway.config.EstateConfig.Shed;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The keys of the estate file, one entry at a time. Whatever spans entries (duplicate ids,
 * references) is left to {@link UniquenessCheck} and {@link ReferenceCheck}.
 */
final class EstateFileSchema {
  private static final List<String> TOP =
      List.of("estate", "buildings", "doors", "devices", "access", "lines", "charging", "doorTiming");
  private static final List<String> BUILDING = List.of("id", "name", "floors", "units");
  private static final List<String> DOOR = List.of("id", "name", "kind", "building", "unit", "devices", "egress", "timing");
  private static final List<String> DEVICE = List.of(
      "id", "type", "sn", "lane", "link", "door", "channel", "pins", "address", "profile", "shed", "breaker", "limits");
  private static final List<String> LINE = List.of("id", "port", "baud", "parity", "stopBits", "cycleMs");
  private static final List<String> SHED = List.of("id", "name", "powerBudgetW", "breaker", "limits");
  /** The speeds an RS-485 device can be set to (the EBC-10's and FWM-4's baud register). */
  static final List<String> BAUDS = List.of("2400", "4800", "9600", "19200", "38400", "57600", "115200");

  private EstateFileSchema() {}

  /**
   * The estate as written. With problems reported, some fields may be null; the caller throws
   * before such an estate leaves the package.
   */
  static EstateConfig read(YamlSource source, Node root, Map<String, DeviceProfile> profiles) {
    YamlMap top = YamlMap.of(source, "", root, TOP);
    YamlMap estate = top.requiredMap("estate", List.of("id", "name", "timeZone"));
    return new EstateConfig(
        estate.requiredText("id", TextRule.ID),
        estate.requiredText("name", TextRule.ANY),
        top.maps("buildings", BUILDING).stream().map(EstateFileSchema::building).toList(),
        top.maps("doors", DOOR).stream().map(EstateFileSchema::door).toList(),
        top.maps("devices", DEVICE).stream().map(EstateFileSchema::device).toList(),
        AccessFileSchema.zone(estate.text("timeZone", AccessFileSchema.TIME_ZONE, null)),
        AccessFileSchema.read(top),
        top.maps("lines", LINE).stream().map(EstateFileSchema::line).toList(),
        charging(top.map("charging", List.of("limits", "sheds"))),
        profiles,
        DoorTimingKeys.read(top, "doorTiming"));
  }

  private static SerialLine line(YamlMap line) {
    String baud = line.oneOf("baud", "9600", BAUDS);
    return new SerialLine(
        line.requiredText("id", TextRule.ID),
        line.requiredText("port", TextRule.PATH),
        baud == null ? 9600 : Integer.parseInt(baud),
        line.oneOf("parity", "none", List.of("none", "even", "odd")),
        line.integer("stopBits", 1, 1, 2),
        line.integer("cycleMs", 1000, 0, 60_000));
  }

  private static ChargingConfig charging(YamlMap charging) {
    return new ChargingConfig(
        ChargingLimitKeys.read(charging, "limits"),
        charging.maps("sheds", SHED).stream().map(shed -> new Shed(
            shed.requiredText("id", TextRule.ID),
            shed.requiredText("name", TextRule.ANY),
            shed.requiredInteger("powerBudgetW", 100, 1_000_000),
            shed.requiredText("breaker", TextRule.ANY),
            ChargingLimitKeys.read(shed, "limits"))).toList());
  }

  private static Building building(YamlMap building) {
    return new Building(
        building.requiredText("id", TextRule.ID),
        building.requiredText("name", TextRule.ANY),
        building.requiredInteger("floors", 1, 200),
        building.requiredTexts("units", TextRule.ID));
  }

  private static Door door(YamlMap door) {
    String kind = door.requiredOneOf("kind", EstateConfig.DOOR_KINDS);
    if (EstateConfig.UNIT_DOOR.equals(kind)) {
      door.require("building", "required for a unit-door: the id of its building");
      door.require("unit", "required for a unit-door: the unit of its building, e.g. U1");
    } else if (kind != null) {
      door.forbid("building", "only a unit-door has a building; this door is a " + kind);
      door.forbid("unit", "only a unit-door has a unit; this door is a " + kind);
    }
    return new Door(
        door.requiredText("id", TextRule.ID),
        door.requiredText("name", TextRule.ANY),
        kind,
        door.text("building", TextRule.ID, null),
        door.text("unit", TextRule.ID, null),
        door.texts("devices", TextRule.ID),
        egress(door, kind),
        DoorTimingKeys.read(door, "timing"));
  }

  /**
   * Whether the door is released in a fire. A fire lane that is not would be a mistake no one
   * means to make (it exists to be a way out), so that alone is refused.
   */
  private static boolean egress(YamlMap door, String kind) {
    boolean byDefault = kind != null && EstateConfig.EGRESS_BY_DEFAULT.contains(kind);
    boolean egress = door.bool("egress", byDefault);
    if (!egress && EstateConfig.FIRE_LANE.equals(kind)) {
      door.problem("egress", "a fire-lane is always a way out in a fire; remove 'egress: false'"
          + " or give the door another kind");
      return true;
    }
    return egress;
  }

  private static Device device(YamlMap device) {
    String id = device.requiredText("id", TextRule.ID);
    String type = device.requiredOneOf("type", EstateConfig.DEVICE_TYPES);
    if (type != null && EstateConfig.MODBUS_TYPES.contains(type)) {
      return modbusDevice(device, id, type);
    }
    for (String key : List.of("address", "profile", "shed", "breaker", "limits")) {
      device.forbid(key, "only a device on an RS-485 line (a charging-pile) has " + key);
    }
    boolean barrier = EstateConfig.BARRIER.equals(type);
    if (barrier) {
      device.forbid("sn", "a barrier is known on the broker by its lane id: give 'lane', not 'sn'");
    } else if (type != null) {
      device.forbid("lane", "only a barrier has a lane; a " + type + " is known by its sn");
    }
    String link = device.requiredOneOf("link", EstateConfig.LINKS);
    boolean gpio = GpioPins.isGpioType(type);
    // With a misspelt type, which keys it may have is unknown: only the type is reported.
    boolean other = type != null && !gpio;
    if (type != null && link != null && gpio != EstateConfig.GPIO.equals(link)) {
      device.problem("link", gpio ? "a " + type + " is wired to the booth's GPIO header: its link is gpio"
          : "a " + type + " is reached over " + EstateConfig.MQTT + ", not the GPIO header: its link is mqtt");
    }
    if (other) {
      device.forbid("channel", "only a device on the booth's GPIO header (link gpio) has a board channel");
      device.forbid("pins", "only a device on the booth's GPIO header (link gpio) has pins");
    }
    return new Device(
        id,
        type,
        // A device on the header has no serial number to log in with; one may still be noted.
        barrier ? device.requiredText("lane", TextRule.SN)
            : other ? device.requiredText("sn", TextRule.SN) : device.text("sn", TextRule.SN, null),
        link,
        device.text("door", TextRule.ID, null),
        gpio ? GpioPins.read(device, type) : null);
  }

  /** Its link is the id of the line it hangs on; ReferenceCheck makes sure that line exists. */
  private static Device modbusDevice(YamlMap device, String id, String type) {
    device.forbid("channel", "only a device on the booth's GPIO header (link gpio) has a board channel");
    device.forbid("pins", "only a device on the booth's GPIO header (link gpio) has pins");
    device.forbid("door", "a " + type + " serves no door");
    boolean pile = EstateConfig.CHARGING_PILE.equals(type);
    return new Device(
        id,
        type,
        device.text("sn", TextRule.SN, null),
        device.requiredText("link", TextRule.ID),
        null,
        Map.of(),
        new ModbusAt(device.requiredInteger("address", 1, 247), device.requiredText("profile", ProfileFileSchema.MODEL)),
        pile ? new ChargingPlace(device.requiredText("shed", TextRule.ID), device.text("breaker", TextRule.ANY, null),
            ChargingLimitKeys.read(device, "limits")) : null);
  }
}
