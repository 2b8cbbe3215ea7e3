package io.doorstep.drivers.lane.codec;

import io.doorstep.drivers.mqtt.BadMessageException;

/**
 * A lane message that breaks the interface; the reason codes are {@link BadMessageException}'s,
 * the same a face terminal's bad message gets.
 */
public class LaneDecodeException extends BadMessageException {
  public LaneDecodeException(String reason, String message) {
    super(reason, message);
  }

  static LaneDecodeException badField(String field, String what) {
    return new LaneDecodeException(BAD_FIELD, "field '" + field + "': " + what);
  }
}
