package io.doorstep.gateway.charging;

import io.doorstep.drivers.modbus.DeviceReading;
import io.doorstep.drivers.modbus.PointValue;
import java.util.ArrayList;
import java.util.List;

/**
 * One poll of one pile, in the terms the rules think in. Built from the driver's reading so
 * that the rules never see a point name or a quality flag.
 *
 * @param statusFlags the pile's status register, null when its read failed: an unread status
 *     is not a status without smoke
 * @param mainsVoltage volts, null when unread
 * @param cabinetTemperature °C, null when unread
 * @param ports the ports the profile has, in port order; unreadable ones are not valid
 */
public record PileReading(
    String pileId,
    long atMillis,
    Integer statusFlags,
    Double mainsVoltage,
    Double cabinetTemperature,
    List<PortReading> ports) {
  public static final int SMOKE = 1;
  public static final int CABINET_HOT = 1 << 1;
  public static final int MAINS_OUT_OF_RANGE = 1 << 2;
  public static final int DOOR_OPEN = 1 << 3;
  public static final int INTERNAL_FAULT = 1 << 4;

  static final int MAX_PORTS = 10;

  public PileReading {
    ports = List.copyOf(ports);
  }

  /** Whether the status register was read and has this bit set; false when it was not read. */
  public boolean flag(int bit) {
    return statusFlags != null && (statusFlags & bit) != 0;
  }

  /** Maps the EBC-10 profile's point names; a port exists when its {@code state} point does. */
  public static PileReading from(DeviceReading reading) {
    List<PortReading> ports = new ArrayList<>();
    for (int n = 1; n <= MAX_PORTS; n++) {
      if (reading.get("port" + n + ".state") != null) {
        ports.add(port(reading, n));
      }
    }
    PointValue status = reading.get("status");
    Integer flags = ok(status) ? (int) Math.round(status.value()) : null;
    return new PileReading(reading.deviceId(), reading.atMillis(), flags,
        number(reading.get("mainsVoltage")), number(reading.get("cabinetTemperature")), ports);
  }

  private static PortReading port(DeviceReading reading, int n) {
    String p = "port" + n + ".";
    PointValue state = reading.get(p + "state");
    PointValue fault = reading.get(p + "fault");
    PointValue power = reading.get(p + "power");
    PointValue current = reading.get(p + "current");
    PointValue energy = reading.get(p + "energy");
    PointValue relay = reading.get(p + "relaySeconds");
    // The rules compare power, current and state together: one of them missing makes the
    // others unsafe to judge, so the whole port counts as unread.
    if (!(ok(state) && ok(fault) && ok(power) && ok(current) && ok(energy) && ok(relay))) {
      return PortReading.failed(n);
    }
    PointValue plug = reading.get(p + "plugTemperature");
    int faultCode = (int) Math.round(fault.value());
    boolean plugInvalid = plug != null && plug.quality() == PointValue.Quality.INVALID;
    return new PortReading(n, (int) Math.round(state.value()), faultCode, power.value(),
        current.value(), energy.value(), ok(plug) ? plug.value() : null,
        plugInvalid || faultCode == PortReading.FAULT_SENSOR_BROKEN,
        Math.round(relay.value()), true);
  }

  private static boolean ok(PointValue v) {
    return v != null && v.isOk();
  }

  private static Double number(PointValue v) {
    return ok(v) ? v.value() : null;
  }
}
