package io.doorstep.device;

/** The kinds of normalized event, defined once. Stored as text in the event log. */
public final class EventKinds {
  private EventKinds() {}

  /** A decision at a door or lane, made by the gateway (payload: see AccessDecision). */
  public static final String PASSAGE = "passage";
  /** A passage a terminal decided alone while it had no answer, reported later. */
  public static final String OFFLINE_PASSAGE = "passage.offline";
  public static final String DEVICE_ONLINE = "device.online";
  public static final String DEVICE_OFFLINE = "device.offline";
  public static final String DOOR_STATE = "door.state";
  /** A lane's barrier arm moved (payload: lane, state up, down or held-up). */
  public static final String BARRIER_STATE = "barrier.state";
  public static final String DEVICE_ALARM = "device.alarm";
  /** A message that broke the device's interface; stored so a technician can see what came. */
  public static final String BAD_MESSAGE = "bad_message";
  public static final String GATEWAY_STARTED = "gateway.started";
  /** A terminal's person list could not be brought up to date: persons it refused, or no answer. */
  public static final String SYNC_FAILED = "sync.failed";

  /** A fire source (the alarm panel's contact, later others) reports fire. Its device is the source. */
  public static final String FIRE_ALARM = "fire.alarm";
  /** The same source no longer reports fire. Fire mode goes on until a person resets it. */
  public static final String FIRE_CLEAR = "fire.clear";
  /** Fire mode began: every egress door is being released (payload: source, reason, by). */
  public static final String FIRE_MODE_STARTED = "fire.mode.started";
  /** The gateway started in fire mode and holds the egress doors again; not a new fire. */
  public static final String FIRE_MODE_RESUMED = "fire.mode.resumed";
  /** A person reset fire mode (payload: by, role); the egress doors return to normal. */
  public static final String FIRE_MODE_ENDED = "fire.mode.ended";
  /** A reset was refused (payload: by, role, why). */
  public static final String FIRE_RESET_REFUSED = "fire.reset.refused";
  /** Every egress device acknowledged the hold-open of this fire mode. */
  public static final String FIRE_DOORS_RELEASED = "fire.doors.released";
  /** Every egress device acknowledged the end of the hold after a reset. */
  public static final String FIRE_DOORS_RESTORED = "fire.doors.restored";

  /** An alarm was raised (payload: alarmId, type, door, cause). */
  public static final String ALARM_RAISED = "alarm.raised";
  /** Its condition ended (the door closed, fire mode was reset). */
  public static final String ALARM_CLEARED = "alarm.cleared";
  /** A person acknowledged it (payload: alarmId, type, by, note). */
  public static final String ALARM_ACKED = "alarm.acked";

  /** A person opened a door from the gateway (payload: door, by, openMs, ok, error). */
  public static final String DOOR_REMOTE_OPEN = "door.remote-open";

  /** An RS-485 line was lost: its adapter unplugged, its port gone (device: the line id; payload: reason). */
  public static final String LINE_LOST = "line.lost";
  /** An RS-485 line is open again. */
  public static final String LINE_UP = "line.up";

  /**
   * A charging-safety condition began (payload: type, shed, pile, port, textZh, textEn, details).
   * The device is the pile, {@code pile/port} for a port's condition, or the shed for a shed's.
   */
  public static final String CHARGING_ALARM = "charging.alarm";
  /** The condition ended (payload: type, shed, pile, port). */
  public static final String CHARGING_ALARM_CLEARED = "charging.alarm.cleared";
  /** The gateway stopped a port (payload: pile, port, reason, ok, error). */
  public static final String CHARGING_STOP = "charging.stop";
  /** A charging session began (payload: pile, port, shed, startedAt, reconstructed). */
  public static final String CHARGING_SESSION_STARTED = "charging.session.started";
  /** A charging session ended (payload: pile, port, shed, startedAt, endedAt, energyWh, peakPowerW, peakPlugC, reason). */
  public static final String CHARGING_SESSION_ENDED = "charging.session.ended";
  /** The shed's siren was switched on or off (payload: shed, on). */
  public static final String CHARGING_SIREN = "charging.siren";

  /**
   * The platform's broker refuses the gateway: a bad access token, a certificate the gateway
   * does not trust, a host name mismatch (device: gateway; payload: url, reason).
   */
  public static final String UPSTREAM_REFUSED = "upstream.refused";
  /** The link to the platform is up (again). */
  public static final String UPSTREAM_CONNECTED = "upstream.connected";

  /** Someone pressed a door's exit button: the door is released without a credential. */
  public static final String DOOR_EXIT = "door.exit";
  /** The booth's "all doors open" key switch was turned on. */
  public static final String ALL_DOORS_OPEN_ON = "doors.all-open.on";
  /** The booth's "all doors open" key switch was turned back. */
  public static final String ALL_DOORS_OPEN_OFF = "doors.all-open.off";
}
