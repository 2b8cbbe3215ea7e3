package io.doorstep.gateway.store;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.doorstep.device.DeviceEvent;
import io.doorstep.device.Severity;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** What the store tests share: events, waiting for futures, and a way to keep the writer busy. */
final class StoreTesting {

  /** Only a guard against a hung test; no test depends on anything finishing within it. */
  private static final long PATIENCE_S = 60;

  private StoreTesting() {}

  static DeviceEvent event(String id) {
    return event(id, "door.opened");
  }

  static DeviceEvent event(String id, String kind) {
    return new DeviceEvent(id, 1_700_000_000_000L, "door-1", kind, Severity.INFO, new JsonObject().put("n", id));
  }

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(PATIENCE_S, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError("future failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      throw new AssertionError("future did not complete", e);
    }
  }

  static Throwable failure(Future<?> future) {
    try {
      future.toCompletionStage().toCompletableFuture().get(PATIENCE_S, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (InterruptedException | TimeoutException e) {
      throw new AssertionError("future did not complete", e);
    }
    return fail("expected the future to fail");
  }

  static void await(CountDownLatch latch) {
    try {
      assertTrue(latch.await(PATIENCE_S, TimeUnit.SECONDS), "latch not released");
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * Parks the writer inside an open transaction until the returned latch is counted down, so the
   * test decides what is queued together instead of racing the disk.
   */
  static CountDownLatch holdWriter(Store store) {
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    store.write(c -> {
      held.countDown();
      await(release);
      return null;
    });
    await(held);
    return release;
  }

  /** A connection the store knows nothing about, as an operator's shell would open one. */
  static Connection raw(Path file) throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
  }
}
