package io.doorstep.drivers.modbus;

/**
 * One unit's counters on its line.
 *
 * @param silent whether its routine polls are being refused because it stopped answering
 */
public record UnitStats(long transactions, long timeouts, long crcErrors, long exceptionResponses, boolean silent) {}
