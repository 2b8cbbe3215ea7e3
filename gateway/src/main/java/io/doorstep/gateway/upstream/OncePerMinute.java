package io.doorstep.gateway.upstream;

import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;

/**
 * A warning that a misbehaving platform could repeat many times a second: logged at most once a
 * minute per kind, with how many were not logged since. Not thread-safe: one event loop.
 */
final class OncePerMinute {
  static final long PERIOD_MS = 60_000;
  private final Logger log;
  private final Map<String, long[]> lastAndSkipped = new HashMap<>();

  OncePerMinute(Logger log) {
    this.log = log;
  }

  /** @return whether it was logged */
  boolean warn(String kind, String message, long now) {
    long[] state = lastAndSkipped.get(kind);
    if (state != null && now - state[0] < PERIOD_MS) {
      state[1]++;
      return false;
    }
    long skipped = state == null ? 0 : state[1];
    lastAndSkipped.put(kind, new long[] {now, 0});
    log.warn(skipped == 0 ? "{}" : "{} ({} more like it in the last minute, not logged)", message, skipped);
    return true;
  }
}
