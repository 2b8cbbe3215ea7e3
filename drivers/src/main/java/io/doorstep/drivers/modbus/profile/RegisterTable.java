package io.doorstep.drivers.modbus.profile;

/** The four Modbus data tables; reads of different tables are never coalesced. */
public enum RegisterTable {
  /** Function 0x01 read, 0x05/0x0F write. */
  COIL,
  /** Function 0x02. */
  DISCRETE_INPUT,
  /** Function 0x04. */
  INPUT_REGISTER,
  /** Function 0x03 read, 0x06/0x10 write. */
  HOLDING_REGISTER;

  public boolean isBitTable() {
    return this == COIL || this == DISCRETE_INPUT;
  }
}
