package io.doorstep.drivers.modbus;

import java.util.Map;

/**
 * A snapshot of one line's counters. Counts are totals since the line was created; attempts are
 * counted, so a request that was retried once counts two transactions.
 *
 * @param utilisation fraction of wall time a request was in flight on the line since the
 *     previous call to {@link ModbusLine#stats()} (since the line was created for the first call):
 *     near 1 means the bus is saturated and polls will slow down
 * @param units per unit address
 */
public record LineStats(
    String lineId,
    boolean open,
    long transactions,
    long timeouts,
    long crcErrors,
    long exceptionResponses,
    long lineLosses,
    double utilisation,
    Map<Integer, UnitStats> units) {

  public LineStats {
    units = Map.copyOf(units);
  }
}
