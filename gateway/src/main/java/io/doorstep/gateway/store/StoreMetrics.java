package io.doorstep.gateway.store;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/**
 * The writer's numbers. Meters live on a composite registry so the writer can record from its
 * first commit, before (or without) anyone binding a real registry.
 */
final class StoreMetrics {

  private final CompositeMeterRegistry meters = new CompositeMeterRegistry();
  private final AtomicLong commits = new AtomicLong();
  private final AtomicLong eventsWritten = new AtomicLong();
  private final AtomicLong failedWrites = new AtomicLong();
  private final DistributionSummary batchSizes;
  private final Timer commitTime;

  StoreMetrics(IntSupplier queueDepth) {
    Gauge.builder("doorstep.store.queue.depth", queueDepth, IntSupplier::getAsInt)
        .description("Writes waiting for the store writer")
        .register(meters);
    FunctionCounter.builder("doorstep.store.commits", commits, AtomicLong::get)
        .description("Transactions committed by the store writer")
        .register(meters);
    FunctionCounter.builder("doorstep.store.events.written", eventsWritten, AtomicLong::get)
        .description("Events newly added to the log (repeated ids not counted)")
        .register(meters);
    FunctionCounter.builder("doorstep.store.writes.failed", failedWrites, AtomicLong::get)
        .description("Writes that failed and were reported to their caller")
        .register(meters);
    batchSizes = DistributionSummary.builder("doorstep.store.batch.size")
        .description("Writes committed together in one transaction")
        .register(meters);
    commitTime = Timer.builder("doorstep.store.commit.duration")
        .description("Time from BEGIN to a durable COMMIT of one batch")
        .register(meters);
  }

  void bind(MeterRegistry registry) {
    meters.add(registry);
  }

  void committed(int writes, long events, long nanos) {
    commits.incrementAndGet();
    eventsWritten.addAndGet(events);
    batchSizes.record(writes);
    commitTime.record(nanos, TimeUnit.NANOSECONDS);
  }

  void failed() {
    failedWrites.incrementAndGet();
  }

  long commits() {
    return commits.get();
  }

  long eventsWritten() {
    return eventsWritten.get();
  }

  long failedWrites() {
    return failedWrites.get();
  }
}
