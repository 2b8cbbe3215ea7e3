package io.doorstep.bench.verify;

/**
 * The gateway's memory at one moment, or the highest of each figure over a span; -1 where unknown.
 *
 * @param heapUsedBytes      heap in use when read: live data and garbage not yet collected
 * @param youngCommittedBytes eden and survivor space as committed
 * @param oldUsedBytes       old generation in use; it only shrinks at a major collection
 * @param heapCommittedBytes heap the JVM has taken from the system; with no -Xms it starts at
 *                           1/64 of the machine's memory, capped by -Xmx, so on a large machine
 *                           it says more about the JVM's sizing than about the gateway
 * @param rssBytes           resident set size as the kernel reports it
 * @param heapSamples        how many readings of {@code /metrics} the heap figures come from
 */
public record Memory(long heapUsedBytes, long youngCommittedBytes, long oldUsedBytes, long heapCommittedBytes,
    long rssBytes, int heapSamples) {

  public static final Memory NONE = new Memory(-1, -1, -1, -1, -1, 0);

  /** Heap from {@code /metrics} (a scrape, which the gateway serves on an event loop) and RSS. */
  public static Memory sample(GatewayProbe probe, long pid) {
    String m = probe.metrics();
    if (m == null) {
      return rss(pid);
    }
    return new Memory(bytes(PrometheusText.heapUsedBytes(m)), bytes(PrometheusText.youngCommittedBytes(m)),
        bytes(PrometheusText.oldUsedBytes(m)), bytes(PrometheusText.heapCommittedBytes(m)), ProcStatus.rssBytes(pid), 1);
  }

  /** RSS alone: read from /proc, it costs the gateway nothing. */
  static Memory rss(long pid) {
    return new Memory(-1, -1, -1, -1, ProcStatus.rssBytes(pid), 0);
  }

  /**
   * The most heap that can have been in use between readings: the young generation full, plus
   * the old generation at its largest (it grows between readings and shrinks only at a major
   * collection). Readings every few seconds can miss the moment just before a young collection;
   * this bound cannot.
   */
  public long heapBoundBytes() {
    return youngCommittedBytes < 0 || oldUsedBytes < 0 ? -1 : youngCommittedBytes + oldUsedBytes;
  }

  /** The higher of each figure, as the peak of two spans. */
  Memory max(Memory other) {
    return new Memory(Math.max(heapUsedBytes, other.heapUsedBytes),
        Math.max(youngCommittedBytes, other.youngCommittedBytes), Math.max(oldUsedBytes, other.oldUsedBytes),
        Math.max(heapCommittedBytes, other.heapCommittedBytes), Math.max(rssBytes, other.rssBytes),
        heapSamples + other.heapSamples);
  }

  private static long bytes(double value) {
    return Double.isNaN(value) ? -1 : (long) value;
  }
}
