package io.doorstep.sim.lane;

/**
 * A lane's arm as mqtt-peripherals.md describes it: {@code hold-up} keeps it up until
 * {@code release}, and a {@code lower} during a hold-up is refused. Pure; the simulator's thread
 * owns it.
 */
final class Barrier {
  static final String HELD_UP_ERROR = "HELD_UP";

  /** What an action did: refused with an error, or accepted (the state may be unchanged). */
  record Outcome(boolean ok, String error, boolean changed) {}

  private String state = "down";

  String state() {
    return state;
  }

  Outcome apply(String action) {
    return switch (action) {
      case "raise" -> state.equals("held-up") ? same() : to("up");
      case "lower" -> state.equals("held-up")
          ? new Outcome(false, HELD_UP_ERROR, false) : to("down");
      case "hold-up" -> to("held-up");
      // The simulated lane is always clear, so a release lowers at once.
      case "release" -> state.equals("held-up") ? to("down") : same();
      default -> new Outcome(false, "BAD_REQUEST", false);
    };
  }

  private Outcome to(String next) {
    boolean changed = !next.equals(state);
    state = next;
    return new Outcome(true, null, changed);
  }

  private static Outcome same() {
    return new Outcome(true, null, false);
  }
}
