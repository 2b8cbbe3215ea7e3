package io.doorstep.drivers.gpio;

import java.util.function.BooleanSupplier;

/** Waiting for an outcome, never for a duration: the limit only keeps a broken test from hanging. */
final class Waits {
  private static final long LIMIT_MS = 15_000;

  private Waits() {}

  static void until(String what, BooleanSupplier condition) {
    long end = System.currentTimeMillis() + LIMIT_MS;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > end) {
        throw new AssertionError("never happened: " + what);
      }
      sleep(5);
    }
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
