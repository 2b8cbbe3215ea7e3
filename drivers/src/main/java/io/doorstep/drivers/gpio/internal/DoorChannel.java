package io.doorstep.drivers.gpio.internal;

import io.doorstep.drivers.gpio.BoothLayout;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One booth door: its lock relay, its contact and its exit button. Releases the lock when told,
 * or when the exit button is pressed (egress needs no credential), and watches the contact: a
 * door that opens while locked is forced; a door still open when its release is long over is held
 * open. Lives on the driver's context.
 */
public final class DoorChannel {
  private static final Logger log = LoggerFactory.getLogger(DoorChannel.class);

  private final Vertx vertx;
  private final BoothLayout.Door pins;
  private final BoothLayout.Timing timing;
  private final Output relay;
  private final BoothEvents events;
  private final Counters counters;
  private boolean open;
  private boolean authorizedOpening;
  private long openedAtMs;
  private long exitTouchedNanos = Long.MIN_VALUE;
  private long heldOpenTimer = -1;
  private boolean heldOpenReported;
  /** When an open door counts as held open; the gateway may change it while the door is served. */
  private long heldOpenMs;

  DoorChannel(Vertx vertx, BoothLayout.Door pins, BoothLayout.Timing timing, Output relay, BoothEvents events,
      Counters counters, boolean openAtStart) {
    this.vertx = vertx;
    this.pins = pins;
    this.timing = timing;
    this.relay = relay;
    this.events = events;
    this.counters = counters;
    this.open = openAtStart;
    this.openedAtMs = System.currentTimeMillis();
    // A door found open at start-up is neither forced nor held open: nobody knows its story.
    this.authorizedOpening = true;
    this.heldOpenReported = true;
    this.heldOpenMs = pins.heldOpenMs() > 0 ? pins.heldOpenMs() : timing.heldOpenMs();
  }

  /** From the next release on, the door is held open after {@code ms}. */
  public void heldOpenAfter(long ms) {
    if (ms <= 0) {
      throw new IllegalArgumentException(device() + ": held-open time must be positive, got " + ms);
    }
    heldOpenMs = ms;
  }

  public long heldOpenMs() {
    return heldOpenMs;
  }

  public String device() {
    return pins.device();
  }

  public boolean open() {
    return open;
  }

  public boolean released() {
    return relay.on();
  }

  /** Releases the lock for {@code ms}; a release while one runs starts the time again. */
  public Future<Void> release(long ms) {
    armHeldOpenCheck(Math.max(ms, heldOpenMs));
    return relay.pulse(ms);
  }

  /** Holds the lock released (fire release) or ends the hold. */
  public Future<Void> hold(boolean on) {
    if (on) {
      cancelHeldOpenCheck();
    } else {
      // The hold's end counts as a release: a door left open is held open after the usual time.
      armHeldOpenCheck(heldOpenMs);
    }
    return relay.hold(on);
  }

  /** The debounced door contact. */
  void contact(boolean nowOpen) {
    if (nowOpen == open) {
      return;
    }
    open = nowOpen;
    long now = System.currentTimeMillis();
    if (nowOpen) {
      openedAtMs = now;
      heldOpenReported = false;
      authorizedOpening = relay.on() || exitTouchedRecently();
      events.doorState(device(), true, !authorizedOpening, 0);
      if (!authorizedOpening) {
        counters.forced();
        log.warn("{} forced open", device());
        events.forced(device());
      }
    } else {
      events.doorState(device(), false, false, (now - openedAtMs) / 1000);
    }
  }

  /** The exit button's raw level: its first touch counts for the forced check before any debounce. */
  void exitTouched(boolean pressed) {
    if (pressed) {
      exitTouchedNanos = System.nanoTime();
    }
  }

  /** The debounced exit button. */
  void exitButton(boolean pressed) {
    if (!pressed) {
      return;
    }
    counters.exitRequest();
    events.exitRequest(device());
    release(timing.openMs()).onFailure(e -> events.outputFailed(device(), "relay", e));
  }

  /** Ends a timed release; a hold stays, because the gateway that stops may be in fire mode. */
  Future<Void> stop() {
    cancelHeldOpenCheck();
    return relay.endPulse();
  }

  private boolean exitTouchedRecently() {
    return exitTouchedNanos != Long.MIN_VALUE
        && System.nanoTime() - exitTouchedNanos <= timing.exitGraceMs() * 1_000_000L;
  }

  private void armHeldOpenCheck(long ms) {
    cancelHeldOpenCheck();
    heldOpenTimer = vertx.setTimer(ms, id -> {
      heldOpenTimer = -1;
      checkHeldOpen();
    });
  }

  private void cancelHeldOpenCheck() {
    if (heldOpenTimer >= 0) {
      vertx.cancelTimer(heldOpenTimer);
      heldOpenTimer = -1;
    }
  }

  private void checkHeldOpen() {
    if (open && authorizedOpening && !relay.held() && !heldOpenReported) {
      heldOpenReported = true;
      long heldS = (System.currentTimeMillis() - openedAtMs) / 1000;
      counters.heldOpen();
      log.warn("{} held open ({} s)", device(), heldS);
      events.heldOpen(device(), heldS);
    }
  }
}
