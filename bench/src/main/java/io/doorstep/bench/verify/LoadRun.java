package io.doorstep.bench.verify;

import io.doorstep.sim.faceterminal.FaceTerminalSimulator;
import io.doorstep.sim.faceterminal.VerifyOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Recorder;

/**
 * Drives the terminals open loop: one pacing thread presents a face at the next terminal each
 * time a send falls due and never waits for an answer; each outcome is recorded on the
 * terminal's thread when it arrives.
 */
final class LoadRun {
  /** Longer than the terminals' 800 ms, so every send has its outcome before the run ends. */
  private static final Duration DRAIN = Duration.ofSeconds(3);
  /** One face in twenty is a stranger's, as at a real gate: the gateway refuses those. */
  private static final int STRANGER_EVERY = 20;

  private final List<FaceTerminalSimulator> terminals;
  private final Residents residents;
  private final Random random;
  private final Recorder recorder = new Recorder(3);
  private final AtomicLong outstanding = new AtomicLong();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong answered = new AtomicLong();
  private final AtomicLong local = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong opens = new AtomicLong();
  private final AtomicLong denies = new AtomicLong();

  private LoadRun(List<FaceTerminalSimulator> terminals, Residents residents, long seed) {
    this.terminals = List.copyOf(terminals);
    this.residents = residents;
    this.random = new Random(seed);
  }

  static RunResult run(String path, List<FaceTerminalSimulator> terminals, Residents residents,
      PacingSchedule schedule) throws InterruptedException {
    // The same seed for every path at a rate: floor and gateway see the same faces in the same order.
    return new LoadRun(terminals, residents, schedule.ratePerSecond()).drive(path, schedule);
  }

  private RunResult drive(String path, PacingSchedule schedule) throws InterruptedException {
    for (FaceTerminalSimulator t : terminals) {
      if (!t.isConnected()) {
        throw new IllegalStateException(t.sn() + " is not connected to the broker");
      }
    }
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
    long maxLate = 0;
    for (long i = 0, total = schedule.total(); i < total; i++) {
      long due = start + schedule.dueNanos(i);
      sleepUntil(due);
      boolean measured = schedule.measured(i);
      if (measured) {
        maxLate = Math.max(maxLate, System.nanoTime() - due);
      }
      present(terminals.get(schedule.terminalOf(i)), due, measured, i);
    }
    drain();
    return new RunResult(path, schedule.ratePerSecond(), (int) (schedule.measuredNanos() / 1_000_000_000L),
        recorder.getIntervalHistogram(), sent.get(), answered.get(), local.get(), failed.get(), opens.get(),
        denies.get(), maxLate, Memory.NONE, Usage.NONE, null);
  }

  private void present(FaceTerminalSimulator terminal, long due, boolean measured, long i) {
    String personId = random.nextInt(STRANGER_EVERY) == 0 ? null : residents.idAt(random.nextInt(residents.size()));
    double score = personId == null ? 0.3 + random.nextDouble() * 0.3 : 0.88 + random.nextDouble() * 0.11;
    outstanding.incrementAndGet();
    if (measured) {
      sent.incrementAndGet();
    }
    terminal.presentFace(personId, score, true, "pedestrian", i % 2 == 0 ? "in" : "out")
        .whenComplete((outcome, error) -> {
          long done = System.nanoTime();
          outstanding.decrementAndGet();
          if (measured) {
            record(outcome, error, done - due);
          }
        });
  }

  private void record(VerifyOutcome outcome, Throwable error, long latencyNanos) {
    if (error != null) {
      failed.incrementAndGet();
      return;
    }
    recorder.recordValue(latencyNanos);
    (outcome.local() ? local : answered).incrementAndGet();
    (outcome.opened() ? opens : denies).incrementAndGet();
  }

  private void drain() throws InterruptedException {
    long deadline = System.nanoTime() + DRAIN.toNanos();
    while (outstanding.get() > 0 && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(10);
    }
    // Still open after the drain: the last sends, all measured; they count as failed, not lost.
    failed.addAndGet(outstanding.get());
  }

  private static void sleepUntil(long due) {
    long left;
    while ((left = due - System.nanoTime()) > 0) {
      LockSupport.parkNanos(left);
    }
  }
}
