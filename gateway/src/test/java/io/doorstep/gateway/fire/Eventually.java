package io.doorstep.gateway.fire;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Waits for what a user would see, with a generous limit: no timing is asserted. */
public final class Eventually {
  private static final Duration LIMIT = Duration.ofSeconds(30);

  private Eventually() {}

  public static void until(String what, Callable<Boolean> condition) throws Exception {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (!condition.call()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("gave up waiting until " + what);
      }
      Thread.sleep(10);
    }
  }
}
