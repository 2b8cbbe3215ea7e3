package io.doorstep.bench.modbus;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The command line of {@code doorstep bench modbus RUN [options]}. */
record ModbusOptions(String run, int transactions, int warmup, List<Integer> bauds, int answerDelayMs,
    int measureSeconds, int warmupCycles, int trials, int cycleMs, long seed, Path out, boolean help) {

  static final List<String> RUNS = List.of("overhead", "efficiency", "hazard");

  static final String USAGE = String.join("\n",
      "usage: doorstep bench modbus overhead|efficiency|hazard [options]",
      "  overhead     ModbusLine round trips over a pty, simulator answering at once, beside a bare jSerialComm master",
      "               --transactions N   measured per request size (default 3000), after --warmup N (default 500)",
      "  efficiency   12 EBC-10 piles, paced simulator, polled back to back, against the wire's minimum cycle",
      "               --bauds LIST       default 9600,115200",
      "               --measure-s N      seconds measured per baud rate and path (default 30)",
      "               --warmup-cycles N  cycles not counted (default 2)",
      "  hazard       the whole gateway, 12 paced piles at 9600 baud; a plug goes to 75 °C; time to the stop",
      "               --trials N         default 20, each on another port",
      "               --cycle-ms N       the line's cycleMs (default 1000, as shipped)",
      "  common       --answer-delay-ms N  the simulator's answer time (default 5; a real pile may take 50)",
      "               --seed N           default 1",
      "               --out FILE         append the report to FILE as well");

  static ModbusOptions parse(String[] args) {
    if (args.length == 0) {
      throw new IllegalArgumentException("which run?");
    }
    String run = args[0];
    if (run.equals("--help") || run.equals("help")) {
      return defaults(null, true);
    }
    if (!RUNS.contains(run)) {
      throw new IllegalArgumentException("unknown run " + run + " (one of " + String.join(", ", RUNS) + ")");
    }
    ModbusOptions o = defaults(run, false);
    for (int i = 1; i < args.length; i++) {
      String flag = args[i];
      if (flag.equals("--help")) {
        return defaults(run, true);
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(flag + " needs a value");
      }
      String v = args[++i];
      o = switch (flag) {
        case "--transactions" -> new ModbusOptions(run, positive(flag, v), o.warmup, o.bauds, o.answerDelayMs,
            o.measureSeconds, o.warmupCycles, o.trials, o.cycleMs, o.seed, o.out, false);
        case "--warmup" -> new ModbusOptions(run, o.transactions, atLeast0(flag, v), o.bauds, o.answerDelayMs,
            o.measureSeconds, o.warmupCycles, o.trials, o.cycleMs, o.seed, o.out, false);
        case "--bauds" -> new ModbusOptions(run, o.transactions, o.warmup,
            Arrays.stream(v.split(",")).map(b -> positive(flag, b.trim())).toList(), o.answerDelayMs,
            o.measureSeconds, o.warmupCycles, o.trials, o.cycleMs, o.seed, o.out, false);
        case "--answer-delay-ms" -> new ModbusOptions(run, o.transactions, o.warmup, o.bauds, atLeast0(flag, v),
            o.measureSeconds, o.warmupCycles, o.trials, o.cycleMs, o.seed, o.out, false);
        case "--measure-s" -> new ModbusOptions(run, o.transactions, o.warmup, o.bauds, o.answerDelayMs,
            positive(flag, v), o.warmupCycles, o.trials, o.cycleMs, o.seed, o.out, false);
        case "--warmup-cycles" -> new ModbusOptions(run, o.transactions, o.warmup, o.bauds, o.answerDelayMs,
            o.measureSeconds, atLeast0(flag, v), o.trials, o.cycleMs, o.seed, o.out, false);
        case "--trials" -> new ModbusOptions(run, o.transactions, o.warmup, o.bauds, o.answerDelayMs,
            o.measureSeconds, o.warmupCycles, positive(flag, v), o.cycleMs, o.seed, o.out, false);
        case "--cycle-ms" -> new ModbusOptions(run, o.transactions, o.warmup, o.bauds, o.answerDelayMs,
            o.measureSeconds, o.warmupCycles, o.trials, atLeast0(flag, v), o.seed, o.out, false);
        case "--seed" -> new ModbusOptions(run, o.transactions, o.warmup, o.bauds, o.answerDelayMs,
            o.measureSeconds, o.warmupCycles, o.trials, o.cycleMs, Long.parseLong(v), o.out, false);
        case "--out" -> new ModbusOptions(run, o.transactions, o.warmup, o.bauds, o.answerDelayMs,
            o.measureSeconds, o.warmupCycles, o.trials, o.cycleMs, o.seed, Path.of(v), false);
        default -> throw new IllegalArgumentException("unknown option " + flag);
      };
    }
    return o;
  }

  private static ModbusOptions defaults(String run, boolean help) {
    return new ModbusOptions(run, 3000, 500, List.of(9600, 115200), 5, 30, 2, 20, 1000, 1, null, help);
  }

  private static int positive(String flag, String v) {
    int n = atLeast0(flag, v);
    if (n == 0) {
      throw new IllegalArgumentException(flag + " must be above 0");
    }
    return n;
  }

  private static int atLeast0(String flag, String v) {
    try {
      int n = Integer.parseInt(v);
      if (n < 0) {
        throw new IllegalArgumentException(flag + " must not be negative: " + v);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " needs a whole number: " + v);
    }
  }
}
