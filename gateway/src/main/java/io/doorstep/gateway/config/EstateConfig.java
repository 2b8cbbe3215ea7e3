package io.doorstep.gateway.config;

import io.doorstep.drivers.modbus.profile.DeviceProfile;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The estate: its buildings, doors and lanes, the devices that serve them, and who may pass where.
 *
 * @param timeZone where schedules and holidays are read
 * @param doorTiming estate-wide changes to the built-in door timings ({@code DoorTiming}); a door's own come after
 */
public record EstateConfig(
    String id,
    String name,
    List<Building> buildings,
    List<Door> doors,
    List<Device> devices,
    ZoneId timeZone,
    AccessConfig access,
    List<SerialLine> lines,
    ChargingConfig charging,
    Map<String, DeviceProfile> profiles,
    Map<String, Integer> doorTiming) {

  public static final String UNIT_DOOR = "unit-door";

  public static final String FIRE_LANE = "fire-lane";

  /** Every door kind an estate file may name. */
  public static final List<String> DOOR_KINDS =
      List.of("pedestrian-gate", UNIT_DOOR, "vehicle-gate", "ebike-gate", FIRE_LANE);

  /**
   * The kinds people escape through, released in a fire unless the file says otherwise. A
   * vehicle or e-bike gate is not a way out on foot, so it is left to the file to name one.
   */
  public static final List<String> EGRESS_BY_DEFAULT = List.of("pedestrian-gate", UNIT_DOOR, FIRE_LANE);

  public static final String FACE_TERMINAL = "face-terminal";

  /** The barrier arm of a vehicle or two-wheeler lane, on the estate's broker (mqtt-peripherals.md). */
  public static final String BARRIER = "barrier";

  /** The door kinds a barrier can serve: lanes with an arm. */
  public static final List<String> BARRIER_DOOR_KINDS = List.of("vehicle-gate", "ebike-gate", FIRE_LANE);

  /**
   * Device types that send no heartbeat: their retained online message and last will alone say
   * whether they are there, so silence does not make them offline.
   */
  public static final List<String> NO_HEARTBEAT_TYPES = List.of(BARRIER);

  /** A door wired to the booth board: lock relay, door contact, exit button. */
  public static final String GPIO_DOOR = "gpio-door";
  /** A Wiegand 26/34 card reader on the booth board's D0/D1 inputs. */
  public static final String WIEGAND_READER = "wiegand-reader";
  /** The fire alarm control panel's dry contact. */
  public static final String FIRE_PANEL = "fire-panel";
  /** The booth's siren and strobe output. */
  public static final String SIREN = "siren";
  /** The booth's "all doors open" key switch. */
  public static final String KEY_SWITCH = "key-switch";

  /** Device types wired to the booth's own GPIO header (gpio-booth.md). */
  public static final List<String> GPIO_TYPES = List.of(GPIO_DOOR, WIEGAND_READER, FIRE_PANEL, SIREN, KEY_SWITCH);

  /** A ten-port e-bike charging pile on an RS-485 line (Modbus RTU). */
  public static final String CHARGING_PILE = "charging-pile";

  /** Device types reached over an RS-485 line with Modbus RTU: their link names a line. */
  public static final List<String> MODBUS_TYPES = List.of(CHARGING_PILE);

  /** Device types the gateway has a driver for; a new driver adds its type here and nowhere else. */
  public static final List<String> DEVICE_TYPES =
      List.of(FACE_TERMINAL, BARRIER, GPIO_DOOR, WIEGAND_READER, FIRE_PANEL, SIREN, KEY_SWITCH, CHARGING_PILE);

  public static final String MQTT = "mqtt";
  public static final String GPIO = "gpio";

  /** Links the gateway can reach devices over; a new transport adds its name here. A Modbus device's link is a line id instead. */
  public static final List<String> LINKS = List.of(MQTT, GPIO);

  public static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("Asia/Shanghai");

  public EstateConfig {
    buildings = List.copyOf(buildings);
    doors = List.copyOf(doors);
    devices = List.copyOf(devices);
    timeZone = timeZone == null ? DEFAULT_TIME_ZONE : timeZone;
    access = access == null ? AccessConfig.defaults() : access;
    lines = lines == null ? List.of() : List.copyOf(lines);
    charging = charging == null ? ChargingConfig.NONE : charging;
    profiles = profiles == null ? Map.of() : Map.copyOf(profiles);
    doorTiming = doorTiming == null ? Map.of() : Map.copyOf(doorTiming);
  }

  /** An estate with the built-in door timings. */
  public EstateConfig(String id, String name, List<Building> buildings, List<Door> doors, List<Device> devices,
      ZoneId timeZone, AccessConfig access, List<SerialLine> lines, ChargingConfig charging,
      Map<String, DeviceProfile> profiles) {
    this(id, name, buildings, doors, devices, timeZone, access, lines, charging, profiles, Map.of());
  }

  /** An estate in the default time zone with the default access rules, without lines or sheds. */
  public EstateConfig(String id, String name, List<Building> buildings, List<Door> doors, List<Device> devices) {
    this(id, name, buildings, doors, devices, DEFAULT_TIME_ZONE, AccessConfig.defaults(), List.of(),
        ChargingConfig.NONE, Map.of());
  }

  /**
   * An RS-485 line: one serial port, one Modbus master, the devices that hang on it.
   *
   * @param port the serial device, e.g. /dev/ttyUSB0 or a /dev/serial/by-id/ link
   * @param parity none, even or odd
   * @param cycleMs how often every device of the line is read; 0 reads back to back
   */
  public record SerialLine(String id, String port, int baud, String parity, int stopBits, int cycleMs) {}

  /**
   * Charging sheds and the safety limits that apply in them.
   *
   * @param limits estate-wide changes to the built-in limits (docs/charging.md)
   */
  public record ChargingConfig(Map<String, Double> limits, List<Shed> sheds) {
    public static final ChargingConfig NONE = new ChargingConfig(Map.of(), List.of());

    public ChargingConfig {
      limits = Map.copyOf(limits);
      sheds = List.copyOf(sheds);
    }

    public Optional<Shed> shed(String id) {
      return sheds.stream().filter(s -> s.id().equals(id)).findFirst();
    }
  }

  /**
   * A charging shed: its piles share one breaker (and usually one RS-485 line).
   *
   * @param powerBudgetW what the shed's breaker carries; sessions beyond it are stopped, newest first
   * @param breaker the breaker a guard cuts when a relay will not open, as written on the board
   * @param limits changes to the estate's limits for this shed
   */
  public record Shed(String id, String name, int powerBudgetW, String breaker, Map<String, Double> limits) {
    public Shed {
      limits = Map.copyOf(limits);
    }
  }

  /**
   * Where a Modbus device answers and what it is.
   *
   * @param address its slave address on the line, 1–247
   * @param profile the model name of its register map (config/profiles)
   */
  public record ModbusAt(int address, String profile) {}

  /**
   * Where a charging pile stands.
   *
   * @param breaker the pile's own breaker, if the board has one per pile; else null (the shed's is named)
   * @param limits changes to the shed's limits for this pile
   */
  public record ChargingPlace(String shed, String breaker, Map<String, Double> limits) {
    public ChargingPlace {
      limits = Map.copyOf(limits);
    }
  }

  /** A residential building with its units (entrances). */
  public record Building(String id, String name, int floors, List<String> units) {
    public Building {
      units = List.copyOf(units);
    }
  }

  /**
   * A door or lane people pass.
   *
   * @param kind pedestrian-gate, unit-door, vehicle-gate, ebike-gate or fire-lane
   * @param building the building, for a unit door; null otherwise
   * @param unit the unit within the building, for a unit door; null otherwise
   * @param devices ids of the devices at this door (terminal, reader, barrier)
   * @param egress whether people escape through it: a fire alarm releases it and holds it open
   * @param timing the door's own changes to the estate's door timings
   */
  public record Door(String id, String name, String kind, String building, String unit, List<String> devices,
      boolean egress, Map<String, Integer> timing) {
    public Door {
      devices = List.copyOf(devices);
      timing = timing == null ? Map.of() : Map.copyOf(timing);
    }

    /** A door with the estate's timings. */
    public Door(
        String id, String name, String kind, String building, String unit, List<String> devices, boolean egress) {
      this(id, name, kind, building, unit, devices, egress, Map.of());
    }

    /** A door that is a way out exactly when its kind usually is. */
    public Door(String id, String name, String kind, String building, String unit, List<String> devices) {
      this(id, name, kind, building, unit, devices, EGRESS_BY_DEFAULT.contains(kind));
    }
  }

  /**
   * A device the gateway talks to.
   *
   * @param type face-terminal, barrier, charging-pile or one of {@link #GPIO_TYPES}
   * @param sn what the device identifies itself with on its link: a terminal's serial number, a
   *     barrier's lane id (the file's {@code lane} key); null for a GPIO device
   * @param link mqtt, gpio, or the id of the RS-485 line a Modbus device hangs on
   * @param door the door the device serves, or null
   * @param pins for a GPIO device, its BCM pin numbers by signal (relay, contact, exit; d0, d1;
   *     contact; output), factory defaults filled in; empty otherwise
   * @param modbus for a device on an RS-485 line (its link is the line's id): address and profile; else null
   * @param charging for a charging pile: its shed, breaker and limits; else null
   */
  public record Device(String id, String type, String sn, String link, String door, Map<String, Integer> pins,
      ModbusAt modbus, ChargingPlace charging) {
    public Device {
      pins = pins == null ? Map.of() : Map.copyOf(pins);
    }

    public Device(String id, String type, String sn, String link, String door, Map<String, Integer> pins) {
      this(id, type, sn, link, door, pins, null, null);
    }

    public Device(String id, String type, String sn, String link, String door) {
      this(id, type, sn, link, door, Map.of());
    }

    /** The lane of a barrier ({@code lane/{LANE}/…}); null for any other device. */
    public String lane() {
      return BARRIER.equals(type) ? sn : null;
    }

    public Device withDoor(String newDoor) {
      return new Device(id, type, sn, link, newDoor, pins, modbus, charging);
    }

    /** A pin of a GPIO device; fails for a signal the device does not have. */
    public int pin(String signal) {
      Integer pin = pins.get(signal);
      if (pin == null) {
        throw new IllegalArgumentException(id + " has no " + signal + " pin");
      }
      return pin;
    }
  }

  public Map<String, Device> devicesById() {
    return devices.stream().collect(Collectors.toUnmodifiableMap(Device::id, Function.identity()));
  }

  public Optional<Door> door(String id) {
    return doors.stream().filter(d -> d.id().equals(id)).findFirst();
  }

  /** The doors a fire alarm releases. */
  public List<Door> egressDoors() {
    return doors.stream().filter(Door::egress).toList();
  }

  /** The same estate with its lines on other ports (the demo's pseudo-terminals). */
  public EstateConfig withLines(List<SerialLine> newLines) {
    return new EstateConfig(id, name, buildings, doors, devices, timeZone, access, newLines, charging, profiles,
        doorTiming);
  }

  /** The same estate without its RS-485 lines and the devices and sheds that need them. */
  public EstateConfig withoutLines() {
    List<Device> kept = devices.stream().filter(d -> d.modbus() == null).toList();
    return new EstateConfig(id, name, buildings, doors, kept, timeZone, access, List.of(), ChargingConfig.NONE, profiles,
        doorTiming);
  }

  public Optional<SerialLine> line(String id) {
    return lines.stream().filter(l -> l.id().equals(id)).findFirst();
  }

  /** The devices that hang on a line, in file order. */
  public List<Device> devicesOn(String lineId) {
    return devices.stream().filter(d -> d.modbus() != null && lineId.equals(d.link())).toList();
  }

  public List<Device> devicesOfType(String type) {
    return devices.stream().filter(d -> d.type().equals(type)).toList();
  }

  /** The gpio-door a Wiegand reader opens: the one at the reader's door (the loader checks there is one). */
  public Optional<Device> gpioDoorFor(Device reader) {
    return devices.stream()
        .filter(d -> GPIO_DOOR.equals(d.type()) && d.door() != null && d.door().equals(reader.door()))
        .findFirst();
  }
}
