package io.doorstep.drivers.modbus;

/**
 * A routine poll was refused without touching the line because its unit stopped answering:
 * a dead pile must not eat the bus time of the live ones. The unit is probed again after a back-off.
 */
public class DeviceSilentException extends RuntimeException {
  private final int unit;

  public DeviceSilentException(String lineId, int unit) {
    super("unit " + unit + " on line " + lineId + " is not answering; routine polls are paused");
    this.unit = unit;
  }

  public int unit() {
    return unit;
  }
}
