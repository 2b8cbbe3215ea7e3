package io.doorstep.drivers.mqtt;

/**
 * A device's message on the broker that breaks its interface. {@link #reason()} is a short stable
 * code, the same for every kind of device, so the event log and the metrics read alike; the
 * message says what was wrong for a person. Each codec throws its own subclass.
 */
public class BadMessageException extends Exception {
  public static final String TOO_LARGE = "too_large";
  public static final String MALFORMED_JSON = "malformed_json";
  public static final String BAD_MSG_ID = "bad_msg_id";
  public static final String BAD_FIELD = "bad_field";
  public static final String UNKNOWN_TOPIC = "unknown_topic";
  public static final String UNKNOWN_DEVICE = "unknown_device";

  private final String reason;

  protected BadMessageException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
