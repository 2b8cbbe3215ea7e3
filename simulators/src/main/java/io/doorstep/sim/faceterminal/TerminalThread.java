package io.doorstep.sim.faceterminal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The one thread that owns a terminal's state, and the ways to hand it work. One owner
 * means no locks in the protocol classes; timers run on the same thread, so a timeout and
 * the answer it races with can never interleave.
 */
final class TerminalThread {

  private final String sn;
  private final ScheduledExecutorService executor;
  private final Thread thread;

  TerminalThread(String sn) {
    this.sn = sn;
    this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "ft-sim-" + sn);
      t.setDaemon(true);
      return t;
    });
    this.thread = call(Thread::currentThread);
  }

  ScheduledExecutorService executor() {
    return executor;
  }

  void run(Runnable task) {
    call(() -> {
      task.run();
      return null;
    });
  }

  /** Runs the task on the terminal's thread and waits; runs it in place if already there. */
  <T> T call(Supplier<T> task) {
    if (Thread.currentThread() == thread) {
      return task.get();
    }
    try {
      return executor.submit(task::get).get(10, TimeUnit.SECONDS);
    } catch (RejectedExecutionException e) {
      throw new IllegalStateException(sn + ": terminal is closed");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException(sn + ": terminal thread is stuck", e);
    }
  }

  /** Starts an asynchronous task on the terminal's thread without waiting for it. */
  <T> CompletableFuture<T> submit(Supplier<CompletableFuture<T>> task) {
    CompletableFuture<T> result = new CompletableFuture<>();
    try {
      executor.execute(() -> {
        try {
          task.get().whenComplete((v, e) -> {
            if (e != null) {
              result.completeExceptionally(e);
            } else {
              result.complete(v);
            }
          });
        } catch (RuntimeException e) {
          result.completeExceptionally(e);
        }
      });
    } catch (RejectedExecutionException e) {
      result.completeExceptionally(new IllegalStateException(sn + ": terminal is closed"));
    }
    return result;
  }

  void shutdown() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
