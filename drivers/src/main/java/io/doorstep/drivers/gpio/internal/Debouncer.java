package io.doorstep.drivers.gpio.internal;

import io.vertx.core.Vertx;
import java.util.function.Consumer;

/**
 * A contact's level, believed once it has held still for the debounce time. A bounce that comes
 * back before then, or a blip shorter than it, is never reported. Lives on the driver's context.
 */
public final class Debouncer {
  private final Vertx vertx;
  private final long ms;
  private final Consumer<Boolean> onSteadyLow;
  private boolean raw;
  private boolean steady;
  private long timer = -1;

  /**
   * @param assumedLow the level believed before any change is seen
   * @param onSteadyLow told each new steady level: true = low
   */
  public Debouncer(Vertx vertx, long ms, boolean assumedLow, Consumer<Boolean> onSteadyLow) {
    this.vertx = vertx;
    this.ms = ms;
    this.raw = assumedLow;
    this.steady = assumedLow;
    this.onSteadyLow = onSteadyLow;
  }

  public void raw(boolean low) {
    raw = low;
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
    if (raw != steady) {
      timer = vertx.setTimer(ms, id -> {
        timer = -1;
        if (raw != steady) {
          steady = raw;
          onSteadyLow.accept(steady);
        }
      });
    }
  }

  public boolean steadyLow() {
    return steady;
  }

  public boolean rawLow() {
    return raw;
  }
}
