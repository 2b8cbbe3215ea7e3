package io.doorstep.gateway.charging;

/**
 * One pile of a shed.
 *
 * @param limits this pile's limits, already layered (estate → shed → pile)
 * @param ports how many ports it has (10 on an EBC-10)
 * @param breaker the breaker feeding this pile, or null when it is the shed's
 */
public record PileConfig(String pileId, SafetyLimits limits, int ports, Breaker breaker) {
  public PileConfig {
    if (pileId == null || pileId.isBlank()) {
      throw new IllegalArgumentException("a pile needs an id");
    }
    if (limits == null) {
      throw new IllegalArgumentException("pile " + pileId + " needs its limits");
    }
    if (ports < 1 || ports > PileReading.MAX_PORTS) {
      throw new IllegalArgumentException("pile " + pileId + " must have 1 to "
          + PileReading.MAX_PORTS + " ports, got " + ports);
    }
  }

  /** An EBC-10 fed by the shed's breaker. */
  public PileConfig(String pileId, SafetyLimits limits) {
    this(pileId, limits, PileReading.MAX_PORTS, null);
  }
}
