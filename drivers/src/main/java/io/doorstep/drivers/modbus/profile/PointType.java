package io.doorstep.drivers.modbus.profile;

/** How a point's raw bits become a number. */
public enum PointType {
  /** One coil or discrete input: 0 or 1. */
  BOOL(1),
  /** One bit of a 16-bit register (the point's {@code bit}, 0 = least significant): 0 or 1. */
  BIT(1),
  UINT16(1),
  INT16(1),
  /** Two registers; the profile's word order says which comes first. */
  UINT32(2),
  INT32(2),
  FLOAT32(2);

  private final int registers;

  PointType(int registers) {
    this.registers = registers;
  }

  /** How many registers (or bits, for BOOL) the point spans. */
  public int registers() {
    return registers;
  }
}
