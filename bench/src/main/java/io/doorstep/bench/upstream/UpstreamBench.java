package io.doorstep.bench.upstream;

import io.doorstep.bench.BenchEntry;
import io.doorstep.bench.WorkDirs;
import io.doorstep.bench.verify.BenchEstate;
import io.doorstep.bench.verify.BuildCheck;
import io.doorstep.bench.verify.GatewayProcess;
import io.doorstep.bench.verify.GcPauses;
import io.doorstep.bench.verify.MachineFacts;
import io.doorstep.bench.verify.Memory;
import io.doorstep.bench.verify.MemorySampler;
import io.doorstep.bench.verify.ProcStatus;
import io.doorstep.bench.verify.PrometheusText;
import io.doorstep.bench.verify.Residents;
import io.doorstep.bench.verify.VerifyBench;
import io.doorstep.gateway.Gateway;
import io.doorstep.sim.broker.MosquittoBroker;
import io.doorstep.sim.faceterminal.FaceTerminalSimulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * {@code doorstep bench upstream throughput|drain}: the gateway in its own JVM (the production
 * options), a real Mosquitto for the estate's devices and a second real Mosquitto as the
 * platform's broker, with a Paho subscriber on it counting what arrives.
 */
public final class UpstreamBench {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
      .withZone(ZoneOffset.UTC);
  private static final long METRICS_EVERY_MS = 5_000;

  private final UpstreamOptions options;
  private final String command;

  UpstreamBench(UpstreamOptions options, String args) {
    this.options = options;
    this.command = ("./doorstep bench upstream " + args).trim();
  }

  /** Entry from BenchMain; exit code 0 done, 1 failed, 2 bad usage. */
  public static int run(String[] args, String shellWords) {
    return BenchEntry.run("doorstep bench upstream", UpstreamOptions.USAGE, args, UpstreamOptions::parse, UpstreamOptions::help,
        options -> new UpstreamBench(options, shellWords).go());
  }

  private void go() throws Exception {
    BuildCheck.requireThisBuild();
    MachineFacts machine = MachineFacts.collect();
    Instant at = Instant.now();
    Path dir = Files.createTempDirectory("doorstep-upbench-");
    say("working in %s; %s", dir, machine.describe());
    String report;
    try (MosquittoBroker local = MosquittoBroker.start(); MosquittoBroker platform = MosquittoBroker.start()) {
      say("estate's mosquitto on %s, platform's mosquitto on %s", local.url(), platform.url());
      Residents residents = Residents.generate(options.persons());
      String upstream = "upstream:\n  enabled: true\n  url: '" + platform.url() + "'\n  clientId: doorstep-bench\n"
          + "  accessToken: bench-token\n  maxInFlight: " + options.maxInFlight() + "\n"
          + "  backlog: {maxEvents: 100000000, maxAgeDays: 3650}\n";
      BenchEstate estate = BenchEstate.write(dir, local.url(), options.terminals(), upstream);
      long seedStart = System.nanoTime();
      estate.seed(residents);
      say("store seeded with %,d residents in %.1f s", residents.size(), (System.nanoTime() - seedStart) / 1e9);
      List<FaceTerminalSimulator> terminals = VerifyBench.connect(local.url(), estate.sns(), residents);
      try {
        String head = "## Upstream run (" + options.mode() + "), " + WHEN.format(at) + "\n\n`" + command + "`\n\n"
            + "- Machine: " + machine.describe() + ".\n"
            + "- Gateway JVM: `" + options.gatewayJavaOpts() + "`; upstream `maxInFlight: " + options.maxInFlight()
            + "`, no TLS (plain tcp to 127.0.0.1), an access token as user name (Mosquitto allows anonymous).\n";
        report = options.mode().equals("throughput")
            ? head + throughput(dir, estate, platform, terminals, residents)
            : head + drain(dir, estate, platform, terminals, residents);
      } finally {
        terminals.forEach(FaceTerminalSimulator::close);
      }
    }
    if (options.keep()) {
      say("kept %s (gateway*.log, data/)", dir);
    } else {
      WorkDirs.deleteQuietly(dir);
    }
    System.out.println();
    System.out.print(report);
    if (options.out() != null) {
      Files.writeString(options.out(), "\n" + report, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      say("appended to %s", options.out());
    }
  }

  // ---- throughput ----

  private String throughput(Path dir, BenchEstate estate, MosquittoBroker platform,
      List<FaceTerminalSimulator> terminals, Residents residents) throws Exception {
    int expected = (int) Math.min(50_000_000L, (long) options.rate() * (options.warmupS() + options.durationS() + 30));
    Window gw;
    Window floor;
    Memory memory;
    List<byte[]> bodies;
    double backlogBefore;
    double backlogAfter;
    double catchUpS;
    long offeredInWindow;
    try (PlatformSubscriber sub = new PlatformSubscriber(platform.url(), "\u0000", expected).connect();
        GatewayProcess gateway = startGateway(estate, dir.resolve("gateway.log"))) {
      gateway.awaitDevicesOnline(terminals.size(), Duration.ofSeconds(30));
      awaitUpstreamConnected(gateway);
      GcPauses.settle();
      say("gateway: %,d events/s offered as up/record (%d a message), %d s warm-up, %d s measured…",
          options.rate(), RecordLoad.PER_MESSAGE, options.warmupS(), options.durationS());
      try (RecordLoad load = new RecordLoad(terminals, residents, options.rate()).start();
          MemorySampler sampler = new MemorySampler(gateway.probe(), gateway.pid())) {
        TimeUnit.SECONDS.sleep(options.warmupS());
        Snapshot before = Snapshot.take(gateway, sub);
        long offered0 = load.offered();
        sub.keepNext(400);
        backlogBefore = before.backlog;
        TimeUnit.SECONDS.sleep(options.durationS());
        Snapshot after = Snapshot.take(gateway, sub);
        offeredInWindow = load.offered() - offered0;
        backlogAfter = after.backlog;
        gateway.child().requireAlive();
        gw = Window.between("gateway", before, after);
        memory = sampler.peak();
        bodies = sub.kept();
        if (load.failedMessages() > 0) {
          say("  %d up/record messages could not be handed to the estate's broker", load.failedMessages());
        }
      }
      say("  gateway: %,.0f events/s acknowledged upstream, %,.0f distinct events/s received; backlog %,.0f → %,.0f",
          gw.ackedPerS, gw.uniquePerS, backlogBefore, backlogAfter);
      catchUpS = awaitBacklogEmpty(gateway, Duration.ofSeconds(120));
      if (sub.error() != null) {
        throw new IllegalStateException(sub.error());
      }
    }
    // The floor: the gateway is gone; the same subscriber counts what a bare publisher pushes.
    try (PlatformSubscriber sub = new PlatformSubscriber(platform.url(), "\u0000", 1 << 16).connect()) {
      say("floor: a bare Paho publisher, %d of the gateway's bodies round and round, window %d, %d s warm-up, %d s…",
          bodies.size(), options.maxInFlight(), options.warmupS(), options.durationS());
      GcPauses.settle();
      FloorPublisher.run(platform.url(), bodies, options.maxInFlight(), options.warmupS());
      Snapshot before = Snapshot.take(null, sub);
      long acked = FloorPublisher.run(platform.url(), bodies, options.maxInFlight(), options.durationS());
      TimeUnit.MILLISECONDS.sleep(500);
      Snapshot after = Snapshot.take(null, sub);
      floor = Window.between("floor (bare Paho publisher)", before, after);
      floor = floor.withAcked(acked);
      say("  floor: %,.0f entries/s acknowledged, %,.0f entries/s received", floor.ackedPerS, floor.entriesPerS);
    }
    return ThroughputReport.markdown(options, gw, floor, memory, backlogBefore, backlogAfter, catchUpS,
        offeredInWindow, bodies);
  }

  // ---- drain ----

  private String drain(Path dir, BenchEstate estate, MosquittoBroker platform, List<FaceTerminalSimulator> terminals,
      Residents residents) throws Exception {
    platform.stop();
    say("platform's broker stopped; first start of the gateway (installs the outbox trigger, records passages)…");
    try (GatewayProcess gateway = startGateway(estate, dir.resolve("gateway-fill.log"))) {
      gateway.awaitDevicesOnline(terminals.size(), Duration.ofSeconds(30));
      try (SteadyVerify v = new SteadyVerify(terminals, residents, options.verifyRate()).start()) {
        TimeUnit.SECONDS.sleep(5);
      }
    }
    Prefill.Result fill = Prefill.run(estate.dataDir().resolve(Gateway.DB_FILE), options.events());
    say("pre-filled %,d events (%d templates, mean payload %.0f B) in %.1f s; %,d in the outbox",
        fill.events(), fill.templates(), fill.meanPayloadBytes(), fill.seconds(), fill.outboxRows());
    DrainReport.Findings f = new DrainReport.Findings();
    f.fill = fill;
    try (GatewayProcess gateway = startGateway(estate, dir.resolve("gateway.log"))) {
      gateway.awaitDevicesOnline(terminals.size(), Duration.ofSeconds(30));
      f.backlogAtStart = awaitBacklogAtLeast(gateway, fill.outboxRows(), Duration.ofSeconds(60));
      GcPauses.settle();
      try (SteadyVerify verify = new SteadyVerify(terminals, residents, options.verifyRate()).start();
          MemorySampler sampler = new MemorySampler(gateway.probe(), gateway.pid())) {
        say("floor: %d verifications/s, no drain (platform's broker down): %d s warm-up, %d s measured…",
            options.verifyRate(), options.warmupS(), options.floorS());
        TimeUnit.SECONDS.sleep(options.warmupS());
        verify.cut();
        long cpu0 = ProcStatus.cpuNanos(gateway.pid());
        long t0 = System.nanoTime();
        TimeUnit.SECONDS.sleep(options.floorS());
        f.noDrain = verify.cut();
        f.noDrainGatewayCpu = 100.0 * (ProcStatus.cpuNanos(gateway.pid()) - cpu0) / (System.nanoTime() - t0);
        say("  no drain: p99 %.2f ms, gateway CPU %.0f%%", f.noDrain.percentileMs(99), f.noDrainGatewayCpu);
        try (PlatformSubscriber sub = new PlatformSubscriber(platform.url(), Prefill.ID_PREFIX, fill.events() + 100_000)) {
          platform.restart();
          long up = System.nanoTime();
          sub.connect();
          verify.cut();
          long cpu1 = ProcStatus.cpuNanos(gateway.pid());
          say("platform's broker up: draining %,d events while %d verifications/s run…", fill.events(),
              options.verifyRate());
          long deadline = up + TimeUnit.SECONDS.toNanos(3600);
          long lastSay = up;
          while (sub.counts().prefixed() < fill.events()) {
            gateway.child().requireAlive();
            if (sub.error() != null) {
              throw new IllegalStateException(sub.error());
            }
            if (System.nanoTime() > deadline) {
              throw new IllegalStateException("the backlog did not drain within an hour");
            }
            TimeUnit.MILLISECONDS.sleep(100);
            if (System.nanoTime() - lastSay > TimeUnit.SECONDS.toNanos(10)) {
              lastSay = System.nanoTime();
              say("  %,d of %,d received after %.0f s", sub.counts().prefixed(), fill.events(), (lastSay - up) / 1e9);
            }
          }
          long end = System.nanoTime();
          f.during = verify.cut();
          f.drainGatewayCpu = 100.0 * (ProcStatus.cpuNanos(gateway.pid()) - cpu1) / (end - up);
          f.sinceBrokerUpS = (sub.lastPrefixedNanos() - up) / 1e9;
          f.sinceFirstEntryS = (sub.lastPrefixedNanos() - sub.firstEntryNanos()) / 1e9;
          f.firstEntryAfterS = (sub.firstEntryNanos() - up) / 1e9;
          PlatformSubscriber.Counts c = sub.counts();
          f.received = c;
          String m = gateway.probe().metrics();
          f.sentTotal = m == null ? Double.NaN : PrometheusText.sum(m, "doorstep_upstream_sent_total", l -> true);
          f.memory = sampler.peak();
          say("  drained: %,d events in %.1f s from the broker's start (%,.0f/s), %.1f s from the first entry; "
                  + "verification p99 %.2f ms during the drain",
              fill.events(), f.sinceBrokerUpS, fill.events() / f.sinceBrokerUpS, f.sinceFirstEntryS,
              f.during.percentileMs(99));
          f.backlogAfter = awaitBacklogEmpty(gateway, Duration.ofSeconds(60));
        }
      }
    }
    return DrainReport.markdown(options, f);
  }

  // ---- helpers ----

  /** Counters at one moment: the gateway's (from /metrics) and the subscriber's. */
  record Snapshot(long nanos, double sent, double backlog, long gatewayCpuNanos, long brokersCpuNanos,
      long benchCpuNanos, long machineBusyNanos, PlatformSubscriber.Counts received) {
    static Snapshot take(GatewayProcess gateway, PlatformSubscriber sub) {
      double sent = Double.NaN;
      double backlog = Double.NaN;
      long gwCpu = 0;
      if (gateway != null) {
        String m = gateway.probe().metrics();
        if (m != null) {
          sent = PrometheusText.sum(m, "doorstep_upstream_sent_total", l -> true);
          backlog = PrometheusText.sum(m, "doorstep_upstream_backlog", l -> true);
        }
        gwCpu = ProcStatus.cpuNanos(gateway.pid());
      }
      long brokers = ProcessHandle.current().children()
          .filter(p -> p.info().command().map(c -> c.endsWith("mosquitto")).orElse(false))
          .mapToLong(p -> ProcStatus.cpuNanos(p.pid())).sum();
      return new Snapshot(System.nanoTime(), sent, backlog, gwCpu, brokers,
          ProcStatus.cpuNanos(ProcessHandle.current().pid()), ProcStatus.machineBusyNanos(), sub.counts());
    }
  }

  /** Rates over a window. CPU as % of one core. */
  record Window(String path, double seconds, double ackedPerS, double entriesPerS, double uniquePerS,
      double messagesPerS, double meanBodyBytes, double gatewayCpu, double brokersCpu, double benchCpu,
      double othersCpu) {
    static Window between(String path, Snapshot a, Snapshot b) {
      double s = (b.nanos - a.nanos) / 1e9;
      PlatformSubscriber.Counts r = b.received.minus(a.received);
      double gw = pct(b.gatewayCpuNanos - a.gatewayCpuNanos, s);
      double brokers = pct(b.brokersCpuNanos - a.brokersCpuNanos, s);
      double bench = pct(b.benchCpuNanos - a.benchCpuNanos, s);
      double busy = pct(b.machineBusyNanos - a.machineBusyNanos, s);
      return new Window(path, s, (b.sent - a.sent) / s, r.entries() / s, r.unique() / s, r.messages() / s,
          r.messages() == 0 ? 0 : r.bytes() / (double) r.messages(), gw, brokers, bench,
          Math.max(0, busy - gw - brokers - bench));
    }

    Window withAcked(long entries) {
      return new Window(path, seconds, entries / seconds, entriesPerS, uniquePerS, messagesPerS, meanBodyBytes,
          gatewayCpu, brokersCpu, benchCpu, othersCpu);
    }

    private static double pct(long nanos, double seconds) {
      return 100.0 * nanos / 1e9 / seconds;
    }
  }

  private GatewayProcess startGateway(BenchEstate estate, Path log) throws Exception {
    GatewayProcess g = GatewayProcess.start(estate.gatewayFile(), estate.webPort(), options.gatewayJavaOpts(), log);
    say("gateway up (pid %d) after %.0f ms", g.pid(), g.startup().healthMs());
    return g;
  }

  private static double metric(GatewayProcess gateway, String name) {
    String m = gateway.probe().metrics();
    return m == null ? Double.NaN : PrometheusText.sum(m, name, l -> true);
  }

  private static void awaitUpstreamConnected(GatewayProcess gateway) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      gateway.child().requireAlive();
      if (metric(gateway, "doorstep_upstream_connected") == 1.0) {
        return;
      }
      TimeUnit.MILLISECONDS.sleep(200);
    }
    throw new IllegalStateException("the gateway did not connect to the platform's broker within 30 s");
  }

  /** The gateway samples its backlog every 5 s; waits until it shows at least this many. */
  private static double awaitBacklogAtLeast(GatewayProcess gateway, long n, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    double b = Double.NaN;
    while (System.nanoTime() < deadline) {
      gateway.child().requireAlive();
      b = metric(gateway, "doorstep_upstream_backlog");
      if (b >= n) {
        return b;
      }
      TimeUnit.MILLISECONDS.sleep(1000);
    }
    throw new IllegalStateException("the gateway's backlog showed " + b + ", not " + n + ", within " + timeout);
  }

  /** Seconds until /metrics shows an empty backlog (it is sampled every 5 s); NaN if it does not. */
  private static double awaitBacklogEmpty(GatewayProcess gateway, Duration timeout) throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      gateway.child().requireAlive();
      if (metric(gateway, "doorstep_upstream_backlog") == 0.0) {
        return (System.nanoTime() - start) / 1e9;
      }
      TimeUnit.MILLISECONDS.sleep(METRICS_EVERY_MS);
    }
    return Double.NaN;
  }

  static void say(String format, Object... args) {
    System.out.println(String.format(Locale.ROOT, format, args));
  }
}
