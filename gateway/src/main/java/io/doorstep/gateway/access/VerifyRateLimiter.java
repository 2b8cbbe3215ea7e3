package io.doorstep.gateway.access;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per terminal: up to {@code perSecond} verifications a second, with a second's
 * worth of burst. A terminal that floods (a fault, or someone holding a photo to it) uses up its
 * own bucket only, so the others are answered as before. Not thread-safe: the access verticle's
 * thread owns it.
 */
final class VerifyRateLimiter {
  private static final long SECOND_NS = 1_000_000_000L;

  private final double perSecond;
  private final LongSupplier nanoTime;
  private final Map<String, Bucket> buckets = new HashMap<>();

  private static final class Bucket {
    double tokens;
    long lastNs;
  }

  VerifyRateLimiter(int perSecond, LongSupplier nanoTime) {
    this.perSecond = perSecond;
    this.nanoTime = nanoTime;
  }

  /** Whether this terminal may be answered now; takes a token when it may. */
  boolean tryAcquire(String device) {
    long now = nanoTime.getAsLong();
    Bucket b = buckets.get(device);
    if (b == null) {
      b = new Bucket();
      b.tokens = perSecond;
      b.lastNs = now;
      buckets.put(device, b);
    }
    b.tokens = Math.min(perSecond, b.tokens + (now - b.lastNs) * perSecond / SECOND_NS);
    b.lastNs = now;
    if (b.tokens < 1) {
      return false;
    }
    b.tokens -= 1;
    return true;
  }
}
