package io.doorstep.drivers.modbus;

import java.util.Map;

/**
 * What one poll of one device found: every point of its profile by name.
 *
 * @param deviceId the device's id in the estate file
 * @param atMillis wall-clock time the poll finished
 * @param values point name → value; points of failed reads are present with quality FAILED
 */
public record DeviceReading(String deviceId, long atMillis, Map<String, PointValue> values) {
  public DeviceReading {
    values = Map.copyOf(values);
  }

  /** The point's value, or null when the profile has no such point. */
  public PointValue get(String point) {
    return values.get(point);
  }
}
