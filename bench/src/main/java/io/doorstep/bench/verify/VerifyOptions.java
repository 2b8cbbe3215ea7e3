package io.doorstep.bench.verify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the verify run is asked to do.
 *
 * @param rates            aggregate verifications per second over all terminals, one run each
 * @param gatewayJavaOpts  JVM options of the gateway child; the launcher's production defaults,
 *                         so the figures are those of the process an estate runs
 * @param out              a markdown file to append the results to, or null
 * @param keep             leave the working directory (gateway and echo logs, store) in place
 */
public record VerifyOptions(int terminals, List<Integer> rates, int durationS, int warmupS,
    int persons, String gatewayJavaOpts, Path out, boolean keep, boolean help) {

  public static final String DEFAULT_GATEWAY_JAVA_OPTS = "-XX:+UseSerialGC -Xmx160m -Xss512k";

  public static final String USAGE = String.join("\n",
      "usage: doorstep bench verify [options]",
      "  Face-terminal verifications through a real Mosquitto, open loop at fixed rates: first against",
      "  an echo client (the broker's two-hop floor), then against the gateway as a child process.",
      "  --terminals N           simulated terminals (default 20)",
      "  --rates R1,R2,…         verifications per second over all terminals (default 50,500)",
      "  --duration-s S          measured seconds per rate and path (default 60)",
      "  --warmup-s S            unmeasured seconds before each measurement, same rate (default 10)",
      "  --persons N             residents in the store and in every terminal's list (default 3200)",
      "  --gateway-java-opts S   JVM options of the gateway (default \"" + DEFAULT_GATEWAY_JAVA_OPTS + "\")",
      "  --out FILE              also append the results as a markdown section to FILE",
      "  --keep                  keep the working directory (logs, store) and print where it is",
      "  --help                  this text");

  public VerifyOptions {
    rates = List.copyOf(rates);
    if (terminals < 1 || terminals > 99) {
      throw new IllegalArgumentException("--terminals must be from 1 to 99, got " + terminals);
    }
    if (rates.isEmpty() || rates.stream().anyMatch(r -> r < 1 || r > 10_000)) {
      throw new IllegalArgumentException("--rates must be from 1 to 10000 each, got " + rates);
    }
    if (durationS < 1 || warmupS < 0) {
      throw new IllegalArgumentException("--duration-s must be at least 1 and --warmup-s at least 0");
    }
    if (persons < 1) {
      throw new IllegalArgumentException("--persons must be at least 1, got " + persons);
    }
  }

  public static VerifyOptions defaults() {
    return new VerifyOptions(20, List.of(50, 500), 60, 10, 3200, DEFAULT_GATEWAY_JAVA_OPTS, null, false, false);
  }

  public static VerifyOptions parse(String[] args) {
    int terminals = 20;
    List<Integer> rates = List.of(50, 500);
    int durationS = 60;
    int warmupS = 10;
    int persons = 3200;
    String javaOpts = DEFAULT_GATEWAY_JAVA_OPTS;
    Path out = null;
    boolean keep = false;
    for (int i = 0; i < args.length; i++) {
      String key = args[i];
      if (key.equals("--help") || key.equals("-h")) {
        return new VerifyOptions(terminals, rates, durationS, warmupS, persons, javaOpts, out, keep, true);
      }
      if (key.equals("--keep")) {
        keep = true;
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(key + " needs a value");
      }
      String value = args[++i];
      switch (key) {
        case "--terminals" -> terminals = integer(key, value);
        case "--rates" -> rates = rates(value);
        case "--duration-s" -> durationS = integer(key, value);
        case "--warmup-s" -> warmupS = integer(key, value);
        case "--persons" -> persons = integer(key, value);
        case "--gateway-java-opts" -> javaOpts = value;
        case "--out" -> out = Path.of(value);
        default -> throw new IllegalArgumentException("unknown option " + key);
      }
    }
    return new VerifyOptions(terminals, rates, durationS, warmupS, persons, javaOpts, out, keep, false);
  }

  private static List<Integer> rates(String value) {
    List<Integer> list = new ArrayList<>();
    for (String part : value.split(",")) {
      list.add(integer("--rates", part.trim()));
    }
    return list;
  }

  private static int integer(String key, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " expects an integer, got '" + value + "'");
    }
  }
}
