package io.doorstep.bench.board;

import io.doorstep.bench.BenchEntry;
import io.doorstep.bench.WorkDirs;
import io.doorstep.bench.verify.BenchEstate;
import io.doorstep.bench.verify.BuildCheck;
import io.doorstep.bench.verify.GatewayProcess;
import io.doorstep.bench.verify.MachineFacts;
import io.doorstep.bench.verify.MemorySampler;
import io.doorstep.bench.verify.ProcStatus;
import io.doorstep.bench.verify.Residents;
import io.doorstep.bench.verify.VerifyBench;
import io.doorstep.gateway.Gateway;
import io.doorstep.gateway.store.Store;
import io.doorstep.gateway.web.auth.Accounts;
import io.doorstep.gateway.web.auth.Role;
import io.doorstep.sim.broker.MosquittoBroker;
import io.doorstep.sim.browser.HeadlessChromium;
import io.doorstep.sim.faceterminal.FaceTerminalSimulator;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code doorstep bench board}: the gateway in its own JVM with the production options, a real
 * Mosquitto, simulated face terminals at a fixed rate, the guard's board open in headless
 * Chromium, and beside it the same stream read by a plain Java client (the floor).
 */
public final class BoardBench {
  static final String GUARD = "bench-guard";
  static final String PASSWORD = "bench board password";
  /** When the stream and the page are done with the last events sent. */
  private static final long SETTLE_MS = 3000;
  private static final double FIRST_MINUTE_S = 60;
  /**
   * A passage the terminal decided alone, uploaded afterwards with the time it happened: late by
   * design, and older than the newest rows, so the board rightly files it below what it shows.
   */
  static final String LATE_BY_DESIGN = "passage.offline";

  private final BoardOptions options;
  private final String command;

  BoardBench(BoardOptions options, String args) {
    this.options = options;
    this.command = ("./doorstep bench board " + args).trim();
  }

  /** Entry from BenchMain; exit code 0 done, 1 failed, 2 bad usage. */
  public static int run(String[] args, String shellWords) {
    return BenchEntry.run("doorstep bench board", BoardOptions.USAGE, args, BoardOptions::parse, BoardOptions::help,
        options -> new BoardBench(options, shellWords).go());
  }

  private void go() throws Exception {
    BuildCheck.requireThisBuild();
    MachineFacts machine = MachineFacts.collect();
    Instant at = Instant.now();
    Path dir = Files.createTempDirectory("doorstep-boardbench-");
    say("working in %s; %s", dir, machine.describe());
    BoardReport.Figures figures;
    try (MosquittoBroker broker = MosquittoBroker.start()) {
      Residents residents = Residents.generate(options.persons());
      BenchEstate estate = BenchEstate.write(dir, broker.url(), options.terminals());
      estate.seed(residents);
      addGuard(estate);
      say("store seeded with %,d residents and the guard %s", residents.size(), GUARD);
      List<FaceTerminalSimulator> terminals = VerifyBench.connect(broker.url(), estate.sns(), residents);
      try (GatewayProcess gateway = GatewayProcess.start(estate.gatewayFile(), estate.webPort(),
          options.gatewayJavaOpts(), dir.resolve("gateway.log"))) {
        say("gateway up (pid %d) after %.0f ms", gateway.pid(), gateway.startup().healthMs());
        gateway.awaitDevicesOnline(terminals.size(), Duration.ofSeconds(30));
        figures = measure(gateway, estate.webPort(), terminals, residents);
      } finally {
        terminals.forEach(FaceTerminalSimulator::close);
      }
    }
    if (options.keep()) {
      say("kept %s (gateway.log, data/)", dir);
    } else {
      WorkDirs.deleteQuietly(dir);
    }
    String report = BoardReport.markdown(command, at, machine, options, figures);
    System.out.println();
    System.out.print(report);
    if (options.out() != null) {
      Files.writeString(options.out(), "\n" + report, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      say("appended to %s", options.out());
    }
  }

  private BoardReport.Figures measure(GatewayProcess gateway, int port, List<FaceTerminalSimulator> terminals,
      Residents residents) throws Exception {
    BoardReport.Figures f = new BoardReport.Figures();
    Map<String, Double> shown = new HashMap<>();
    try (SseFloor floor = new SseFloor(port).login(GUARD, PASSWORD);
        HeadlessChromium browser = HeadlessChromium.start(List.of("--autoplay-policy=user-gesture-required",
            "--window-size=1366,768", "--remote-debugging-port=0", "about:blank"));
        BoardPage page = BoardPage.open(browser, port, GUARD, PASSWORD);
        MemorySampler gatewayMemory = new MemorySampler(gateway.probe(), gateway.pid())) {
      f.visibility = page.visibility();
      say("board open in Chromium as %s (%s); floor stream open; %d faces/s, an alarm every %d s: "
          + "%d s warm-up, %d s measured…", GUARD, f.visibility, options.rate(), options.alarmEveryS(),
          options.warmupS(), options.durationS());
      try (BoardLoad load = new BoardLoad(terminals, residents, options.rate(), options.alarmEveryS()).start()) {
        long warmEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.warmupS());
        while (System.nanoTime() < warmEnd) {
          page.takeRows(shown::put);
          TimeUnit.SECONDS.sleep(1);
        }
        Cpu before = Cpu.read(gateway, browser);
        long faces0 = load.faces();
        long alarms0 = load.alarms();
        long local0 = load.localFallbacks();
        f.windowStartMs = SseFloor.epochMs(Instant.now());
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(options.durationS());
        long nextSample = start;
        long nextSay = start + TimeUnit.SECONDS.toNanos(60);
        boolean firstMinuteCollected = false;
        while (System.nanoTime() < end) {
          gateway.child().requireAlive();
          if (floor.error() != null) {
            throw new IllegalStateException("the floor's stream: " + floor.error());
          }
          page.takeRows(shown::put);
          long now = System.nanoTime();
          double atS = (now - start) / 1e9;
          if (!firstMinuteCollected && atS >= FIRST_MINUTE_S) {
            firstMinuteCollected = true;
            f.afterFirstMinute = page.metricsAfterCollection(atS);
            f.alarmsShownAtFirstMinute = page.alarmsShown();
            nextSample = now + TimeUnit.SECONDS.toNanos(options.sampleEveryS());
          } else if (now >= nextSample) {
            f.metrics.add(page.metrics(atS));
            nextSample += TimeUnit.SECONDS.toNanos(options.sampleEveryS());
          }
          if (now >= nextSay) {
            nextSay += TimeUnit.SECONDS.toNanos(60);
            PageMetrics.Sample s = f.metrics.samples().get(f.metrics.samples().size() - 1);
            say("  %3.0f s: %,d faces, page heap %.1f MB, %,.0f nodes, %,.0f listeners, %d rows shown",
                atS, load.faces() - faces0, s.heapUsedBytes() / 1e6, s.nodes(), s.listeners(), page.rowsShown());
          }
          TimeUnit.MILLISECONDS.sleep(1000);
        }
        f.windowEndMs = SseFloor.epochMs(Instant.now());
        f.seconds = (System.nanoTime() - start) / 1e9;
        f.cpu = Cpu.read(gateway, browser).since(before);
        f.faces = load.faces() - faces0;
        f.alarms = load.alarms() - alarms0;
        f.localFallbacks = load.localFallbacks() - local0;
        f.atEnd = page.metricsAfterCollection(f.seconds);
        f.rowsShown = page.rowsShown();
        f.alarmsShown = page.alarmsShown();
        f.stillLive = page.live();
        f.failed = load.failed();
      }
      TimeUnit.MILLISECONDS.sleep(SETTLE_MS);
      page.takeRows(shown::put);
      f.reloads = page.reloads();
      f.gatewayMemory = gatewayMemory.peak();
      f.browserRssBytes = browser.pids().stream().mapToLong(pid -> Math.max(0, ProcStatus.rssBytes(pid))).sum();
      f.gatewayRssBytes = ProcStatus.rssBytes(gateway.pid());
      join(f, floor.arrivals(), shown);
    }
    return f;
  }

  /** Every event the floor received that began in the window, against the moment its row was in the page. */
  static void join(BoardReport.Figures f, Map<String, SseFloor.Arrival> arrivals, Map<String, Double> shown) {
    for (Map.Entry<String, SseFloor.Arrival> e : arrivals.entrySet()) {
      SseFloor.Arrival a = e.getValue();
      if (a.originMs() < f.windowStartMs || a.originMs() > f.windowEndMs) {
        continue;
      }
      f.kinds.merge(a.kind(), 1, Integer::sum);
      if (LATE_BY_DESIGN.equals(a.kind())) {
        continue;
      }
      f.floor.add(a.arrivedMs() - a.originMs());
      Double inPage = shown.get(e.getKey());
      if (inPage == null) {
        f.neverShown++;
      } else {
        f.page.add(inPage - a.originMs());
      }
    }
  }

  /** CPU time of the gateway, the browser, the broker, this process and the whole machine. */
  record Cpu(long nanos, long gateway, long browser, long broker, long bench, long machine) {
    static Cpu read(GatewayProcess gateway, HeadlessChromium browser) {
      long broker = ProcessHandle.current().children()
          .filter(p -> p.info().command().map(c -> c.endsWith("mosquitto")).orElse(false))
          .mapToLong(p -> ProcStatus.cpuNanos(p.pid())).sum();
      return new Cpu(System.nanoTime(), ProcStatus.cpuNanos(gateway.pid()),
          browser.pids().stream().mapToLong(pid -> Math.max(0, ProcStatus.cpuNanos(pid))).sum(), broker,
          ProcStatus.cpuNanos(ProcessHandle.current().pid()), ProcStatus.machineBusyNanos());
    }

    /** Shares of one core over the time since {@code before}, in percent. */
    BoardReport.CpuShares since(Cpu before) {
      double wall = nanos - before.nanos;
      double gw = 100.0 * (gateway - before.gateway) / wall;
      double br = 100.0 * (browser - before.browser) / wall;
      double mq = 100.0 * (broker - before.broker) / wall;
      double me = 100.0 * (bench - before.bench) / wall;
      double all = 100.0 * (machine - before.machine) / wall;
      return new BoardReport.CpuShares(gw, br, mq, me, Math.max(0, all - gw - br - mq - me));
    }
  }

  private static void addGuard(BenchEstate estate) throws Exception {
    Vertx vertx = Vertx.vertx();
    try (Store store = Store.open(vertx, estate.dataDir().resolve(Gateway.DB_FILE));
        Accounts accounts = new Accounts(vertx, store)) {
      accounts.create("bench", GUARD, Role.GUARD, PASSWORD).toCompletionStage().toCompletableFuture()
          .get(30, TimeUnit.SECONDS);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  static void say(String format, Object... args) {
    System.out.println(String.format(Locale.ROOT, format, args));
  }
}
