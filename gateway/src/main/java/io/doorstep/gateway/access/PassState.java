package io.doorstep.gateway.access;

import java.util.Optional;

/**
 * Where an issued pass stands now, in the order the door checks it: a revoked pass is revoked
 * whatever its window, one not yet valid cannot be used up. {@link PassRows} derives it from the
 * stored row in SQL, so the office's filter and the state it shows are one definition.
 */
public enum PassState {
  VALID("valid"),
  NOT_YET_VALID("not-yet-valid"),
  EXPIRED("expired"),
  USED_UP("used-up"),
  REVOKED("revoked");

  private final String wire;

  PassState(String wire) {
    this.wire = wire;
  }

  /** As the API and the page write it. */
  public String wire() {
    return wire;
  }

  public static Optional<PassState> of(String wire) {
    for (PassState s : values()) {
      if (s.wire.equals(wire)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** A pass worth handing to a visitor again: it will open, or will once its window begins. */
  public boolean usable() {
    return this == VALID || this == NOT_YET_VALID;
  }
}
