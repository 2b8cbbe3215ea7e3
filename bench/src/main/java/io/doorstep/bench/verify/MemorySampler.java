package io.doorstep.bench.verify;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps the gateway's highest heap and RSS while load runs. RSS comes from /proc once a second
 * at no cost to the gateway. The heap needs a {@code /metrics} scrape, which the gateway serves
 * on an event loop that verifications also use, so it is read only every 5 s (a Prometheus
 * scrape is usually 15 s or more): reading it every second added several milliseconds to the
 * p99 at 500/s. {@link Memory#heapBoundBytes()} covers what the readings may miss.
 */
public final class MemorySampler implements AutoCloseable {
  static final int HEAP_EVERY_S = 5;

  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "bench-memory-sampler");
    t.setDaemon(true);
    return t;
  });
  private final AtomicReference<Memory> peak = new AtomicReference<>(Memory.NONE);

  public MemorySampler(GatewayProbe probe, long pid) {
    timer.scheduleAtFixedRate(() -> keep(Memory.rss(pid)), 0, 1, TimeUnit.SECONDS);
    timer.scheduleAtFixedRate(() -> keep(Memory.sample(probe, pid)), HEAP_EVERY_S, HEAP_EVERY_S, TimeUnit.SECONDS);
  }

  private void keep(Memory now) {
    peak.accumulateAndGet(now, Memory::max);
  }

  public Memory peak() {
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
