package io.doorstep.bench.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ReportTest {
  private static final long MB = 1024 * 1024;
  private static final MachineFacts MACHINE =
      new MachineFacts(2, "AMD EPYC", 24L << 30, "Debian GNU/Linux 12", "OpenJDK 17", "mosquitto version 2.0.11", "-Xmx160m");

  @Test
  void eachRateShowsItsFloorAboveItsGatewayRun() {
    String table = Report.latencyTable(findings(9.0, 100 * MB, 2000));

    assertEquals(List.of(
        "| rate/s | path | samples | p50 ms | p99 ms | p99.9 ms | max ms | local fallbacks |",
        "|---:|---|---:|---:|---:|---:|---:|---:|",
        "| 50 | floor (echo) | 1,000 | 0.30 | 0.30 | 0.30 | 0.30 | 0 |",
        "| 50 | gateway | 1,000 | 1.00 | 1.00 | 1.00 | 1.00 | 0 |",
        "| 500 | floor (echo) | 1,000 | 0.30 | 0.30 | 0.30 | 0.30 | 0 |",
        "| 500 | gateway | 1,000 | 9.00 | 9.00 | 9.00 | 9.00 | 2 |"), table.lines().toList());
  }

  @Test
  void goalsThatHoldSayMet() {
    List<String> goals = Report.goals(findings(2.0, 100 * MB, 2000));

    assertTrue(goals.get(0).endsWith("goal at most 5 ms: met."), goals.get(0));
    assertTrue(goals.get(1).endsWith("goal under 128 MB: met."), goals.get(1));
    assertTrue(goals.get(2).endsWith("goal under 3,000 ms: met."), goals.get(2));
  }

  @Test
  void aMissedGoalSaysByHowMuch() {
    List<String> goals = Report.goals(findings(9.0, 130 * MB, 3500));

    assertEquals("Added at p99 at 500/s: 8.70 ms (gateway 9.00, floor 0.30); goal at most 5 ms: **missed** by 3.7 ms.",
        goals.get(0));
    assertEquals("Heap: at most 110.0 MB in use when read, at most 130.0 MB possible between readings (young "
        + "generation full plus the largest old generation); goal under 128 MB: **missed** by 2.0 MB.", goals.get(1));
    assertTrue(goals.get(2).endsWith("**missed** by 500.0 ms."), goals.get(2));
  }

  @Test
  void theSectionCarriesTheCommandAndTheMachine() {
    String md = Report.markdown(findings(2.0, 100 * MB, 2000));

    assertTrue(md.contains("`./doorstep bench verify`"));
    assertTrue(md.contains("2 cores (AMD EPYC)"));
    assertTrue(md.contains("| 500 | 8.70 |") || md.contains("| 500 | 1.70 |"), md);
  }

  private static Findings findings(double gatewayMsAt500, long heapUnderLoad, double readyMs) {
    Memory rest = new Memory(20 * MB, 50 * MB, 9 * MB, 160 * MB, 150 * MB, 1);
    return new Findings(Instant.parse("2025-01-01T00:00:00Z"), "./doorstep bench verify",
        VerifyOptions.defaults(), MACHINE,
        List.of(run(RunResult.FLOOR, 50, 0.3, 0, Memory.NONE), run(RunResult.FLOOR, 500, 0.3, 0, Memory.NONE)),
        List.of(run(RunResult.GATEWAY, 50, 1.0, 0, new Memory(50 * MB, 50 * MB, 12 * MB, 160 * MB, 160 * MB, 12)),
            run(RunResult.GATEWAY, 500, gatewayMsAt500, 2, new Memory(heapUnderLoad - 20 * MB, 50 * MB, heapUnderLoad - 50 * MB, 160 * MB, 170 * MB, 12))),
        List.of(new GatewayProcess.Startup(readyMs - 300, readyMs - 100, readyMs),
            new GatewayProcess.Startup(readyMs - 200, readyMs, readyMs)),
        rest, rest, 180 * MB);
  }

  /** A run whose every sample took {@code ms}. */
  private static RunResult run(String path, int rate, double ms, long local, Memory memory) {
    Histogram h = new Histogram(3);
    h.recordValueWithCount((long) (ms * 1e6), 1000);
    return new RunResult(path, rate, 60, h, 1000, 1000 - local, local, 0, 1000, 0, 100_000, memory, Usage.NONE,
        new TerminalWatch.Findings(3200, 0, 0, java.util.Map.of()));
  }

  @Test
  void aRunThatSharedTheMachineIsFlagged() {
    Findings clean = findings(2.0, 100 * MB, 2000);
    RunResult busy = clean.gateway().get(1).withUsage(new Usage(30, 8, 60, 85, 3, 20, 9));
    Findings shared = new Findings(clean.at(), clean.command(), clean.options(), clean.machine(), clean.floor(),
        List.of(clean.gateway().get(0), busy), clean.startups(), clean.atRest(), clean.restAfterLoad(),
        clean.peakRssBytes());

    assertTrue(Report.usageTable(shared).contains("the machine was shared"));
    assertEquals("The gateway run at 500/s shared the machine: other processes used 85% of a core.",
        Report.goals(shared).get(3));
    assertEquals(3, Report.goals(clean).size());
  }
}
