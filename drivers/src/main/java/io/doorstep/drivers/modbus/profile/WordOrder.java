package io.doorstep.drivers.modbus.profile;

/** Which register of a 32-bit value comes first on the wire. */
public enum WordOrder {
  /** High word at the lower address (the Modbus convention, and the EBC-10's). */
  HIGH_FIRST,
  LOW_FIRST
}
