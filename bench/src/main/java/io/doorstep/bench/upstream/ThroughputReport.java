package io.doorstep.bench.upstream;

import io.doorstep.bench.verify.Memory;
import java.util.List;
import java.util.Locale;

/** The throughput run as Markdown. */
final class ThroughputReport {
  static final double GOAL_EVENTS_PER_S = 5000;
  static final double GOAL_HEAP_MB = 128;

  private ThroughputReport() {}

  static String markdown(UpstreamOptions o, UpstreamBench.Window gw, UpstreamBench.Window floor, Memory memory,
      double backlogBefore, double backlogAfter, double catchUpS, long offered, List<byte[]> bodies) {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "- Load: %d face terminals upload passages they decided alone (`up/record`, %d"
        + " records a message, QoS 1) to the estate's Mosquitto at %,d events/s, open loop; the gateway decides each"
        + " again, stores it (and its outbox row, by the trigger) and answers `record-ack`. %d s warm-up, then %d s"
        + " measured.%n", o.terminals(), RecordLoad.PER_MESSAGE, o.rate(), o.warmupS(), o.durationS()));
    s.append("- Platform: a second Mosquitto; a Paho subscriber (QoS 1) on `v1/gateway/telemetry` counts entries and"
        + " distinct `eventId`s.\n");
    s.append(String.format(Locale.ROOT, "- Floor, in the same run after the gateway stopped: a bare Paho publisher"
        + " sending %d of the bodies the gateway sent (mean %,.0f B) round and round, QoS 1, at most %d"
        + " unacknowledged, through the same Mosquitto to the same subscriber, %d s after %d s of warm-up.%n%n",
        bodies.size(), bodies.stream().mapToInt(b -> b.length).average().orElse(0), o.maxInFlight(), o.durationS(),
        o.warmupS()));
    s.append("| path | acknowledged upstream, events/s | received, entries/s | received, distinct events/s"
        + " | messages/s | mean body B | CPU % gateway | CPU % both brokers | CPU % bench JVM | CPU % everything else |\n");
    s.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (UpstreamBench.Window w : List.of(floor, gw)) {
      s.append(String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | %s | %,.1f | %,.0f | %s | %.0f | %.0f | %.0f |%n",
          w.path(), w.ackedPerS(), w.entriesPerS(), w == floor ? "(repeats by design)" : fmt(w.uniquePerS()),
          w.messagesPerS(), w.meanBodyBytes(), w == floor ? "—" : String.format(Locale.ROOT, "%.0f", w.gatewayCpu()),
          w.brokersCpu(), w.benchCpu(), w.othersCpu()));
    }
    s.append(String.format(Locale.ROOT, "%nOffered in the window: %,d events (%,.0f/s). Backlog on `/metrics` at the"
        + " window's start %,.0f, at its end %,.0f; emptied %s after the load stopped.%n%n",
        offered, offered / gw.seconds(), backlogBefore, backlogAfter,
        Double.isNaN(catchUpS) ? "not within 120 s" : String.format(Locale.ROOT, "within %.0f s", catchUpS)));
    s.append("| gateway memory under load | heap used max MB | old gen max MB | heap bound MB | heap committed MB | RSS max MB |\n");
    s.append("|---|---:|---:|---:|---:|---:|\n");
    s.append(String.format(Locale.ROOT, "| %d heap readings, RSS every second | %s | %s | %s | %s | %s |%n%n",
        memory.heapSamples(), mb(memory.heapUsedBytes()), mb(memory.oldUsedBytes()), mb(memory.heapBoundBytes()),
        mb(memory.heapCommittedBytes()), mb(memory.rssBytes())));
    boolean rateMet = gw.ackedPerS() >= GOAL_EVENTS_PER_S && gw.uniquePerS() >= GOAL_EVENTS_PER_S;
    s.append(String.format(Locale.ROOT, "- Sustained: %,.0f events/s acknowledged upstream, %,.0f distinct/s received"
        + " (floor %,.0f entries/s); goal ≥ %,.0f: %s.%n", gw.ackedPerS(), gw.uniquePerS(), floor.entriesPerS(),
        GOAL_EVENTS_PER_S, rateMet ? "met" : "**not met**"));
    double bound = memory.heapBoundBytes() / 1048576.0;
    s.append(String.format(Locale.ROOT, "- Heap: at most %s MB in use when read, at most %s MB possible between"
        + " readings (young generation full plus the largest old generation); goal ≤ %.0f MB: %s.%n",
        mb(memory.heapUsedBytes()), mb(memory.heapBoundBytes()), GOAL_HEAP_MB,
        memory.heapBoundBytes() < 0 ? "unknown" : bound <= GOAL_HEAP_MB ? "met" : "**not met**"));
    return s.toString();
  }

  static String mb(long bytes) {
    return bytes < 0 ? "—" : String.format(Locale.ROOT, "%.1f", bytes / 1048576.0);
  }

  static String fmt(double v) {
    return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%,.0f", v);
  }
}
