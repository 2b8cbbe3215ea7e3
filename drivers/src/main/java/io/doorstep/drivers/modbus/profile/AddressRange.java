package io.doorstep.drivers.modbus.profile;

/** Inclusive range of addresses in one table, e.g. registers a coalesced read must not touch. */
public record AddressRange(RegisterTable table, int from, int to) {
  public boolean overlaps(RegisterTable t, int first, int last) {
    return table == t && first <= to && last >= from;
  }
}
