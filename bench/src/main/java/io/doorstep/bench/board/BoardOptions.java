package io.doorstep.bench.board;

import static io.doorstep.bench.OptionValues.nonNegative;
import static io.doorstep.bench.OptionValues.positive;
import static io.doorstep.bench.OptionValues.value;

import java.nio.file.Path;

/** The command line of {@code doorstep bench board}. */
record BoardOptions(int rate, int durationS, int warmupS, int alarmEveryS, int sampleEveryS, int terminals,
    int persons, String gatewayJavaOpts, Path out, boolean keep, boolean help) {

  static final String DEFAULT_JAVA_OPTS = "-XX:+UseSerialGC -Xmx160m -Xss512k -XX:MetaspaceSize=64m";

  static final String USAGE = String.join("\n",
      "usage: doorstep bench board [options]",
      "  The guard board in headless Chromium, logged in as a guard, while face terminals send",
      "  --rate verifications a second through a real Mosquitto (a terminal alarm now and then).",
      "  Measures the page's memory (JS heap, DOM nodes, listeners: first minute against last),",
      "  the gateway's CPU, and event-to-screen latency; floor: the same events over the raw",
      "  /api/stream to a plain Java client in the same run.",
      "options:",
      "  --rate N                 verifications a second (default 200)",
      "  --duration-s N           seconds measured (default 600)",
      "  --warmup-s N             seconds of load not counted first (default 10)",
      "  --alarm-every-s N        a terminal raises an alarm every N seconds (default 15)",
      "  --sample-every-s N       the page's metrics read every N seconds (default 5)",
      "  --terminals N            face terminals (default 20)",
      "  --persons N              residents seeded into the store and the terminals (default 3200)",
      "  --gateway-java-opts S    the gateway's JVM options (default '" + DEFAULT_JAVA_OPTS + "')",
      "  --out FILE               also append the report to FILE",
      "  --keep                   keep the working directory (logs, store)");

  static BoardOptions parse(String[] args) {
    int rate = 200;
    int duration = 600;
    int warmup = 10;
    int alarmEvery = 15;
    int sampleEvery = 5;
    int terminals = 20;
    int persons = 3200;
    String opts = DEFAULT_JAVA_OPTS;
    Path out = null;
    boolean keep = false;
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--help", "help" -> help = true;
        case "--keep" -> keep = true;
        case "--rate" -> rate = positive(a, value(args, ++i, a));
        case "--duration-s" -> duration = positive(a, value(args, ++i, a));
        case "--warmup-s" -> warmup = nonNegative(a, value(args, ++i, a));
        case "--alarm-every-s" -> alarmEvery = positive(a, value(args, ++i, a));
        case "--sample-every-s" -> sampleEvery = positive(a, value(args, ++i, a));
        case "--terminals" -> terminals = positive(a, value(args, ++i, a));
        case "--persons" -> persons = positive(a, value(args, ++i, a));
        case "--gateway-java-opts" -> opts = value(args, ++i, a);
        case "--out" -> out = Path.of(value(args, ++i, a));
        default -> throw new IllegalArgumentException("unknown option " + a);
      }
    }
    if (duration < 10) {
      throw new IllegalArgumentException("--duration-s: at least 10");
    }
    return new BoardOptions(rate, duration, warmup, alarmEvery, sampleEvery, terminals, persons, opts, out, keep,
        help);
  }
}
