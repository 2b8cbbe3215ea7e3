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
  public static final String DEVICE_ALARM = "device.alarm";
  /** A message that broke the device's interface; stored so a technician can see what came. */
  public static final String BAD_MESSAGE = "bad_message";
  public static final String GATEWAY_STARTED = "gateway.started";
  /** Someone pressed a door's exit button: the door is released without a credential. */
  public static final String DOOR_EXIT = "door.exit";
  /**
   * The fire alarm panel's contact closed and stayed closed for its debounce time. Fire mode
   * starts on this; it ends only when a person with the right role resets it.
   */
  public static final String FIRE_ALARM = "fire.alarm";
  /** The fire alarm panel's contact opened again (debounced): the panel no longer signals fire. */
  public static final String FIRE_CLEAR = "fire.clear";
  /** The booth's "all doors open" key switch was turned on. */
  public static final String ALL_DOORS_OPEN_ON = "doors.all-open.on";
  /** The booth's "all doors open" key switch was turned back. */
  public static final String ALL_DOORS_OPEN_OFF = "doors.all-open.off";
}
