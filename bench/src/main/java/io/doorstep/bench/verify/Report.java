package io.doorstep.bench.verify;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The run's findings as a markdown section: what ran where, the tables, and the goals. */
final class Report {
  /** The goals. */
  static final int GOAL_RATE = 500;
  static final double GOAL_ADDED_P99_MS = 5.0;
  static final double GOAL_HEAP_MB = 128.0;
  static final double GOAL_READY_MS = 3000.0;

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final double MB = 1024.0 * 1024.0;

  private Report() {}

  static String markdown(Findings f) {
    StringBuilder md = new StringBuilder();
    VerifyOptions o = f.options();
    md.append("## Verify run, ").append(WHEN.format(f.at())).append("\n\n");
    md.append("`").append(f.command()).append("`\n\n");
    md.append("- Machine: ").append(f.machine().describe()).append(".\n");
    md.append(String.format(Locale.ROOT, "- Load: %d terminals, %,d residents, open loop; each row %d s warm-up "
        + "(not counted), then %d s measured.%n", o.terminals(), o.persons(), o.warmupS(), o.durationS()));
    md.append("- Gateway JVM: `").append(o.gatewayJavaOpts()).append("`; load generator JVM: `")
        .append(f.machine().benchJvmOptions()).append("`.\n\n");

    md.append("### Latency, from up/verify due to down/verify-result received\n\n");
    md.append(latencyTable(f)).append('\n');
    md.append(addedTable(f)).append('\n');
    md.append("### Start-up and memory of the gateway\n\n");
    md.append(memoryTable(f)).append('\n');
    md.append("### Goals\n\n");
    goals(f).forEach(line -> md.append("- ").append(line).append('\n'));
    md.append('\n');
    md.append("### Counts\n\n");
    md.append(countsTable(f)).append('\n');
    md.append("### Where the machine's time went (CPU as % of one core; the machine has ")
        .append(f.machine().cores()).append(" cores)\n\n");
    md.append(usageTable(f)).append('\n');
    return md.toString();
  }

  static String latencyTable(Findings f) {
    Table t = new Table("rate/s", "path", "samples", "p50 ms", "p99 ms", "p99.9 ms", "max ms", "local fallbacks");
    for (RunResult r : ordered(f)) {
      t.row(Integer.toString(r.rate()), r.path(), count(r.samples()), ms(r.percentileMs(50)),
          ms(r.percentileMs(99)), ms(r.percentileMs(99.9)), ms(r.maxMs()), count(r.localFallbacks()));
    }
    return t.render();
  }

  static String addedTable(Findings f) {
    Table t = new Table("rate/s", "gateway − floor at p50 ms", "at p99 ms", "at p99.9 ms");
    for (RunResult g : f.gateway()) {
      f.floorAt(g.rate()).ifPresent(fl -> t.row(Integer.toString(g.rate()),
          ms(g.percentileMs(50) - fl.percentileMs(50)), ms(g.percentileMs(99) - fl.percentileMs(99)),
          ms(g.percentileMs(99.9) - fl.percentileMs(99.9))));
    }
    return t.render();
  }

  static String memoryTable(Findings f) {
    Table t = new Table("when", "heap used MB", "old gen used MB", "heap bound MB", "heap committed MB", "RSS MB");
    memoryRow(t, "at rest, after start-up", f.atRest());
    for (RunResult g : f.gateway()) {
      memoryRow(t, "max under load, " + g.rate() + "/s (heap read " + g.memory().heapSamples()
          + " times, RSS every second)", g.memory());
    }
    memoryRow(t, "at rest, after the load", f.restAfterLoad());
    t.row("peak RSS over the gateway's life (VmHWM)", "", "", "", "", mb(f.peakRssBytes()));
    Table starts = new Table("start", "web port accepts, ms", "`/health` answers 200, ms",
        "`/health` reports the broker connected, ms");
    int n = 0;
    for (GatewayProcess.Startup s : f.startups()) {
      starts.row(Integer.toString(++n), ms0(s.listeningMs()), ms0(s.healthMs()), ms0(s.brokerConnectedMs()));
    }
    return "From the start of the process, polling every 10 ms; the last start carried the load.\n\n"
        + starts.render() + "\n" + t.render();
  }

  private static void memoryRow(Table t, String when, Memory m) {
    t.row(when, mb(m.heapUsedBytes()), mb(m.oldUsedBytes()), mb(m.heapBoundBytes()), mb(m.heapCommittedBytes()),
        mb(m.rssBytes()));
  }

  static String countsTable(Findings f) {
    Table t = new Table("rate/s", "path", "sent", "answered", "local", "no outcome", "opened", "refused",
        "sent late, max ms", "terminal reconnects", "late answers ignored");
    for (RunResult r : ordered(f)) {
      TerminalWatch.Findings w = r.terminals();
      t.row(Integer.toString(r.rate()), r.path(), count(r.sent()), count(r.answered()), count(r.localFallbacks()),
          count(r.failed()), count(r.opens()), count(r.denies()), ms(r.maxLateNanos() / 1e6),
          w == null ? "–" : count(w.reconnects()), w == null ? "–" : count(w.lateAnswersIgnored()));
    }
    return t.render();
  }

  static String usageTable(Findings f) {
    Table t = new Table("rate/s", "path", "CPU % load generator", "CPU % mosquitto", "CPU % echo or gateway",
        "CPU % everything else", "generator GC pauses", "generator GC ms", "generator longest GC ms");
    for (RunResult r : ordered(f)) {
      Usage u = r.usage();
      t.row(Integer.toString(r.rate()), r.path(), pct(u.generatorCpuPercent()), pct(u.brokerCpuPercent()),
          pct(u.responderCpuPercent()), pct(u.othersCpuPercent()), count(u.generatorGcPauses()),
          count(u.generatorGcMs()), count(u.generatorGcLongestMs()));
    }
    String warning = ordered(f).stream().anyMatch(r -> r.usage().machineShared())
        ? "\n**Other processes used more than a tenth of a core during at least one run: the machine was "
            + "shared, and the latencies above include waiting for it.**\n"
        : "";
    return t.render() + warning;
  }

  private static String pct(double value) {
    return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.0f", value);
  }

  /** One line per goal of the issue, each saying met or missed and by how much. */
  static List<String> goals(Findings f) {
    List<String> lines = new ArrayList<>();
    var gateway = f.gatewayAt(GOAL_RATE);
    var floor = f.floorAt(GOAL_RATE);
    if (gateway.isPresent() && floor.isPresent()) {
      double added = gateway.get().percentileMs(99) - floor.get().percentileMs(99);
      lines.add(String.format(Locale.ROOT, "Added at p99 at %d/s: %s ms (gateway %s, floor %s); goal at most %s ms: %s.",
          GOAL_RATE, ms(added), ms(gateway.get().percentileMs(99)), ms(floor.get().percentileMs(99)),
          ms0(GOAL_ADDED_P99_MS), verdict(added <= GOAL_ADDED_P99_MS, added - GOAL_ADDED_P99_MS, "ms")));
    } else {
      lines.add("Added at p99 at " + GOAL_RATE + "/s: not measured (no run at that rate).");
    }
    Memory peak = f.peakMemory();
    // Judged on the bound: a reading every few seconds can miss the top of the sawtooth.
    double heapMb = peak.heapBoundBytes() / MB;
    lines.add(String.format(Locale.ROOT, "Heap: at most %s MB in use when read, at most %s MB possible between "
        + "readings (young generation full plus the largest old generation); goal under %s MB: %s.",
        mb(peak.heapUsedBytes()), mb(peak.heapBoundBytes()), ms0(GOAL_HEAP_MB),
        verdict(peak.heapBoundBytes() >= 0 && heapMb < GOAL_HEAP_MB, heapMb - GOAL_HEAP_MB, "MB")));
    double ready = f.slowestReadyMs();
    lines.add(String.format(Locale.ROOT, "Ready (`/health` answers), slowest of %d starts: %s ms; goal under %s ms: %s.",
        f.startups().size(), ms0(ready), ms0(GOAL_READY_MS), verdict(ready < GOAL_READY_MS, ready - GOAL_READY_MS, "ms")));
    ordered(f).stream().filter(r -> r.terminals() != null && !r.terminals().clean(f.options().persons()))
        .forEach(r -> lines.add(String.format(Locale.ROOT, "The %s run at %d/s is **not valid**: the terminals were "
            + "disturbed (%s).", r.path(), r.rate(), r.terminals().describe())));
    ordered(f).stream().filter(r -> r.usage().machineShared()).forEach(r -> lines.add(String.format(Locale.ROOT,
        "The %s run at %d/s shared the machine: other processes used %.0f%% of a core.", r.path(), r.rate(),
        r.usage().othersCpuPercent())));
    return lines;
  }

  private static String verdict(boolean met, double over, String unit) {
    return met ? "met" : String.format(Locale.ROOT, "**missed** by %.1f %s", over, unit);
  }

  /** Each rate's floor, then its gateway run, so the pair sits together. */
  private static List<RunResult> ordered(Findings f) {
    List<RunResult> rows = new ArrayList<>();
    for (int rate : f.options().rates()) {
      f.floorAt(rate).ifPresent(rows::add);
      f.gatewayAt(rate).ifPresent(rows::add);
    }
    return rows;
  }

  static String ms(double value) {
    return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.2f", value);
  }

  private static String ms0(double value) {
    return Double.isNaN(value) || value < 0 ? "–" : String.format(Locale.ROOT, "%,.0f", value);
  }

  static String mb(long bytes) {
    return bytes < 0 ? "–" : String.format(Locale.ROOT, "%.1f", bytes / MB);
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
