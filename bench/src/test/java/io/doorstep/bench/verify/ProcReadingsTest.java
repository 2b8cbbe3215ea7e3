package io.doorstep.bench.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The figures read from /metrics and /proc, on captured text. */
class ProcReadingsTest {

  private static final String METRICS = String.join("\n",
      "# HELP jvm_memory_used_bytes The amount of used memory",
      "# TYPE jvm_memory_used_bytes gauge",
      "jvm_memory_used_bytes{area=\"heap\",id=\"Eden Space\"} 1.2E7",
      "jvm_memory_used_bytes{area=\"heap\",id=\"Survivor Space\"} 1000000.0",
      "jvm_memory_used_bytes{area=\"heap\",id=\"Tenured Gen\"} 8000000.0",
      "jvm_memory_used_bytes{area=\"nonheap\",id=\"Metaspace\"} 3.5E7",
      "jvm_memory_used_bytes_total{area=\"heap\"} 99.0",
      "jvm_memory_committed_bytes{area=\"heap\",id=\"Eden Space\"} 4.4E7",
      "jvm_memory_committed_bytes{area=\"heap\",id=\"Survivor Space\"} 5000000.0",
      "jvm_memory_committed_bytes{area=\"heap\",id=\"Tenured Gen\"} 1.11E8",
      "jvm_memory_committed_bytes{area=\"nonheap\",id=\"Metaspace\"} 2.3E7",
      "");

  @Test
  void heapIsEveryHeapPoolAndNothingElse() {
    assertEquals(21_000_000, PrometheusText.heapUsedBytes(METRICS), 0.5);
  }

  @Test
  void committedHeapIsReadTheSameWay() {
    assertEquals(44_000_000 + 5_000_000 + 111_000_000, PrometheusText.heapCommittedBytes(METRICS), 0.5);
  }

  @Test
  void youngAndOldGenerationsAreToldApartByPoolName() {
    assertEquals(44_000_000 + 5_000_000, PrometheusText.youngCommittedBytes(METRICS), 0.5);
    assertEquals(8_000_000, PrometheusText.oldUsedBytes(METRICS), 0.5);
  }

  @Test
  void aMissingMetricIsUnknownRatherThanZero() {
    assertTrue(Double.isNaN(PrometheusText.heapUsedBytes("# nothing here\n")));
  }

  @Test
  void rssComesInKilobytes() {
    String status = "Name:\tjava\nVmHWM:\t  190000 kB\nVmRSS:\t  181236 kB\nThreads:\t52\n";

    assertEquals(181_236L * 1024, ProcStatus.parseKb(status, "VmRSS:"));
    assertEquals(190_000L * 1024, ProcStatus.parseKb(status, "VmHWM:"));
    assertEquals(-1, ProcStatus.parseKb(status, "VmSwap:"));
  }

  @Test
  void cpuTimeIsUserPlusSystemEvenWhenTheNameHasSpacesAndParentheses() {
    String stat = "4242 (java (main) x) S 1 4242 1 0 -1 4194560 100 0 0 0 250 30 0 0 20 0 40 0 9 1 2 3";

    assertEquals(280L * 10_000_000, ProcStatus.parseCpuNanos(stat));
  }

  @Test
  void theMachineIsBusyInEverythingButIdleAndIoWait() {
    String stat = "cpu  100 2 30 5000 40 5 6 7 0 0\ncpu0 50 1 15 2500 20 2 3 3 0 0\n";

    assertEquals((100 + 2 + 30 + 5 + 6 + 7) * 10_000_000L, ProcStatus.parseMachineBusyNanos(stat));
  }
}
