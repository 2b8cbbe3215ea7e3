package io.doorstep.bench.modbus;

import io.doorstep.drivers.modbus.BlockPlanner;
import io.doorstep.drivers.modbus.DeviceReading;
import io.doorstep.drivers.modbus.LineListener;
import io.doorstep.drivers.modbus.LineOptions;
import io.doorstep.drivers.modbus.LineStats;
import io.doorstep.drivers.modbus.ModbusLine;
import io.doorstep.drivers.modbus.ModbusPoller;
import io.doorstep.drivers.modbus.PollListener;
import io.doorstep.drivers.modbus.PolledDevice;
import io.doorstep.drivers.modbus.ReadBlock;
import io.doorstep.drivers.modbus.RtuTiming;
import io.doorstep.drivers.modbus.profile.DeviceProfile;
import io.doorstep.sim.charger.Ebc10Bus;
import io.doorstep.sim.serial.PtyPair;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Line efficiency: 12 EBC-10 piles on one line, the simulator pacing its answers at the baud rate,
 * polled back to back by {@link ModbusPoller}; the achieved cycle beside the wire's minimum
 * ({@link CycleTheory}), the pty's minimum, and a bare master doing the same reads (the floor).
 */
final class EfficiencyRun {
  static final int PILES = 12;
  static final double GOAL = 0.90;

  /** Cycle times of one path at one baud rate, in ms, after the warm-up. */
  record Cycles(List<Double> ms, long failedReadings, LineStats stats) {
    double mean() {
      return ms.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    double p99() {
      return percentile(ms, 99);
    }
  }

  record Result(CycleTheory theory, Cycles floor, Cycles line) {}

  private final ModbusOptions options;

  EfficiencyRun(ModbusOptions options) {
    this.options = options;
  }

  String run(String command) throws Exception {
    DeviceProfile profile = Shed.profile();
    List<ReadBlock> plan = BlockPlanner.plan(profile);
    List<Result> results = new ArrayList<>();
    for (int baud : options.bauds()) {
      CycleTheory theory = CycleTheory.of(baud, plan, options.answerDelayMs(), PILES);
      int cycles = Math.max(5, (int) Math.ceil(options.measureSeconds() * 1000 / theory.cycleMs()));
      try (PtyPair pty = PtyPair.start();
          Ebc10Bus bus = Shed.open(pty.b(), Shed.piles(PILES, options.seed()), baud, options.answerDelayMs(), true)) {
        Cycles floor = floor(pty.a(), baud, plan, cycles);
        Cycles line = line(pty.a(), baud, profile, cycles);
        results.add(new Result(theory, floor, line));
      }
    }
    return report(command, results);
  }

  private Cycles floor(String path, int baud, List<ReadBlock> plan, int cycles) {
    List<byte[]> requests = new ArrayList<>();
    List<Integer> answers = new ArrayList<>();
    for (int unit = 1; unit <= PILES; unit++) {
      for (ReadBlock b : plan) {
        requests.add(BareMaster.readRequest(unit, b.table(), b.address(), b.count()));
        answers.add(RtuTiming.readResponseBytes(b.table(), b.count()));
      }
    }
    List<Double> ms = new ArrayList<>();
    try (BareMaster master = new BareMaster(path, baud)) {
      for (int c = 0; c < options.warmupCycles() + cycles; c++) {
        long start = System.nanoTime();
        for (int i = 0; i < requests.size(); i++) {
          master.exchange(requests.get(i), answers.get(i));
        }
        if (c >= options.warmupCycles()) {
          ms.add((System.nanoTime() - start) / 1e6);
        }
      }
    }
    return new Cycles(ms, 0, null);
  }

  private Cycles line(String path, int baud, DeviceProfile profile, int cycles) throws Exception {
    Vertx vertx = Vertx.vertx();
    ModbusLine line = new ModbusLine(vertx, LineOptions.of("bench", path, baud), new LineListener() {});
    List<PolledDevice> devices = new ArrayList<>();
    for (int unit = 1; unit <= PILES; unit++) {
      devices.add(new PolledDevice("pile-" + unit, unit, profile));
    }
    List<Double> all = new CopyOnWriteArrayList<>();
    AtomicLong failed = new AtomicLong();
    int warm = options.warmupCycles();
    ModbusPoller poller = new ModbusPoller(vertx, line, devices, Duration.ZERO, new PollListener() {
      @Override
      public void reading(DeviceReading reading) {
        if (all.size() >= warm && reading.values().values().stream().anyMatch(p -> p.quality() == io.doorstep.drivers.modbus.PointValue.Quality.FAILED)) {
          failed.incrementAndGet();
        }
      }

      @Override
      public void cycleCompleted(String lineId, long nanos) {
        all.add(nanos / 1e6);
      }
    });
    try {
      line.open();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!line.isOpen()) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the line did not open the pty");
        }
        Thread.sleep(5);
      }
      LineStats before = null;
      vertx.runOnContext(v -> poller.start());
      while (all.size() < warm + cycles) {
        if (before == null && all.size() >= warm) {
          before = line.stats();
        }
        Thread.sleep(10);
      }
      poller.stop();
      LineStats after = line.stats();
      LineStats delta = before == null ? after : minus(after, before);
      return new Cycles(new ArrayList<>(all.subList(warm, warm + cycles)), failed.get(), delta);
    } finally {
      line.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  private static LineStats minus(LineStats a, LineStats b) {
    return new LineStats(a.lineId(), a.open(), a.transactions() - b.transactions(), a.timeouts() - b.timeouts(),
        a.crcErrors() - b.crcErrors(), a.exceptionResponses() - b.exceptionResponses(), a.lineLosses() - b.lineLosses(),
        a.utilisation(), a.units());
  }

  static double percentile(List<Double> values, double p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = values.stream().sorted().toList();
    int rank = (int) Math.ceil(p / 100 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  private String report(String command, List<Result> results) {
    StringBuilder out = new StringBuilder();
    out.append("### Line efficiency (`modbus efficiency`)\n\n");
    out.append("`").append(command).append("`\n\n");
    out.append("- Machine: ").append(io.doorstep.bench.verify.MachineFacts.collect().describe()).append(".\n");
    out.append(String.format(Locale.ROOT, "- %d simulated EBC-10 piles (addresses 1–%d) on one socat pty pair, the "
        + "simulator pacing its answers at the baud rate and answering %d ms after a request (configured; a real "
        + "pile may take up to 50 ms, and the theory below uses the same %d ms). The shipped profile "
        + "(config/profiles/ebc-10.yaml) planned by BlockPlanner; `ModbusPoller` with cycleInterval 0 (back to "
        + "back); %d cycles of warm-up not counted; cycle times from `cycleCompleted`.%n",
        PILES, PILES, options.answerDelayMs(), options.answerDelayMs(), options.warmupCycles()));
    out.append("- Floor: a bare jSerialComm master in the bench making the same reads of the same piles back to back "
        + "on the same pty and simulator.\n\n");
    out.append(theoryText(results.get(0).theory()));
    for (Result r : results.subList(1, results.size())) {
      out.append(theoryText(r.theory()));
    }
    List<List<String>> rows = new ArrayList<>();
    for (Result r : results) {
      CycleTheory t = r.theory();
      rows.add(List.of(String.format(Locale.ROOT, "%,d", t.baud()), "floor (bare master)",
          Integer.toString(r.floor().ms().size()), Md.ms(r.floor().mean()), Md.ms(r.floor().p99()),
          Md.ms(t.cycleMs()), Md.ms(t.ptyCycleMs()), Md.pct(CycleTheory.efficiency(t.cycleMs(), r.floor().mean())),
          "—"));
      LineStats s = r.line().stats();
      rows.add(List.of(String.format(Locale.ROOT, "%,d", t.baud()), "gateway (ModbusPoller)",
          Integer.toString(r.line().ms().size()), Md.ms(r.line().mean()), Md.ms(r.line().p99()),
          Md.ms(t.cycleMs()), Md.ms(t.ptyCycleMs()), Md.pct(CycleTheory.efficiency(t.cycleMs(), r.line().mean())),
          String.format(Locale.ROOT, "%d / %d / %d", s.transactions(), s.timeouts(), s.crcErrors())));
    }
    out.append(Md.table(List.of("baud", "path", "cycles", "mean ms", "p99 ms", "wire minimum ms", "pty minimum ms",
        "rate vs wire minimum", "transactions / time-outs / CRC errors"), rows));
    out.append("\n");
    for (Result r : results) {
      CycleTheory t = r.theory();
      double eff = CycleTheory.efficiency(t.cycleMs(), r.line().mean());
      double vsFloor = r.line().mean() - r.floor().mean();
      out.append(String.format(Locale.ROOT, "- %,d baud: achieved rate %s of the theoretical rate (mean cycle %s ms "
          + "against %s ms); goal ≥ %s: %s. Gateway − floor: %s ms per cycle (%s ms per transaction); against the "
          + "pty's minimum the gateway reaches %s. Readings with a failed point after warm-up: %d.%n",
          t.baud(), Md.pct(eff), Md.ms(r.line().mean()), Md.ms(t.cycleMs()), Md.pct(GOAL), Md.verdict(eff >= GOAL),
          Md.ms(vsFloor), Md.ms(vsFloor / (PILES * t.blocks().size())),
          Md.pct(CycleTheory.efficiency(t.ptyCycleMs(), r.line().mean())), r.line().failedReadings()));
    }
    return out.toString();
  }

  /** How the wire's minimum was computed, block by block. */
  static String theoryText(CycleTheory t) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "Theory at %,d baud (RtuTiming: 11 bits a character = %.4f ms; silence "
        + "3.5 characters%s = %.4f ms; answer delay %d ms as configured):%n%n", t.baud(), t.characterMs(),
        t.baud() > 19200 ? ", fixed above 19200 baud" : "", RtuTiming.silenceMs(t.baud()), t.answerDelayMs()));
    List<List<String>> rows = new ArrayList<>();
    for (CycleTheory.Block b : t.blocks()) {
      rows.add(List.of(String.format(Locale.ROOT, "%s 0x%04X count %d", b.block().table().name().toLowerCase(Locale.ROOT)
              .replace('_', ' '), b.block().address(), b.block().count()),
          b.requestBytes() + " B = " + Md.ms(b.requestMs()), b.responseBytes() + " B = " + Md.ms(b.responseMs()),
          Md.ms(b.requestMs()) + " + " + Md.ms(b.silenceMs()) + " + " + t.answerDelayMs() + " + "
              + Md.ms(b.responseMs()) + " + " + Md.ms(b.silenceMs()) + " = " + Md.ms(b.wireMs()),
          Md.ms(b.ptyMs())));
    }
    out.append(Md.table(List.of("block", "request", "answer", "wire: request + silence + delay + answer + silence, ms",
        "pty: max(delay, silence) + answer + silence, ms"), rows));
    out.append(String.format(Locale.ROOT, "%nPer pile %s ms on the wire; × %d piles = **%s ms** minimum cycle "
        + "(%.3f cycles/s). On the bench's pty the master's request arrives at once "
        + "(the silences are kept), so the pty's minimum is %s ms.%n%n", Md.ms(t.deviceMs()), t.devices(), Md.ms(t.cycleMs()),
        1000 / t.cycleMs(), Md.ms(t.ptyCycleMs())));
    return out.toString();
  }
}
