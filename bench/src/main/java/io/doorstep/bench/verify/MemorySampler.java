package io.doorstep.bench.verify;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads the gateway's heap and RSS once a second while load runs and keeps the highest. Once a
 * second is what a Prometheus scrape would cost the gateway, and the figures include that cost.
 */
final class MemorySampler implements AutoCloseable {
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "bench-memory-sampler");
    t.setDaemon(true);
    return t;
  });
  private final AtomicReference<Memory> peak = new AtomicReference<>(Memory.NONE);

  MemorySampler(GatewayProbe probe, long pid) {
    timer.scheduleAtFixedRate(() -> {
      Memory now = Memory.sample(probe, pid);
      peak.accumulateAndGet(now, Memory::max);
    }, 0, 1, TimeUnit.SECONDS);
  }

  Memory peak() {
    return peak.get();
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
