package io.doorstep.bench.modbus;

import io.doorstep.drivers.modbus.LineListener;
import io.doorstep.drivers.modbus.LineOptions;
import io.doorstep.drivers.modbus.LineStats;
import io.doorstep.drivers.modbus.ModbusLine;
import io.doorstep.drivers.modbus.Priority;
import io.doorstep.drivers.modbus.RtuTiming;
import io.doorstep.drivers.modbus.profile.RegisterTable;
import io.doorstep.sim.charger.Ebc10Bus;
import io.doorstep.sim.serial.PtyPair;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * What the gateway's Modbus line adds to one transaction: {@link ModbusLine#readRegisters}
 * round trips over a pty to the simulator answering at once, beside a bare jSerialComm master
 * sending the same bytes to the same simulator over the same pty. The two take turns, twice
 * each, so that a disturbance of the machine lands on both.
 */
final class OverheadRun {
  /** The reads the shipped profile's cycle is made of: ports 1-8, and the pile's own 7 registers. */
  record Size(String name, int address, int count) {}

  static final List<Size> SIZES = List.of(new Size("122 registers (ports 1–8)", 0x0100, 122),
      new Size("7 registers (pile status)", 0x0000, 7));
  private static final int BAUD = 9600;
  private static final int UNIT = 1;
  private static final int ROUNDS = 2;

  private final ModbusOptions options;

  OverheadRun(ModbusOptions options) {
    this.options = options;
  }

  String run(String command) throws Exception {
    int answerMs = Shed.profile().answerTimeMs();
    List<Histogram> floor = new ArrayList<>();
    List<Histogram> line = new ArrayList<>();
    for (int i = 0; i < SIZES.size(); i++) {
      floor.add(histogram());
      line.add(histogram());
    }
    long failures = 0;
    long lineTimeouts = 0;
    try (PtyPair pty = PtyPair.start();
        Ebc10Bus bus = Shed.open(pty.b(), Shed.piles(1, options.seed()), BAUD, 0, false)) {
      int per = Math.max(1, options.transactions() / ROUNDS);
      int warm = options.warmup() / ROUNDS;
      for (int round = 0; round < ROUNDS; round++) {
        try (BareMaster master = new BareMaster(pty.a(), BAUD)) {
          for (int s = 0; s < SIZES.size(); s++) {
            Size size = SIZES.get(s);
            byte[] request = BareMaster.readRequest(UNIT, RegisterTable.INPUT_REGISTER, size.address(), size.count());
            int answer = RtuTiming.readResponseBytes(RegisterTable.INPUT_REGISTER, size.count());
            for (int i = 0; i < warm + per; i++) {
              long start = System.nanoTime();
              master.exchange(request, answer);
              long nanos = System.nanoTime() - start;
              if (i >= warm) {
                floor.get(s).recordValue(nanos / 1000);
              }
            }
          }
        }
        Vertx vertx = Vertx.vertx();
        ModbusLine modbus = new ModbusLine(vertx, LineOptions.of("bench", pty.a(), BAUD), new LineListener() {});
        try {
          modbus.open();
          waitUp(modbus);
          for (int s = 0; s < SIZES.size(); s++) {
            Size size = SIZES.get(s);
            for (int i = 0; i < warm + per; i++) {
              CompletableFuture<Long> done = new CompletableFuture<>();
              long start = System.nanoTime();
              modbus.readRegisters(UNIT, RegisterTable.INPUT_REGISTER, size.address(), size.count(), Priority.POLL, answerMs)
                  .onComplete(ar -> {
                    if (ar.succeeded()) {
                      done.complete(System.nanoTime());
                    } else {
                      done.completeExceptionally(ar.cause());
                    }
                  });
              try {
                long end = done.get(10, TimeUnit.SECONDS);
                if (i >= warm) {
                  line.get(s).recordValue((end - start) / 1000);
                }
              } catch (java.util.concurrent.ExecutionException e) {
                failures++;
              }
            }
          }
          LineStats stats = modbus.stats();
          lineTimeouts += stats.timeouts() + stats.crcErrors();
        } finally {
          modbus.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
          vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
      }
    }
    return report(command, floor, line, failures, lineTimeouts);
  }

  private static void waitUp(ModbusLine line) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!line.isOpen()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the line did not open the pty");
      }
      Thread.sleep(5);
    }
  }

  private static Histogram histogram() {
    return new Histogram(TimeUnit.SECONDS.toMicros(10), 3);
  }

  private String report(String command, List<Histogram> floor, List<Histogram> line, long failures, long retried) {
    StringBuilder out = new StringBuilder();
    out.append("### Overhead per transaction (`modbus overhead`)\n\n");
    out.append("`").append(command).append("`\n\n");
    out.append("- Machine: ").append(io.doorstep.bench.verify.MachineFacts.collect().describe()).append(".\n");
    out.append(String.format(Locale.ROOT, "- One simulated EBC-10 on a socat pty pair, answering at once (not paced, "
        + "answer delay 0, so the wire costs nothing); %,d round trips per size and path after %,d of warm-up, "
        + "in %d alternating rounds; latency from the call to the answer in the caller's hands.%n",
        line.get(0).getTotalCount(), options.warmup(), ROUNDS));
    out.append("- Floor: a bare jSerialComm master in the bench writing the same request bytes and reading "
        + "the same answer with a blocking read (no scheduler, no Modbus library, no event loop).\n");
    out.append("- Line: `ModbusLine.readRegisters` at POLL priority from the bench's thread, completed on "
        + "its Vert.x context (line thread, digitalpetri's RTU client over jSerialComm's data listener, "
        + "hand-over to the event loop).\n\n");
    List<List<String>> rows = new ArrayList<>();
    double worstP99 = 0;
    for (int s = 0; s < SIZES.size(); s++) {
      Histogram f = floor.get(s);
      Histogram l = line.get(s);
      double p50 = (l.getValueAtPercentile(50) - f.getValueAtPercentile(50)) / 1000.0;
      double p99 = (l.getValueAtPercentile(99) - f.getValueAtPercentile(99)) / 1000.0;
      worstP99 = Math.max(worstP99, p99);
      rows.add(List.of(SIZES.get(s).name(), "floor (bare master)", String.format(Locale.ROOT, "%,d", f.getTotalCount()),
          Md.ms(f.getValueAtPercentile(50) / 1000.0), Md.ms(f.getValueAtPercentile(99) / 1000.0),
          Md.ms(f.getMaxValue() / 1000.0), ""));
      rows.add(List.of(SIZES.get(s).name(), "ModbusLine", String.format(Locale.ROOT, "%,d", l.getTotalCount()),
          Md.ms(l.getValueAtPercentile(50) / 1000.0), Md.ms(l.getValueAtPercentile(99) / 1000.0),
          Md.ms(l.getMaxValue() / 1000.0), Md.ms(p50) + " / " + Md.ms(p99)));
    }
    out.append(Md.table(List.of("read", "path", "round trips", "p50 ms", "p99 ms", "max ms", "line − floor p50 / p99 ms"),
        rows));
    out.append(String.format(Locale.ROOT, "%nFailed line round trips: %d; time-outs or CRC errors the line retried: %d.%n",
        failures, retried));
    double char9600 = RtuTiming.characterMs(BAUD);
    out.append(String.format(Locale.ROOT, "Goal: none set by the issue; for scale, at 9600 baud one character "
        + "takes %.2f ms and a 122-register read %s ms on the wire (RtuTiming.transactionMs with a 5 ms answer), "
        + "so the line's largest p99 overhead here (%s ms) is %s of that.%n", char9600,
        Md.ms(RtuTiming.transactionMs(BAUD, 8, 249, 5)), Md.ms(worstP99),
        Md.pct(worstP99 / RtuTiming.transactionMs(BAUD, 8, 249, 5))));
    return out.toString();
  }
}
