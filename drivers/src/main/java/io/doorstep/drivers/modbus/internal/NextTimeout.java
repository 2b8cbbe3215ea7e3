package io.doorstep.drivers.modbus.internal;

import com.digitalpetri.modbus.TimeoutScheduler;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Gives each request its own time-out. The library's client takes one time-out for all
 * requests, but a 125-register read at 9600 baud needs four times longer than a write. The line
 * sets the next request's time-out just before sending it; with one request in flight per line
 * nothing can come between the two calls, and the client's own time-out handling (dropping the
 * pending answer, resetting the frame parser) stays in charge.
 */
final class NextTimeout implements TimeoutScheduler {
  private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "modbus-timeouts");
    t.setDaemon(true);
    return t;
  });

  private volatile long nextMs = 1000;

  void next(long timeoutMs) {
    nextMs = timeoutMs;
  }

  @Override
  public TimeoutHandle newTimeout(Task task, long ignoredDelay, TimeUnit ignoredUnit) {
    Handle handle = new Handle();
    handle.future = TIMER.schedule(() -> task.run(handle), nextMs, TimeUnit.MILLISECONDS);
    return handle;
  }

  private static final class Handle implements TimeoutHandle {
    volatile ScheduledFuture<?> future;

    @Override
    public void cancel() {
      ScheduledFuture<?> f = future;
      if (f != null) {
        f.cancel(false);
      }
    }

    @Override
    public boolean isCancelled() {
      ScheduledFuture<?> f = future;
      return f != null && f.isCancelled();
    }
  }
}
