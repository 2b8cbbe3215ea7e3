package io.doorstep.sim.charger;

/** Monotonic time in nanoseconds; tests pass a {@link ManualTicker} to step it themselves. */
@FunctionalInterface
public interface Ticker {

  long nanos();

  static Ticker system() {
    return System::nanoTime;
  }
}
