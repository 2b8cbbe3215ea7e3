package io.doorstep.bench.modbus;

import io.doorstep.bench.verify.MachineFacts;
import io.doorstep.drivers.modbus.BlockPlanner;
import io.doorstep.gateway.Gateway;
import io.doorstep.gateway.config.ConfigLoader;
import io.doorstep.sim.broker.MosquittoBroker;
import io.doorstep.sim.charger.ChargerProfile;
import io.doorstep.sim.charger.Ebc10Pile;
import io.doorstep.sim.serial.PtyPair;
import io.doorstep.sim.serial.RtuSlaveLine;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Hazard to stop: the whole gateway in this JVM, one line of 12 paced piles at 9600 baud, two
 * ports of each pile charging. At a random moment one port's plug goes to 75 °C; timed from then
 * to the stop (2 written to the port's relay-command register) arriving at the simulated pile,
 * split at the first read of that plug's register after the rise.
 */
final class HazardRun {
  static final int PILES = 12;
  static final int BAUD = 9600;
  static final String LINE = "shed1-bus";
  static final double HOT_C = 75;
  static final long MARGIN_MS = 100;

  /** One trial: when the plug went hot, when the gateway's poll read it, when the stop arrived. */
  record Trial(int pile, int port, long hotNanos, long readNanos, long stopNanos) {
    double totalMs() {
      return (stopNanos - hotNanos) / 1e6;
    }

    double waitForReadMs() {
      return (readNanos - hotNanos) / 1e6;
    }

    double reactionMs() {
      return (stopNanos - readNanos) / 1e6;
    }
  }

  /** Poll-cycle timer of the line, from /metrics. */
  record CycleMetric(double count, double sumSeconds, double maxSeconds) {
    static CycleMetric parse(String prometheus, String line) {
      double count = 0;
      double sum = 0;
      double max = 0;
      String tag = "line=\"" + line + "\"";
      for (String l : prometheus.lines().toList()) {
        if (!l.startsWith("doorstep_modbus_poll_cycle_seconds") || !l.contains(tag)) {
          continue;
        }
        double v = Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1));
        if (l.startsWith("doorstep_modbus_poll_cycle_seconds_count")) {
          count = v;
        } else if (l.startsWith("doorstep_modbus_poll_cycle_seconds_sum")) {
          sum = v;
        } else if (l.startsWith("doorstep_modbus_poll_cycle_seconds_max")) {
          max = v;
        }
      }
      return new CycleMetric(count, sum, max);
    }

    /** Mean cycle in ms between two scrapes. */
    static double meanMs(CycleMetric before, CycleMetric after) {
      return (after.sumSeconds - before.sumSeconds) * 1000 / (after.count - before.count);
    }
  }

  private final ModbusOptions options;
  private final HttpClient http = HttpClient.newHttpClient();

  HazardRun(ModbusOptions options) {
    this.options = options;
  }

  String run(String command) throws Exception {
    Random random = new Random(options.seed());
    List<Ebc10Pile> piles = Shed.piles(PILES, options.seed());
    List<int[]> charging = new ArrayList<>();
    for (Ebc10Pile pile : piles) {
      List<Integer> ports = new ArrayList<>(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
      Collections.shuffle(ports, random);
      for (int port : ports.subList(0, 2)) {
        pile.plugIn(port, ChargerProfile.typical(random));
        charging.add(new int[] {pile.address(), port});
      }
    }
    Collections.shuffle(charging, random);
    if (options.trials() > charging.size()) {
      throw new IllegalArgumentException("at most " + charging.size() + " trials: one per charging port");
    }
    Path dir = Files.createTempDirectory("doorstep-modbus-hazard-");
    List<Trial> trials = new ArrayList<>();
    CycleMetric before;
    CycleMetric after;
    CycleMetric warm;
    WatchedShed shed = new WatchedShed(piles);
    try (MosquittoBroker broker = MosquittoBroker.start();
        PtyPair pty = PtyPair.start();
        RtuSlaveLine sim = RtuSlaveLine.open(pty.b(), shed, RtuSlaveLine.Options.defaults().baud(BAUD)
            .answerDelay(Duration.ofMillis(options.answerDelayMs())).paced(true))) {
      int webPort = freePort();
      Path config = write(dir, pty.a(), broker.url(), webPort);
      Gateway gateway = Gateway.start(ConfigLoader.load(config));
      try {
        warm = waitCycles(webPort, 2, Duration.ofSeconds(120));
        before = metric(webPort);
        double cycleGuessMs = before.sumSeconds() * 1000 / before.count();
        for (int i = 0; i < options.trials(); i++) {
          int[] target = charging.get(i);
          // A random moment within a cycle, so that the rise lands anywhere in the poll's round.
          Thread.sleep((long) (random.nextDouble() * cycleGuessMs));
          trials.add(trial(shed, piles.get(target[0] - 1), target[1]));
          // Cool the plug again so its alarm clears and the next trial starts from quiet.
          piles.get(target[0] - 1).setPlugTemperature(target[1], 30);
        }
        after = metric(webPort);
      } finally {
        gateway.close();
      }
    }
    return report(command, trials, warm, before, after);
  }

  private Trial trial(WatchedShed shed, Ebc10Pile pile, int port) throws Exception {
    int relayRegister = 0x0100 + 0x10 * (port - 1);
    CompletableFuture<Long> stop = new CompletableFuture<>();
    pile.onWrite((register, value, nanos) -> {
      if (register == relayRegister && value == 2) {
        stop.complete(nanos);
      }
    });
    CompletableFuture<Long> read = shed.nextRead(pile.address(), relayRegister + 7);
    long hot = System.nanoTime();
    pile.setPlugTemperature(port, HOT_C);
    try {
      long stopped = stop.get(60, TimeUnit.SECONDS);
      long seen = read.get(1, TimeUnit.SECONDS);
      if (pile.relayClosed(port)) {
        throw new IllegalStateException("pile " + pile.address() + " port " + port + " still closed after the stop");
      }
      return new Trial(pile.address(), port, hot, seen, stopped);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("no stop of pile " + pile.address() + " port " + port + " within 60 s");
    } finally {
      pile.onWrite(null);
    }
  }

  private CycleMetric waitCycles(int webPort, int cycles, Duration patience) throws Exception {
    long deadline = System.nanoTime() + patience.toNanos();
    while (true) {
      CycleMetric m = metric(webPort);
      if (m.count() >= cycles) {
        return m;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the gateway completed " + (int) m.count() + " poll cycles in " + patience);
      }
      Thread.sleep(200);
    }
  }

  private CycleMetric metric(int webPort) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webPort + "/metrics"))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    return CycleMetric.parse(response.body(), LINE);
  }

  private Path write(Path dir, String port, String brokerUrl, int webPort) throws Exception {
    Files.createDirectories(dir.resolve("estates"));
    List<String> estate = new ArrayList<>(List.of(
        "estate: {id: modbus-bench, name: 充电基准小区}",
        "buildings:",
        "  - {id: B01, name: 1栋, floors: 6, units: [U1]}",
        "devices:"));
    for (int a = 1; a <= PILES; a++) {
      estate.add(String.format(Locale.ROOT,
          "  - {id: pile-s1-%02d, type: charging-pile, link: %s, address: %d, profile: EBC-10, shed: S1}", a, LINE, a));
    }
    estate.add("lines:");
    estate.add("  - {id: " + LINE + ", port: '" + port + "', baud: " + BAUD + ", cycleMs: " + options.cycleMs() + "}");
    estate.add("charging:");
    estate.add("  sheds:");
    estate.add("    - {id: S1, name: 1号充电棚, powerBudgetW: 16000, breaker: 1号棚配电箱 总开关 QF1}");
    Files.writeString(dir.resolve("estates/bench.yaml"), String.join("\n", estate) + "\n", StandardCharsets.UTF_8);
    Path gateway = dir.resolve("gateway.yaml");
    Files.writeString(gateway, String.join("\n",
        "dataDir: " + dir.resolve("data"),
        "estate: estates/bench.yaml",
        "profiles: " + Shed.PROFILES.toAbsolutePath(),
        "web: {bind: 127.0.0.1, port: " + webPort + "}",
        "broker: {url: '" + brokerUrl + "', clientId: doorstep-modbus-bench}",
        "logging: {level: WARN}",
        ""), StandardCharsets.UTF_8);
    return gateway;
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private String report(String command, List<Trial> trials, CycleMetric warm, CycleMetric before, CycleMetric after) {
    CycleTheory theory = CycleTheory.of(BAUD, BlockPlanner.plan(Shed.profile()), options.answerDelayMs(), PILES);
    double cycleMs = CycleMetric.meanMs(before, after);
    List<Double> totals = trials.stream().map(Trial::totalMs).toList();
    List<Double> waits = trials.stream().map(Trial::waitForReadMs).toList();
    List<Double> reactions = trials.stream().map(Trial::reactionMs).toList();
    double target = cycleMs + MARGIN_MS;
    double max = EfficiencyRun.percentile(totals, 100);
    StringBuilder out = new StringBuilder();
    out.append("### Hazard to stop (`modbus hazard`)\n\n");
    out.append("`").append(command).append("`\n\n");
    out.append("- Machine: ").append(MachineFacts.collect().describe()).append(".\n");
    out.append(String.format(Locale.ROOT, "- The whole gateway in the bench's JVM (`Gateway.start`, a real Mosquitto), "
        + "one line of %d simulated EBC-10 piles at %,d baud on a socat pty pair, the simulator pacing its answers "
        + "and answering %d ms after a request; line `cycleMs: %d` (as shipped), two ports of every pile charging. "
        + "%d trials, each on another port, at a random moment within a cycle: the plug is set to %.0f °C (the stop "
        + "level is 70 °C); timed to the simulated pile applying 2 written to the port's relay-command register, "
        + "and split at the first read of that plug's temperature register after the rise.%n",
        PILES, BAUD, options.answerDelayMs(), options.cycleMs(), trials.size(), HOT_C));
    out.append(String.format(Locale.ROOT, "- Poll cycle measured in the same run (the line's "
        + "`doorstep_modbus_poll_cycle_seconds` on /metrics, over the %d cycles during the trials): mean **%s ms**, "
        + "largest %s ms; the wire's minimum for this line is %s ms (see the efficiency run), so with cycleMs %d the "
        + "line polls back to back.%n%n", (int) (after.count() - before.count()), Md.ms(cycleMs),
        Md.ms(after.maxSeconds() * 1000), Md.ms(theory.cycleMs()), options.cycleMs()));
    List<List<String>> rows = new ArrayList<>();
    rows.add(row("hot plug to stop at the pile", totals));
    rows.add(row("… of which: waiting for the poll to read that register", waits));
    rows.add(row("… of which: that read to the stop at the pile", reactions));
    out.append(Md.table(List.of("interval", "min ms", "p50 ms", "max ms"), rows));
    out.append(String.format(Locale.ROOT, "%nGoal: at most one poll cycle + %d ms = %s ms. Worst of %d: %s ms: %s.%n",
        MARGIN_MS, Md.ms(target), trials.size(), Md.ms(max), Md.verdict(max <= target)));
    out.append("\nTrials (pile/port: total ms = wait for the read + reaction):\n");
    for (Trial t : trials) {
      out.append(String.format(Locale.ROOT, "%d/%d: %s = %s + %s; ", t.pile(), t.port(), Md.ms(t.totalMs()),
          Md.ms(t.waitForReadMs()), Md.ms(t.reactionMs())));
    }
    out.append("\n");
    return out.toString();
  }

  private static List<String> row(String name, List<Double> values) {
    return List.of(name, Md.ms(EfficiencyRun.percentile(values, 0)), Md.ms(EfficiencyRun.percentile(values, 50)),
        Md.ms(EfficiencyRun.percentile(values, 100)));
  }
}
