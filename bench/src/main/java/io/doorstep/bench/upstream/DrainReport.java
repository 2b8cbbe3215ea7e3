package io.doorstep.bench.upstream;

import io.doorstep.bench.verify.Memory;
import java.util.Locale;

/** The drain run as Markdown. */
final class DrainReport {
  static final double GOAL_P99_MS = 20;

  /** What the drain run found; filled as it goes. */
  static final class Findings {
    Prefill.Result fill;
    double backlogAtStart;
    SteadyVerify.Window noDrain;
    SteadyVerify.Window during;
    double noDrainGatewayCpu;
    double drainGatewayCpu;
    double sinceBrokerUpS;
    double sinceFirstEntryS;
    double firstEntryAfterS;
    double sentTotal;
    double backlogAfter;
    PlatformSubscriber.Counts received;
    Memory memory = Memory.NONE;
  }

  private DrainReport() {}

  static String markdown(UpstreamOptions o, Findings f) {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "- Backlog: %,d copies of passage events the gateway recorded in a first"
        + " start (%d distinct payloads, mean %.0f B), inserted into `events` of its stopped store with JDBC batches"
        + " of 50,000 (synchronous=OFF for the fill only) in %.1f s; the gateway's trigger put %,d of them in the"
        + " outbox. The gateway then started with the platform's broker down and showed a backlog of %,.0f.%n",
        f.fill.events(), f.fill.templates(), f.fill.meanPayloadBytes(), f.fill.seconds(), f.fill.outboxRows(),
        f.backlogAtStart));
    s.append(String.format(Locale.ROOT, "- Verification load: %d terminals, %d/s, open loop, as `bench verify`"
        + " (latency from due to answer). No drain (floor): %d s after %d s of warm-up, with the platform's broker"
        + " down. During the drain: from the broker's start until the subscriber had every pre-filled event.%n%n",
        o.terminals(), o.verifyRate(), o.floorS(), o.warmupS()));
    s.append("| drain | events | s from the broker's start | events/s | s from the first entry received"
        + " | events/s | first entry after, s |\n|---|---:|---:|---:|---:|---:|---:|\n");
    s.append(String.format(Locale.ROOT, "| pre-filled backlog | %,d | %.1f | %,.0f | %.1f | %,.0f | %.1f |%n%n",
        f.fill.events(), f.sinceBrokerUpS, f.fill.events() / f.sinceBrokerUpS, f.sinceFirstEntryS,
        f.fill.events() / f.sinceFirstEntryS, f.firstEntryAfterS));
    if (f.received != null) {
      s.append(String.format(Locale.ROOT, "Subscriber: %,d messages, %,d entries, %,d distinct events (of them %,d"
          + " pre-filled), mean body %,.0f B; the gateway's `doorstep_upstream_sent_total` %,.0f; backlog empty on"
          + " `/metrics` %s after the last pre-filled event arrived.%n%n", f.received.messages(), f.received.entries(),
          f.received.unique(), f.received.prefixed(),
          f.received.messages() == 0 ? 0 : f.received.bytes() / (double) f.received.messages(), f.sentTotal,
          Double.isNaN(f.backlogAfter) ? "not within 60 s" : String.format(Locale.ROOT, "within %.0f s", f.backlogAfter)));
    }
    s.append("| verification at " + o.verifyRate() + "/s | samples | p50 ms | p99 ms | p99.9 ms | max ms"
        + " | local fallbacks | no outcome | gateway CPU % |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    row(s, "no drain (floor)", f.noDrain, f.noDrainGatewayCpu);
    row(s, "during the drain", f.during, f.drainGatewayCpu);
    s.append(String.format(Locale.ROOT, "%nGateway memory over both windows: heap used max %s MB, old gen max %s MB,"
        + " bound %s MB, RSS max %s MB (%d heap readings).%n%n", ThroughputReport.mb(f.memory.heapUsedBytes()),
        ThroughputReport.mb(f.memory.oldUsedBytes()), ThroughputReport.mb(f.memory.heapBoundBytes()),
        ThroughputReport.mb(f.memory.rssBytes()), f.memory.heapSamples()));
    double p99 = f.during.percentileMs(99);
    s.append(String.format(Locale.ROOT, "- Drain rate: %,.0f events/s (from the broker's start); %,d events in %.1f s.%n",
        f.fill.events() / f.sinceBrokerUpS, f.fill.events(), f.sinceBrokerUpS));
    s.append(String.format(Locale.ROOT, "- Verification p99 during the drain: %.2f ms (no drain: %.2f ms); goal ≤ %.0f"
        + " ms: %s.%n", p99, f.noDrain.percentileMs(99), GOAL_P99_MS, p99 <= GOAL_P99_MS ? "met" : "**not met**"));
    return s.toString();
  }

  private static void row(StringBuilder s, String name, SteadyVerify.Window w, double cpu) {
    s.append(String.format(Locale.ROOT, "| %s | %,d | %.2f | %.2f | %.2f | %.2f | %d | %d | %.0f |%n", name,
        w.histogram().getTotalCount(), w.percentileMs(50), w.percentileMs(99), w.percentileMs(99.9), w.maxMs(),
        w.local(), w.failed(), cpu));
  }
}
