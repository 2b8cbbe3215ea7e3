package io.doorstep.drivers.modbus.internal;

import io.doorstep.drivers.Backoff;
import io.doorstep.drivers.modbus.Priority;
import java.time.Duration;

/**
 * Whether a unit answers. A pile that lost power costs a full time-out (and its retry) per
 * poll; left alone it would take most of the bus from the live piles on the same line. After a
 * few time-outs in a row its routine polls are refused without touching the line, and one poll
 * is let through per back-off delay to notice when it comes back. Safety and operator requests
 * are always tried: a stop must reach a pile even if polls gave up on it.
 *
 * <p>Owned by the line's thread; {@link #silent()} may be read from anywhere.
 */
public final class UnitHealth {
  private final Backoff backoff;
  private final int silentAfter;
  private int consecutiveTimeouts;
  private volatile boolean silent;
  private long probeAtNanos;

  public UnitHealth(Duration backoffMin, Duration backoffMax, int silentAfter) {
    this.backoff = new Backoff(backoffMin, backoffMax);
    this.silentAfter = silentAfter;
  }

  /** Whether a request of this priority may use the line now. */
  public boolean admits(Priority priority, long nowNanos) {
    return !silent || priority != Priority.POLL || nowNanos - probeAtNanos >= 0;
  }

  public boolean silent() {
    return silent;
  }

  /** The unit answered (data or an exception). @return true when that ends a silence */
  public boolean answered() {
    consecutiveTimeouts = 0;
    backoff.reset();
    if (silent) {
      silent = false;
      return true;
    }
    return false;
  }

  /** The unit did not answer. @return true when that starts a silence */
  public boolean timedOut(long nowNanos) {
    consecutiveTimeouts++;
    if (silent) {
      probeAtNanos = nowNanos + backoff.nextDelayMs() * 1_000_000L;
      return false;
    }
    if (consecutiveTimeouts >= silentAfter) {
      silent = true;
      probeAtNanos = nowNanos + backoff.nextDelayMs() * 1_000_000L;
      return true;
    }
    return false;
  }
}
