package io.doorstep.bench.verify;

/**
 * When each verification of an open-loop run is due, and at which terminal.
 *
 * <p>Send i is due at {@code i / rate} seconds after the start, whatever happened to the sends
 * before it. A closed loop (send, wait for the answer, send again) would slow down exactly when
 * the system under test stalls and so leave the stall out of the figures (coordinated
 * omission); here a stall shows up in every request that falls due during it. Times are
 * computed from the index, not by adding an interval, so a long run does not drift.
 */
public record PacingSchedule(int ratePerSecond, int terminals, long warmupNanos, long measuredNanos) {

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  public PacingSchedule {
    if (ratePerSecond < 1 || terminals < 1 || warmupNanos < 0 || measuredNanos < 1) {
      throw new IllegalArgumentException("rate, terminals and duration must be positive");
    }
    // i * 1e9 must stay within a long for every send: a run of up to a day at 10,000/s does.
    if (warmupNanos + measuredNanos > 86_400 * NANOS_PER_SECOND || ratePerSecond > 10_000) {
      throw new IllegalArgumentException("at most a day at up to 10,000/s");
    }
  }

  public static PacingSchedule ofSeconds(int ratePerSecond, int terminals, int warmupS, int measuredS) {
    return new PacingSchedule(ratePerSecond, terminals, warmupS * NANOS_PER_SECOND,
        measuredS * NANOS_PER_SECOND);
  }

  /** Sends in the whole run, warm-up included. */
  public long total() {
    return Math.floorDiv((warmupNanos + measuredNanos) * ratePerSecond, NANOS_PER_SECOND);
  }

  /** Nanoseconds after the run's start at which send {@code i} is due. */
  public long dueNanos(long i) {
    return i * NANOS_PER_SECOND / ratePerSecond;
  }

  /** Round robin, so each terminal carries rate / terminals and none is idle. */
  public int terminalOf(long i) {
    return (int) (i % terminals);
  }

  /** Sends during the warm-up are made but not counted. */
  public boolean measured(long i) {
    return dueNanos(i) >= warmupNanos;
  }
}
