package io.doorstep.drivers.mqtt;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential back-off with jitter. The jitter matters when many gateways (or many terminals)
 * lost the same broker at once: without it they all knock again in the same millisecond.
 */
final class Backoff {
  private final long minMs;
  private final long maxMs;
  private int attempt;

  Backoff(Duration min, Duration max) {
    this.minMs = Math.max(1, min.toMillis());
    this.maxMs = Math.max(minMs, max.toMillis());
  }

  /** The delay before the next attempt: doubles each time up to the maximum, ±20 %. */
  long nextDelayMs() {
    long base = Math.min(maxMs, minMs << Math.min(attempt, 20));
    attempt++;
    double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
    return Math.max(1, Math.round(base * jitter));
  }

  void reset() {
    attempt = 0;
  }
}
