package io.doorstep.bench.verify;

import io.doorstep.bench.WorkDirs;
import io.doorstep.sim.broker.MosquittoBroker;
import io.doorstep.sim.faceterminal.FaceTerminalSimulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The verification load run of the issue: one Mosquitto, one set of terminals, first the floor
 * (an echo client answers), then the gateway as a child process, each rate after the other.
 * The floor goes first so that the echo and the gateway never share the broker, and both see
 * the same broker, terminals and machine.
 */
public final class VerifyBench {
  /** Long enough for the JIT and the store's first checkpoints to settle, as an estate at rest. */
  private static final Duration REST = Duration.ofSeconds(5);
  /** Start-up varies from start to start on a shared machine; one reading would be luck. */
  private static final int STARTS = 3;

  private final VerifyOptions options;
  private final String command;
  private TerminalWatch watch;

  public VerifyBench(VerifyOptions options, String args) {
    this.options = options;
    this.command = ("./doorstep bench verify " + args).trim();
  }

  public void run() throws Exception {
    BuildCheck.requireThisBuild();
    MachineFacts machine = MachineFacts.collect();
    Instant at = Instant.now();
    Path dir = Files.createTempDirectory("doorstep-bench-");
    say("working in %s; %s", dir, machine.describe());
    Residents residents = Residents.generate(options.persons());
    Findings findings;
    try (MosquittoBroker broker = MosquittoBroker.start()) {
      say("mosquitto on %s", broker.url());
      BenchEstate estate = BenchEstate.write(dir, broker.url(), options.terminals());
      estate.seed(residents);
      List<FaceTerminalSimulator> terminals = connect(broker.url(), estate.sns(), residents);
      watch = new TerminalWatch(terminals);
      try {
        List<RunResult> floor = floor(broker.url(), terminals, residents, dir);
        findings = gateway(estate, terminals, residents, dir, machine, at, floor);
      } finally {
        terminals.forEach(FaceTerminalSimulator::close);
      }
    }
    if (options.keep()) {
      say("kept %s (gateway.log, echo.log, data/)", dir);
    } else {
      WorkDirs.deleteQuietly(dir);
    }
    String report = Report.markdown(findings);
    System.out.println();
    System.out.print(report);
    if (options.out() != null) {
      Files.writeString(options.out(), "\n" + report, StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      say("appended to %s", options.out());
    }
  }

  private List<RunResult> floor(String brokerUrl, List<FaceTerminalSimulator> terminals, Residents residents,
      Path dir) throws Exception {
    List<RunResult> results = new ArrayList<>();
    try (ChildJvm echo = EchoResponder.start(brokerUrl, dir.resolve("echo.log"))) {
      say("floor: echo client up (pid %d)", echo.pid());
      for (int rate : options.rates()) {
        results.add(measure(RunResult.FLOOR, rate, terminals, residents, echo.pid()));
        echo.requireAlive();
      }
    }
    return results;
  }

  private Findings gateway(BenchEstate estate, List<FaceTerminalSimulator> terminals, Residents residents,
      Path dir, MachineFacts machine, Instant at, List<RunResult> floor) throws Exception {
    List<GatewayProcess.Startup> startups = new ArrayList<>();
    for (int n = 1; n < STARTS; n++) {
      try (GatewayProcess gateway = startGateway(estate, dir.resolve("gateway-start-" + n + ".log"))) {
        startups.add(gateway.startup());
      }
    }
    try (GatewayProcess gateway = startGateway(estate, dir.resolve("gateway.log"))) {
      startups.add(gateway.startup());
      gateway.awaitDevicesOnline(terminals.size(), Duration.ofSeconds(30));
      TimeUnit.MILLISECONDS.sleep(REST.toMillis());
      Memory atRest = Memory.sample(gateway.probe(), gateway.pid());
      say("at rest: heap %s MB used (old gen %s MB), RSS %s MB", Report.mb(atRest.heapUsedBytes()),
          Report.mb(atRest.oldUsedBytes()), Report.mb(atRest.rssBytes()));
      List<RunResult> results = new ArrayList<>();
      for (int rate : options.rates()) {
        RunResult result;
        try (MemorySampler sampler = new MemorySampler(gateway.probe(), gateway.pid())) {
          result = measure(RunResult.GATEWAY, rate, terminals, residents, gateway.pid());
          result = result.withMemory(sampler.peak());
        }
        gateway.child().requireAlive();
        say("  under load: heap max %s MB used, bound %s MB; RSS max %s MB",
            Report.mb(result.memory().heapUsedBytes()), Report.mb(result.memory().heapBoundBytes()),
            Report.mb(result.memory().rssBytes()));
        results.add(result);
      }
      TimeUnit.MILLISECONDS.sleep(REST.toMillis());
      Memory afterLoad = Memory.sample(gateway.probe(), gateway.pid());
      long peakRss = ProcStatus.peakRssBytes(gateway.pid());
      return new Findings(at, command, options, machine, floor, results, startups, atRest, afterLoad, peakRss);
    }
  }

  private GatewayProcess startGateway(BenchEstate estate, Path log) throws Exception {
    GatewayProcess gateway = GatewayProcess.start(estate.gatewayFile(), estate.webPort(),
        options.gatewayJavaOpts(), log);
    GatewayProcess.Startup startup = gateway.startup();
    say("gateway up (pid %d): port open after %.0f ms, /health after %.0f ms, broker connected after %.0f ms",
        gateway.pid(), startup.listeningMs(), startup.healthMs(), startup.brokerConnectedMs());
    return gateway;
  }

  private RunResult measure(String path, int rate, List<FaceTerminalSimulator> terminals, Residents residents,
      long responderPid) throws InterruptedException {
    say("%s at %d/s: %d s warm-up, %d s measured…", path, rate, options.warmupS(), options.durationS());
    PacingSchedule schedule = PacingSchedule.ofSeconds(rate, terminals.size(), options.warmupS(),
        options.durationS());
    GcPauses.settle();
    Usage.Meter meter = new Usage.Meter(brokerPid(), responderPid);
    TerminalWatch.Snapshot before = watch.snapshot();
    RunResult r = LoadRun.run(path, terminals, residents, schedule).withUsage(meter.done())
        .withTerminals(before.since());
    say("  %,d samples: p50 %s ms, p99 %s ms, max %s ms, %d local fallbacks, %d without outcome; "
            + "others on the machine used %.0f%% of a core",
        r.samples(), Report.ms(r.percentileMs(50)), Report.ms(r.percentileMs(99)), Report.ms(r.maxMs()),
        r.localFallbacks(), r.failed(), r.usage().othersCpuPercent());
    if (!r.terminals().clean(residents.size())) {
      say("  the terminals were disturbed: %s", r.terminals().describe());
    }
    return r;
  }

  /** Every terminal connected, subscribed and holding the residents, as if synced. */
  public static List<FaceTerminalSimulator> connect(String brokerUrl, List<String> sns, Residents residents)
      throws Exception {
    List<FaceTerminalSimulator> terminals = new ArrayList<>();
    List<CompletableFuture<Void>> ready = new ArrayList<>();
    for (String sn : sns) {
      FaceTerminalSimulator t = FaceTerminalSimulator.builder(brokerUrl, sn).create();
      t.loadPersons(residents.synced());
      terminals.add(t);
      ready.add(t.start());
    }
    try {
      CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      terminals.forEach(FaceTerminalSimulator::close);
      throw e;
    }
    return terminals;
  }

  /** Mosquitto is a child of this process (MosquittoBroker starts it); its pid is not exposed otherwise. */
  private static long brokerPid() {
    return ProcessHandle.current().children()
        .filter(p -> p.info().command().map(c -> c.endsWith("mosquitto")).orElse(false))
        .mapToLong(ProcessHandle::pid).findFirst().orElse(-1);
  }

  private static void say(String format, Object... args) {
    System.out.println(String.format(Locale.ROOT, format, args));
  }
}
