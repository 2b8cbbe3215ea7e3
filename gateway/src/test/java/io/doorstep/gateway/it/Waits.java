package io.doorstep.gateway.it;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for something a user would see, with a generous limit: no timing is asserted. */
final class Waits {
  private Waits() {}

  static void until(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("gave up waiting until " + what + " (" + limit.toSeconds() + " s)");
      }
      Thread.sleep(20);
    }
  }
}
