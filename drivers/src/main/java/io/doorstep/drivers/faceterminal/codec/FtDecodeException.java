package io.doorstep.drivers.faceterminal.codec;

/**
 * A terminal message that breaks the interface. {@link #reason()} is a short stable code
 * (for metrics labels and the event log); the message says what was wrong for a person.
 */
public class FtDecodeException extends Exception {
  public static final String TOO_LARGE = "too_large";
  public static final String MALFORMED_JSON = "malformed_json";
  public static final String BAD_MSG_ID = "bad_msg_id";
  public static final String BAD_FIELD = "bad_field";
  public static final String UNKNOWN_TOPIC = "unknown_topic";
  public static final String UNKNOWN_DEVICE = "unknown_device";

  private final String reason;

  public FtDecodeException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
