package io.doorstep.sim.charger;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when told: charging curves become deterministic. */
public final class ManualTicker implements Ticker {

  private final AtomicLong nanos = new AtomicLong();

  @Override
  public long nanos() {
    return nanos.get();
  }

  public void advance(Duration step) {
    nanos.addAndGet(step.toNanos());
  }
}
