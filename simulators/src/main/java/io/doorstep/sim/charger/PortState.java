package io.doorstep.sim.charger;

/** Port state register values. */
public enum PortState {
  EMPTY(0),
  PLUGGED(1),
  CHARGING(2),
  /** Relay closed, no current for 60 s. */
  IDLE(3),
  /** Relay open after a fault, until unplugged (a welded relay is the exception: closed). */
  FAULT(4);

  private final int code;

  PortState(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
