package io.doorstep.bench.verify;

/**
 * The gateway's memory at one moment, or the highest seen over a run.
 *
 * @param heapUsedBytes heap in use as the JVM reports it (live data and garbage not yet
 *                      collected), -1 when unknown
 * @param rssBytes      resident set size as the kernel reports it, -1 when unknown
 * @param samples       how many readings the figures come from
 */
record Memory(long heapUsedBytes, long rssBytes, int samples) {

  static final Memory NONE = new Memory(-1, -1, 0);

  static Memory sample(GatewayProbe probe, long pid) {
    String metrics = probe.metrics();
    double heap = metrics == null ? Double.NaN : PrometheusText.heapUsedBytes(metrics);
    return new Memory(Double.isNaN(heap) ? -1 : (long) heap, ProcStatus.rssBytes(pid), 1);
  }

  /** The higher of each figure, as the peak of two spans. */
  Memory max(Memory other) {
    return new Memory(Math.max(heapUsedBytes, other.heapUsedBytes), Math.max(rssBytes, other.rssBytes),
        samples + other.samples);
  }
}
