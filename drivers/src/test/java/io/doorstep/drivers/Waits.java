package io.doorstep.drivers;

import io.vertx.core.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/** Waiting for an outcome, never for a duration: the limit only keeps a broken test from hanging. */
public final class Waits {
  private static final long LIMIT_MS = 15_000;

  private Waits() {}

  public static void until(String what, BooleanSupplier condition) {
    long end = System.currentTimeMillis() + LIMIT_MS;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > end) {
        throw new AssertionError("never happened: " + what);
      }
      sleep(5);
    }
  }

  public static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** The future's value, or its failure thrown as is. */
  public static <T> T await(Future<T> future) throws Throwable {
    try {
      return future.toCompletionStage().toCompletableFuture().get(LIMIT_MS, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw e.getCause();
    } catch (TimeoutException e) {
      throw new AssertionError("never completed");
    }
  }

  /** The failure the future completes with. */
  public static Throwable failure(Future<?> future) {
    try {
      await(future);
    } catch (Throwable t) {
      return t;
    }
    throw new AssertionError("succeeded, a failure was expected");
  }
}
