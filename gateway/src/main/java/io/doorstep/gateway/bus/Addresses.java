package io.doorstep.gateway.bus;

/**
 * Every event-bus address of the gateway, defined once. Messages are the records named beside
 * each address, passed by reference inside the process ({@link LocalCodec}).
 */
public final class Addresses {
  private Addresses() {}

  /** Request {@code AccessRequest}, reply {@code AccessDecision}. The access service answers. */
  public static final String ACCESS_DECIDE = "doorstep.access.decide";

  /** Request {@code OfflinePassages}, reply empty once durably stored. */
  public static final String ACCESS_OFFLINE_PASSAGES = "doorstep.access.offline-passages";

  /** Publish {@code PersonsChanged}: persons changed; whoever caches persons reloads, terminals are synced. */
  public static final String PERSONS_CHANGED = "doorstep.access.persons-changed";

  /** Send {@code DeviceEvent}: an event to record. The event log stores it, then publishes {@link #EVENT_STORED}. */
  public static final String EVENT_RECORD = "doorstep.events.record";

  /** Publish {@code DeviceEvent}: an event is now in the log. The web page and upstream listen. */
  public static final String EVENT_STORED = "doorstep.events.stored";

  /**
   * Request {@code DeviceCommand} (any of its records), reply {@code CommandResult} once the
   * device acknowledged; failures carry a {@link CommandFailures} code. The driver owning the
   * device answers.
   */
  public static final String DEVICE_COMMAND = "doorstep.devices.command";

  /**
   * Where {@link #DEVICE_COMMAND} forwards a command for a device of the given type (its
   * driver listens there). One consumer per address: the bus's round robin never splits them.
   */
  public static String deviceCommandsOf(String deviceType) {
    return DEVICE_COMMAND + "." + deviceType;
  }

  /** Send {@code Presence}: a device said it is online, offline or alive. The device registry listens. */
  public static final String DEVICE_PRESENCE = "doorstep.devices.presence";

  /**
   * Publish {@code Presence} (state ALIVE): a device's heartbeat, with what it told of itself
   * (a terminal's person count, say), after the registry has taken it into account.
   */
  public static final String DEVICE_HEARTBEAT = "doorstep.devices.heartbeat";

  /**
   * Publish {@code DeviceReading}: what one poll of a Modbus device found, every point by name.
   * Domain services (charging) pick their devices' readings.
   */
  public static final String DEVICE_READING = "doorstep.devices.reading";

  /** Publish {@code DeviceStatus}: a device's online state changed. */
  public static final String DEVICE_STATUS = "doorstep.devices.status";

  /**
   * Publish {@code EstateConfig}: devices were added, changed or removed on the technician
   * console and this is the estate now served. Whoever maps devices to doors takes it: the access
   * rules, the person sync, the door service, the command router.
   */
  public static final String ESTATE_CHANGED = "doorstep.devices.estate-changed";

  /**
   * Publish {@code DoorTimings}: door timings were changed on the technician console and these
   * are in force now. Whoever opens doors takes it on its own context: the access decisions,
   * the door service, the booth's GPIO doors.
   */
  public static final String DOOR_TIMINGS_CHANGED = "doorstep.doors.timings-changed";
}
