package io.doorstep.sim.faceterminal;

/**
 * What happened to one verification: the gateway's answer, or the terminal's own decision
 * when the answer did not come in time.
 *
 * @param msgId        the request's msgId
 * @param reason       the gateway's code for a deny; for a local decision the simulator's own
 *                     (e.g. {@code STRANGER}), never sent on the wire
 * @param openMs       the gateway's openMs, or null
 * @param local        true when the terminal decided alone
 * @param latencyNanos from the call that presented the credential to this outcome
 */
public record VerifyOutcome(String msgId, Decision decision, String reason, String voice,
    String text, Integer openMs, boolean local, long latencyNanos) {

  /** {@code decision} on the wire. */
  public enum Decision {
    OPEN("open"), DENY("deny");

    private final String wire;

    Decision(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }

    /** The decision for a wire value, or null for anything else. */
    public static Decision fromWire(String value) {
      for (Decision d : values()) {
        if (d.wire.equals(value)) {
          return d;
        }
      }
      return null;
    }
  }

  public boolean opened() {
    return decision == Decision.OPEN;
  }

  public boolean fromGateway() {
    return !local;
  }

  public double latencyMillis() {
    return latencyNanos / 1e6;
  }
}
