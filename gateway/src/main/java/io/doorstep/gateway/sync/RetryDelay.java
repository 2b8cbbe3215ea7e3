package io.doorstep.gateway.sync;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential back-off with jitter for a terminal that does not answer. The jitter keeps the
 * terminals of an estate that lost its broker together from all being retried in one burst.
 */
final class RetryDelay {
  private final long minMs;
  private final long maxMs;
  private int failures;

  RetryDelay(Duration min, Duration max) {
    this.minMs = Math.max(1, min.toMillis());
    this.maxMs = Math.max(minMs, max.toMillis());
  }

  /** The pause before the next attempt: doubles per failure up to the maximum, then ±20 %. */
  long next() {
    long base = Math.min(maxMs, minMs << Math.min(failures, 30));
    failures++;
    double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
    return Math.max(1, Math.round(base * jitter));
  }

  int failures() {
    return failures;
  }

  void reset() {
    failures = 0;
  }
}
