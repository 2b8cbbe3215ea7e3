package io.doorstep.bench.verify;

/**
 * The gateway's memory at one moment, or the highest seen over a run; -1 where unknown.
 *
 * @param heapUsedBytes      heap in use as the JVM reports it: live data and garbage not yet
 *                           collected
 * @param heapCommittedBytes heap the JVM has taken from the system; what the heap costs the
 *                           machine, and an upper bound of the used heap between readings
 * @param rssBytes           resident set size as the kernel reports it
 * @param heapSamples        how many readings of {@code /metrics} the heap figures come from
 */
record Memory(long heapUsedBytes, long heapCommittedBytes, long rssBytes, int heapSamples) {

  static final Memory NONE = new Memory(-1, -1, -1, 0);

  /** Heap from {@code /metrics} (a scrape, which the gateway serves on an event loop) and RSS. */
  static Memory sample(GatewayProbe probe, long pid) {
    String metrics = probe.metrics();
    double used = metrics == null ? Double.NaN : PrometheusText.heapUsedBytes(metrics);
    double committed = metrics == null ? Double.NaN : PrometheusText.heapCommittedBytes(metrics);
    return new Memory(orUnknown(used), orUnknown(committed), ProcStatus.rssBytes(pid), metrics == null ? 0 : 1);
  }

  /** RSS alone: read from /proc, it costs the gateway nothing. */
  static Memory rss(long pid) {
    return new Memory(-1, -1, ProcStatus.rssBytes(pid), 0);
  }

  /** The higher of each figure, as the peak of two spans. */
  Memory max(Memory other) {
    return new Memory(Math.max(heapUsedBytes, other.heapUsedBytes),
        Math.max(heapCommittedBytes, other.heapCommittedBytes), Math.max(rssBytes, other.rssBytes),
        heapSamples + other.heapSamples);
  }

  private static long orUnknown(double bytes) {
    return Double.isNaN(bytes) ? -1 : (long) bytes;
  }
}
