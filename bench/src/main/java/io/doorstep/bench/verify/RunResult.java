package io.doorstep.bench.verify;

import org.HdrHistogram.Histogram;

/**
 * One measured run: one path at one rate.
 *
 * @param latency        nanoseconds from the moment each verification was due to the moment
 *                       its terminal had the outcome; a local fallback counts with the time the
 *                       terminal waited before deciding alone
 * @param sent           measured verifications sent (warm-up excluded)
 * @param answered       of those, answered in time by the other side
 * @param localFallbacks of those, decided by the terminal alone after 800 ms without an answer
 * @param failed         of those, with no outcome at all (terminal closed, run cut short)
 * @param maxLateNanos   the latest any send left after it was due: the load generator's own
 *                       delay, already inside the latencies
 * @param memory         the gateway's peak while the run lasted; {@link Memory#NONE} for the floor
 * @param usage          CPU and the load generator's pauses over the run, warm-up included
 * @param terminals      what happened to the terminals over the run, warm-up included; null
 *                       when not watched
 */
record RunResult(String path, int rate, int seconds, Histogram latency, long sent, long answered,
    long localFallbacks, long failed, long opens, long denies, long maxLateNanos, Memory memory,
    Usage usage, TerminalWatch.Findings terminals) {

  static final String FLOOR = "floor (echo)";
  static final String GATEWAY = "gateway";

  double percentileMs(double percentile) {
    return latency.getTotalCount() == 0 ? Double.NaN : latency.getValueAtPercentile(percentile) / 1e6;
  }

  double maxMs() {
    return latency.getTotalCount() == 0 ? Double.NaN : latency.getMaxValue() / 1e6;
  }

  long samples() {
    return latency.getTotalCount();
  }

  RunResult withMemory(Memory peak) {
    return new RunResult(path, rate, seconds, latency, sent, answered, localFallbacks, failed, opens, denies,
        maxLateNanos, peak, usage, terminals);
  }

  RunResult withUsage(Usage measured) {
    return new RunResult(path, rate, seconds, latency, sent, answered, localFallbacks, failed, opens, denies,
        maxLateNanos, memory, measured, terminals);
  }

  RunResult withTerminals(TerminalWatch.Findings watched) {
    return new RunResult(path, rate, seconds, latency, sent, answered, localFallbacks, failed, opens, denies,
        maxLateNanos, memory, usage, watched);
  }
}
