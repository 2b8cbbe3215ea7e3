package io.doorstep.drivers;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential back-off with jitter, for anything that retries a device or a link. The jitter
 * matters when many peers lost the same broker at once: without it they all knock again in the
 * same millisecond. Not thread-safe: one owner, one context.
 */
public final class Backoff {
  private final long minMs;
  private final long maxMs;
  private int attempt;

  public Backoff(Duration min, Duration max) {
    this.minMs = Math.max(1, min.toMillis());
    this.maxMs = Math.max(minMs, max.toMillis());
  }

  /** The delay before the next attempt: doubles each time up to the maximum, ±20 %. */
  public long nextDelayMs() {
    long base = Math.min(maxMs, minMs << Math.min(attempt, 20));
    attempt++;
    double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
    return Math.max(1, Math.round(base * jitter));
  }

  /** How many delays were handed out since the last success. */
  public int failures() {
    return attempt;
  }

  public void reset() {
    attempt = 0;
  }
}
