package io.doorstep.drivers.faceterminal;

import java.util.HashMap;
import java.util.Map;

/**
 * Says whether a warning about a device may be logged now: at most once an interval per
 * device, so that one misbehaving terminal cannot fill the journal. Confined to one context.
 */
final class LogLimiter {
  private final long intervalMs;
  private final Map<String, Long> lastLogged = new HashMap<>();

  LogLimiter(long intervalMs) {
    this.intervalMs = intervalMs;
  }

  boolean allow(String device) {
    long now = System.currentTimeMillis();
    Long last = lastLogged.get(device);
    if (last != null && now - last < intervalMs) {
      return false;
    }
    lastLogged.put(device, now);
    return true;
  }
}
