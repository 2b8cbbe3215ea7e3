package io.doorstep.bench.upstream;

import static io.doorstep.bench.OptionValues.nonNegative;
import static io.doorstep.bench.OptionValues.positive;
import static io.doorstep.bench.OptionValues.value;

import java.nio.file.Path;

/** The command line of {@code doorstep bench upstream throughput|drain}. */
record UpstreamOptions(String mode, int rate, int warmupS, int durationS, int events, int verifyRate,
    int floorS, int terminals, int persons, int maxInFlight, String gatewayJavaOpts, Path out, boolean keep,
    boolean help) {

  static final String DEFAULT_JAVA_OPTS = "-XX:+UseSerialGC -Xmx160m -Xss512k -XX:MetaspaceSize=64m";

  static final String USAGE = String.join("\n",
      "usage: doorstep bench upstream throughput|drain [options]",
      "  throughput   terminals' offline passages (up/record) at --rate events/s into the gateway, which",
      "               forwards them to a second Mosquitto (the platform's); a subscriber there counts them;",
      "               floor: a bare Paho publisher pushing the same bodies, QoS 1, same window",
      "  drain        a backlog of --events events pre-filled into the gateway's store, drained once the",
      "               platform's broker comes up, while --verify-rate verifications a second run;",
      "               floor: the same verification load before the broker comes up (no drain)",
      "options:",
      "  --rate N                 throughput: events a second offered (default 6000)",
      "  --warmup-s N             seconds not counted before a measurement (default 10)",
      "  --duration-s N           throughput: seconds measured (default 60)",
      "  --events N               drain: events in the backlog (default 1000000)",
      "  --verify-rate N          drain: verifications a second during both windows (default 50)",
      "  --floor-s N              drain: seconds of verification measured without a drain (default 60)",
      "  --terminals N            face terminals (default 20)",
      "  --persons N              residents seeded into the store and the terminals (default 3200)",
      "  --max-in-flight N        the gateway's upstream.maxInFlight, and the floor's window (default 32)",
      "  --gateway-java-opts S    the gateway's JVM options (default '" + DEFAULT_JAVA_OPTS + "')",
      "  --out FILE               also append the report to FILE",
      "  --keep                   keep the working directory (logs, store)");

  static UpstreamOptions parse(String[] args) {
    if (args.length == 0) {
      throw new IllegalArgumentException("throughput or drain?");
    }
    String mode = args[0];
    if (mode.equals("--help") || mode.equals("help")) {
      return defaults("help").withHelp();
    }
    if (!mode.equals("throughput") && !mode.equals("drain")) {
      throw new IllegalArgumentException("unknown run '" + mode + "'");
    }
    int rate = 6000;
    int warmup = 10;
    int duration = 60;
    int events = 1_000_000;
    int verifyRate = 50;
    int floorS = 60;
    int terminals = 20;
    int persons = 3200;
    int window = 32;
    String opts = DEFAULT_JAVA_OPTS;
    Path out = null;
    boolean keep = false;
    boolean help = false;
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--help" -> help = true;
        case "--keep" -> keep = true;
        case "--rate" -> rate = positive(a, value(args, ++i, a));
        case "--warmup-s" -> warmup = nonNegative(a, value(args, ++i, a));
        case "--duration-s" -> duration = positive(a, value(args, ++i, a));
        case "--events" -> events = positive(a, value(args, ++i, a));
        case "--verify-rate" -> verifyRate = positive(a, value(args, ++i, a));
        case "--floor-s" -> floorS = positive(a, value(args, ++i, a));
        case "--terminals" -> terminals = positive(a, value(args, ++i, a));
        case "--persons" -> persons = positive(a, value(args, ++i, a));
        case "--max-in-flight" -> window = positive(a, value(args, ++i, a));
        case "--gateway-java-opts" -> opts = value(args, ++i, a);
        case "--out" -> out = Path.of(value(args, ++i, a));
        default -> throw new IllegalArgumentException("unknown option " + a);
      }
    }
    if (window > 1000) {
      throw new IllegalArgumentException("--max-in-flight: at most 1000 (the gateway's bound)");
    }
    return new UpstreamOptions(mode, rate, warmup, duration, events, verifyRate, floorS, terminals, persons,
        window, opts, out, keep, help);
  }

  private static UpstreamOptions defaults(String mode) {
    return new UpstreamOptions(mode, 0, 0, 0, 0, 0, 0, 0, 0, 0, DEFAULT_JAVA_OPTS, null, false, false);
  }

  private UpstreamOptions withHelp() {
    return new UpstreamOptions(mode, rate, warmupS, durationS, events, verifyRate, floorS, terminals, persons,
        maxInFlight, gatewayJavaOpts, out, keep, true);
  }
}
