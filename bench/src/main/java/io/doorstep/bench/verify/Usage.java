package io.doorstep.bench.verify;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * Where the machine's time went during one run: CPU of the three processes on the path and of
 * everything else on the machine, as a share of one core, and the load generator's own
 * garbage-collection pauses, which land in the latencies of both paths alike. "Others" is what
 * tells a clean run from one that shared the machine.
 */
record Usage(double generatorCpuPercent, double brokerCpuPercent, double responderCpuPercent,
    double othersCpuPercent, long generatorGcPauses, long generatorGcMs, long generatorGcLongestMs) {

  static final Usage NONE = new Usage(Double.NaN, Double.NaN, Double.NaN, Double.NaN, -1, -1, -1);

  /** Anything else busy for more than a tenth of a core makes the figures suspect. */
  boolean machineShared() {
    return othersCpuPercent > 10;
  }

  /** Readings at the start of a run; {@link #done()} turns them into the run's usage. */
  static final class Meter {
    private final long brokerPid;
    private final long responderPid;
    private final long startNanos = System.nanoTime();
    private final long generatorCpu = ProcStatus.cpuNanos(ProcessHandle.current().pid());
    private final long brokerCpu;
    private final long responderCpu;
    private final long machineBusy = ProcStatus.machineBusyNanos();
    private final long[] gc = gcTotals();

    Meter(long brokerPid, long responderPid) {
      GcPauses.takeLongestMs();
      this.brokerPid = brokerPid;
      this.responderPid = responderPid;
      this.brokerCpu = ProcStatus.cpuNanos(brokerPid);
      this.responderCpu = ProcStatus.cpuNanos(responderPid);
    }

    Usage done() {
      double wall = System.nanoTime() - startNanos;
      long[] gcNow = gcTotals();
      double generator = share(generatorCpu, ProcStatus.cpuNanos(ProcessHandle.current().pid()), wall);
      double broker = share(brokerCpu, ProcStatus.cpuNanos(brokerPid), wall);
      double responder = share(responderCpu, ProcStatus.cpuNanos(responderPid), wall);
      double machine = share(machineBusy, ProcStatus.machineBusyNanos(), wall);
      // Kernel work on behalf of the three (network stack in softirq) is counted as theirs only
      // partly, so "others" can show a few percent on a quiet machine.
      double others = Math.max(0, machine - generator - broker - responder);
      return new Usage(generator, broker, responder, others, gcNow[0] - gc[0], gcNow[1] - gc[1],
          GcPauses.takeLongestMs());
    }

    private static double share(long before, long after, double wallNanos) {
      return before < 0 || after < 0 ? Double.NaN : 100.0 * (after - before) / wallNanos;
    }

    private static long[] gcTotals() {
      long count = 0;
      long ms = 0;
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        count += Math.max(0, gc.getCollectionCount());
        ms += Math.max(0, gc.getCollectionTime());
      }
      return new long[] {count, ms};
    }
  }
}
