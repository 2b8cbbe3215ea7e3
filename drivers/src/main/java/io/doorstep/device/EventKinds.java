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
  /** A terminal's person list could not be brought up to date: persons it refused, or no answer. */
  public static final String SYNC_FAILED = "sync.failed";
}
