package io.doorstep.drivers.lane.codec;

/**
 * A lane message that breaks the interface. {@link #reason()} is a short stable code, the same
 * codes a face terminal's bad message gets, so the event log and the metrics read alike.
 */
public class LaneDecodeException extends Exception {
  public static final String TOO_LARGE = "too_large";
  public static final String MALFORMED_JSON = "malformed_json";
  public static final String BAD_MSG_ID = "bad_msg_id";
  public static final String BAD_FIELD = "bad_field";
  public static final String UNKNOWN_TOPIC = "unknown_topic";
  public static final String UNKNOWN_DEVICE = "unknown_device";

  private final String reason;

  public LaneDecodeException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }

  static LaneDecodeException badField(String field, String what) {
    return new LaneDecodeException(BAD_FIELD, "field '" + field + "': " + what);
  }
}
