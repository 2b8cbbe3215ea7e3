package io.doorstep.bench.verify;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything one verify run found, in the order it found it: the floor's runs, the gateway's
 * start-up, its memory at rest, its runs, its memory at rest again afterwards.
 *
 * @param command          how the run was started, to repeat it
 * @param startups         each start of the gateway; the last one carried the load
 * @param restAfterLoad    heap and RSS a few seconds after the last run, load stopped
 * @param peakRssBytes     the gateway's highest RSS over its whole life (VmHWM)
 */
record Findings(Instant at, String command, VerifyOptions options, MachineFacts machine,
    List<RunResult> floor, List<RunResult> gateway, List<GatewayProcess.Startup> startups, Memory atRest,
    Memory restAfterLoad, long peakRssBytes) {

  Findings {
    floor = List.copyOf(floor);
    gateway = List.copyOf(gateway);
    startups = List.copyOf(startups);
  }

  /** The slowest start: the goal must hold every time, not on average. */
  double slowestReadyMs() {
    return startups.stream().mapToDouble(GatewayProcess.Startup::healthMs).max().orElse(Double.NaN);
  }

  Optional<RunResult> floorAt(int rate) {
    return floor.stream().filter(r -> r.rate() == rate).findFirst();
  }

  Optional<RunResult> gatewayAt(int rate) {
    return gateway.stream().filter(r -> r.rate() == rate).findFirst();
  }

  /** The highest of every reading, at rest and under load. */
  Memory peakMemory() {
    Memory max = atRest.max(restAfterLoad);
    for (RunResult r : gateway) {
      max = max.max(r.memory());
    }
    return max;
  }
}
