package io.doorstep.drivers.gpio.internal;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * An output that is on for a while or held on: a lock relay (on = released) or the siren. Lives
 * on the driver's context; writes go to a worker in order, so the pin always ends in the state
 * asked for last.
 */
public final class Output {
  private final Context context;
  private final PinBank pins;
  private final int bcm;
  private long timer = -1;
  private boolean timed;
  private boolean held;

  public Output(Context context, PinBank pins, int bcm) {
    this.context = context;
    this.pins = pins;
    this.bcm = bcm;
  }

  /** On for {@code ms}, then off unless held; a pulse while one runs restarts it. */
  public Future<Void> pulse(long ms) {
    Vertx vertx = context.owner();
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    timed = true;
    timer = vertx.setTimer(ms, id -> {
      timer = -1;
      timed = false;
      if (!held) {
        write(false);
      }
    });
    return write(true);
  }

  /** Held on until told otherwise; ending a hold leaves a running pulse to end by itself. */
  public Future<Void> hold(boolean on) {
    held = on;
    return write(on || timed);
  }

  public boolean on() {
    return timed || held;
  }

  public boolean held() {
    return held;
  }

  /** Ends a pulse now; a hold stays (a door held open for a fire stays open while the gateway stops). */
  public Future<Void> endPulse() {
    if (timer >= 0) {
      context.owner().cancelTimer(timer);
      timer = -1;
    }
    timed = false;
    return held ? Future.succeededFuture() : write(false);
  }

  private Future<Void> write(boolean high) {
    return context.executeBlocking(() -> {
      pins.write(bcm, high);
      return null;
    }, true);
  }
}
