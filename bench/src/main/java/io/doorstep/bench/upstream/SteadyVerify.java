package io.doorstep.bench.upstream;

import io.doorstep.bench.verify.Residents;
import io.doorstep.sim.faceterminal.FaceTerminalSimulator;
import io.doorstep.sim.faceterminal.VerifyOutcome;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The verification load of {@code bench verify} (open loop, round robin over the terminals, one
 * face in twenty a stranger's, latency from the moment a request was due to its answer at the
 * terminal, a local fallback counting with the 800 ms it waited), running until closed, so that
 * a window can be cut at any moment (the drain's end is not known beforehand).
 */
final class SteadyVerify implements AutoCloseable {
  /** One window: its histogram (ns) and counts. */
  record Window(Histogram histogram, long answered, long local, long failed, double seconds) {
    double percentileMs(double p) {
      return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(p) / 1e6;
    }

    double maxMs() {
      return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getMaxValue() / 1e6;
    }
  }

  private final List<FaceTerminalSimulator> terminals;
  private final Residents residents;
  private final int rate;
  private final Random random = new Random(50);
  private final Recorder recorder = new Recorder(3);
  private final AtomicLong answered = new AtomicLong();
  private final AtomicLong local = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong outstanding = new AtomicLong();
  private final Thread thread;
  private volatile boolean stop;
  private long windowStart;
  private long[] countsAtCut = new long[3];

  SteadyVerify(List<FaceTerminalSimulator> terminals, Residents residents, int rate) {
    this.terminals = List.copyOf(terminals);
    this.residents = residents;
    this.rate = rate;
    this.thread = new Thread(this::drive, "bench-steady-verify");
    thread.setDaemon(true);
  }

  SteadyVerify start() {
    windowStart = System.nanoTime();
    thread.start();
    return this;
  }

  /** Ends the current window and starts the next. */
  synchronized Window cut() {
    long now = System.nanoTime();
    Histogram h = recorder.getIntervalHistogram();
    long[] counts = {answered.get(), local.get(), failed.get()};
    Window w = new Window(h, counts[0] - countsAtCut[0], counts[1] - countsAtCut[1], counts[2] - countsAtCut[2],
        (now - windowStart) / 1e9);
    countsAtCut = counts;
    windowStart = now;
    return w;
  }

  private void drive() {
    long start = System.nanoTime();
    for (long i = 0; !stop; i++) {
      long due = start + Math.round(i * 1e9 / rate);
      long left;
      while ((left = due - System.nanoTime()) > 0 && !stop) {
        LockSupport.parkNanos(left);
      }
      if (stop) {
        return;
      }
      FaceTerminalSimulator t = terminals.get((int) (i % terminals.size()));
      String person = random.nextInt(20) == 0 ? null : residents.idAt(random.nextInt(residents.size()));
      double score = person == null ? 0.3 + random.nextDouble() * 0.3 : 0.88 + random.nextDouble() * 0.11;
      outstanding.incrementAndGet();
      t.presentFace(person, score, true, "pedestrian", i % 2 == 0 ? "in" : "out").whenComplete((outcome, e) -> {
        long done = System.nanoTime();
        outstanding.decrementAndGet();
        record(outcome, e, done - due);
      });
    }
  }

  private void record(VerifyOutcome outcome, Throwable e, long nanos) {
    if (e != null) {
      failed.incrementAndGet();
      return;
    }
    recorder.recordValue(nanos);
    (outcome.local() ? local : answered).incrementAndGet();
  }

  @Override
  public void close() throws InterruptedException {
    stop = true;
    thread.join(5000);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    while (outstanding.get() > 0 && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(10);
    }
  }
}
