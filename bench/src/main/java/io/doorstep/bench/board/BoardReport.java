package io.doorstep.bench.board;

import io.doorstep.bench.verify.MachineFacts;
import io.doorstep.bench.verify.Memory;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The run's figures and the markdown appended to docs/benchmarks.md. */
final class BoardReport {
  /** The goal: a guard sees an event on the board within half a second of it happening, at p99. */
  static final double TARGET_P99_MS = 500;
  /** The last minute's means may exceed the first minute's by this share before the page counts as growing. */
  static final double GROWTH_ALLOWED = 0.10;

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
      .withZone(ZoneOffset.UTC);

  record CpuShares(double gateway, double browser, double broker, double bench, double others) {
    /** Anything else busy for more than a tenth of a core makes the figures suspect. */
    boolean machineShared() {
      return others > 10;
    }
  }

  /** Filled in by the run. */
  static final class Figures {
    final PageMetrics metrics = new PageMetrics();
    final Percentiles page = new Percentiles();
    final Percentiles floor = new Percentiles();
    final Map<String, Integer> kinds = new TreeMap<>();
    PageMetrics.Sample afterFirstMinute;
    PageMetrics.Sample atEnd;
    CpuShares cpu;
    Memory gatewayMemory;
    double windowStartMs;
    double windowEndMs;
    double seconds;
    long faces;
    long alarms;
    long localFallbacks;
    long failed;
    int neverShown;
    int reloads;
    int rowsShown;
    int alarmsShown;
    int alarmsShownAtFirstMinute = -1;
    boolean stillLive;
    String visibility;
    long browserRssBytes;
    long gatewayRssBytes;
  }

  private BoardReport() {}

  /** Whether a counter's last-minute mean stays within {@link #GROWTH_ALLOWED} of its first-minute mean. */
  static boolean steady(double firstMinute, double lastMinute) {
    return lastMinute <= firstMinute * (1 + GROWTH_ALLOWED);
  }

  static String markdown(String command, Instant at, MachineFacts machine, BoardOptions o, Figures f) {
    StringBuilder md = new StringBuilder();
    md.append("## Guard board run, ").append(WHEN.format(at)).append("\n\n`").append(command).append("`\n\n");
    md.append("- Machine: ").append(machine.describe()).append(".\n");
    md.append("- Gateway JVM: `").append(o.gatewayJavaOpts()).append("`; ").append(o.terminals())
        .append(" face terminals, ").append(o.persons()).append(" residents; Chromium headless, 1366×768, page ")
        .append(f.visibility).append(".\n");
    md.append(String.format(Locale.ROOT, "- Load: %,d faces in %.0f s (%.1f/s; one in twenty a stranger's), "
            + "%d terminal alarms; %,d faces decided by the terminal alone, %d failed to send. "
            + "Events in the window by kind: %s.%n", f.faces, f.seconds, f.faces / f.seconds, f.alarms,
        f.localFallbacks, f.failed, f.kinds));
    if (f.cpu.machineShared()) {
      md.append(String.format(Locale.ROOT, "- **The machine was not quiet:** other processes used %.0f%% of a core "
          + "on average during the window (other builds); the figures are upper bounds.%n", f.cpu.others()));
    }
    md.append("\n**Event to screen** (from the terminal's timestamp carried in the event to the row in the DOM, ")
        .append("resp. to the frame read by the floor's client; same machine, same clock):\n\n");
    md.append("| path | events | p50 ms | p99 ms | p99.9 ms | max ms | over 500 ms |\n");
    md.append("|---|--:|--:|--:|--:|--:|--:|\n");
    row(md, "board in Chromium (row in the DOM)", f.page);
    row(md, "floor: /api/stream, plain Java client", f.floor);
    md.append(String.format(Locale.ROOT, "%nNot in the table: %,d passages the terminals decided alone "
        + "(their 800 ms for the gateway's answer ran out) and uploaded later with the time they happened; "
        + "they are late by design and older than the rows shown, so the board files them below its newest rows.%n",
        f.kinds.getOrDefault(BoardBench.LATE_BY_DESIGN, 0)));
    md.append(String.format(Locale.ROOT, "%nEvents the floor received but the page never showed: %,d. "
        + "Page reloads: %d. At the end: %d rows in the table, %d alarms listed, stream %s.%n",
        f.neverShown, f.reloads, f.rowsShown, f.alarmsShown, f.stillLive ? "live" : "NOT live"));

    PageMetrics.Span first = f.metrics.span(0, 60);
    PageMetrics.Span last = f.metrics.span(f.seconds - 60, f.seconds + 1);
    PageMetrics.Sample peak = f.metrics.peak();
    md.append("\n**The page's memory** (DevTools `Performance.getMetrics` every ").append(o.sampleEveryS())
        .append(" s; means over the first and the last minute; \"after a collection\" forces a full GC first):\n\n");
    md.append("| | first minute | last minute | peak | after a collection at 1 min | after a collection at the end |\n");
    md.append("|---|--:|--:|--:|--:|--:|\n");
    md.append(String.format(Locale.ROOT, "| JS heap used, MB | %.1f | %.1f | %.1f | %.1f | %.1f |%n",
        first.heapUsedBytes() / 1e6, last.heapUsedBytes() / 1e6, peak.heapUsedBytes() / 1e6,
        mb(f.afterFirstMinute), mb(f.atEnd)));
    md.append(String.format(Locale.ROOT, "| DOM nodes | %,.0f | %,.0f | %,.0f | %,.0f | %,.0f |%n",
        first.nodes(), last.nodes(), peak.nodes(), nodes(f.afterFirstMinute), nodes(f.atEnd)));
    md.append(String.format(Locale.ROOT, "| JS event listeners | %,.0f | %,.0f | %,.0f | %,.0f | %,.0f |%n",
        first.listeners(), last.listeners(), peak.listeners(), listeners(f.afterFirstMinute), listeners(f.atEnd)));
    md.append(String.format(Locale.ROOT, "%nAlarms listed on the board (none acknowledged "
        + "during the run): %d at 1 min, %d at the end. Chromium's processes together: "
        + "%.0f MB RSS at the end.%n", f.alarmsShownAtFirstMinute, f.alarmsShown, f.browserRssBytes / 1e6));

    md.append("\n**CPU** over the window, % of one core:\n\n");
    md.append("| gateway | Chromium (all processes) | Mosquitto | bench (terminals, floor, DevTools) | others |\n");
    md.append("|--:|--:|--:|--:|--:|\n");
    md.append(String.format(Locale.ROOT, "| %.1f | %.1f | %.1f | %.1f | %.1f |%n", f.cpu.gateway(), f.cpu.browser(),
        f.cpu.broker(), f.cpu.bench(), f.cpu.others()));
    md.append(String.format(Locale.ROOT, "%nGateway: %.0f MB RSS at the end; peak heap bound %.0f MB.%n",
        f.gatewayRssBytes / 1e6, f.gatewayMemory.heapBoundBytes() / 1e6));

    boolean latencyMet = f.page.count() > 0 && f.page.at(99) < TARGET_P99_MS && f.neverShown == 0;
    boolean memorySteady = f.afterFirstMinute != null && f.atEnd != null
        && steady(f.afterFirstMinute.heapUsedBytes(), f.atEnd.heapUsedBytes())
        && steady(f.afterFirstMinute.nodes(), f.atEnd.nodes())
        && steady(f.afterFirstMinute.listeners(), f.atEnd.listeners());
    md.append("\n**Target.** Event to screen p99 under ").append((int) TARGET_P99_MS).append(" ms with every event shown: ")
        .append(latencyMet ? "met" : "**not met**")
        .append(String.format(Locale.ROOT, " (%.1f ms; the floor %.1f ms). ", f.page.at(99), f.floor.at(99)))
        .append("The page's memory stable (heap, nodes and listeners after a collection at the end within ")
        .append((int) (GROWTH_ALLOWED * 100)).append("% of those at 1 min): ")
        .append(memorySteady ? "yes" : "**no**").append(".\n");
    return md.toString();
  }

  private static void row(StringBuilder md, String path, Percentiles p) {
    md.append(String.format(Locale.ROOT, "| %s | %,d | %.1f | %.1f | %.1f | %.1f | %,d |%n", path, p.count(),
        p.at(50), p.at(99), p.at(99.9), p.max(), p.above(TARGET_P99_MS)));
  }

  private static double mb(PageMetrics.Sample s) {
    return s == null ? Double.NaN : s.heapUsedBytes() / 1e6;
  }

  private static double nodes(PageMetrics.Sample s) {
    return s == null ? Double.NaN : s.nodes();
  }

  private static double listeners(PageMetrics.Sample s) {
    return s == null ? Double.NaN : s.listeners();
  }
}
