package io.doorstep.drivers.modbus;

/**
 * One point's value from one poll. A bad channel is not a dead device: a read that failed
 * marks only its own points.
 */
public record PointValue(double value, Quality quality) {
  public enum Quality {
    OK,
    /** The device sent its "sensor broken" value (e.g. 0x7FFF); {@code value} is meaningless. */
    INVALID,
    /** The read carrying this point failed (exception response, time-out); {@code value} is meaningless. */
    FAILED
  }

  public static PointValue ok(double value) {
    return new PointValue(value, Quality.OK);
  }

  public boolean isOk() {
    return quality == Quality.OK;
  }
}
