package io.doorstep.bench;

import io.doorstep.bench.board.BoardBench;
import io.doorstep.bench.modbus.ModbusBench;
import io.doorstep.bench.sync.SyncBench;
import io.doorstep.bench.upstream.UpstreamBench;
import io.doorstep.bench.verify.EchoResponder;
import io.doorstep.bench.verify.VerifyBench;
import io.doorstep.bench.verify.VerifyOptions;
import io.doorstep.bench.wiegand.WiegandBench;
import java.util.Arrays;

/**
 * The benchmark command line: {@code verify} is the verification load run, {@code sync} the
 * full person sync, {@code wiegand} the Wiegand decoder, {@code modbus} the RS-485 lines, {@code upstream}
 * the forwarding to the platform, {@code board} the guard board in a browser. Exit codes: 0 done,
 * 1 the run failed, 2 bad usage.
 */
public final class BenchMain {
  private static final String USAGE = String.join("\n",
      "usage: doorstep bench <run>",
      "  verify …    remote verification through a real Mosquitto, beside its floor (verify --help)",
      "  sync …      full person sync to one terminal, beside a plain client's floor",
      "  wiegand …   Wiegand decoding on Pi4J's mock platform at real pulse timing",
      "  modbus …    RS-485 / Modbus: overhead, efficiency or hazard (modbus --help)",
      "  upstream …  to the platform: throughput or drain of a backlog (upstream --help)",
      "  board …     the guard board in headless Chromium under a stream of events (board --help)");

  private BenchMain() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String[] args) {
    if (args.length == 0) {
      System.err.println(USAGE);
      return 2;
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    switch (args[0]) {
      case "verify":
        return verify(rest);
      case "sync":
        return SyncBench.run(rest);
      case "wiegand":
        return WiegandBench.run(rest);
      case "modbus":
        return ModbusBench.run(rest, shellWords(rest));
      case "upstream":
        return UpstreamBench.run(rest, shellWords(rest));
      case "board":
        return BoardBench.run(rest, shellWords(rest));
      case EchoResponder.COMMAND:
        // Not for people: the floor's echo runs as a child process of the verify run.
        return EchoResponder.runChild(rest);
      case "--help":
      case "help":
        System.out.println(USAGE);
        return 0;
      default:
        System.err.println(USAGE);
        return 2;
    }
  }

  /** The arguments as a shell would need them typed, so the printed command can be pasted. */
  static String shellWords(String[] args) {
    StringBuilder line = new StringBuilder();
    for (String arg : args) {
      if (line.length() > 0) {
        line.append(' ');
      }
      boolean plain = !arg.isEmpty() && arg.chars().allMatch(c -> Character.isLetterOrDigit(c) || "-_.,/=:+@%".indexOf(c) >= 0);
      line.append(plain ? arg : "'" + arg.replace("'", "'\\''") + "'");
    }
    return line.toString();
  }

  private static int verify(String[] args) {
    VerifyOptions options;
    try {
      options = VerifyOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("doorstep bench verify: " + e.getMessage());
      System.err.println(VerifyOptions.USAGE);
      return 2;
    }
    if (options.help()) {
      System.out.println(VerifyOptions.USAGE);
      return 0;
    }
    try {
      new VerifyBench(options, shellWords(args)).run();
      return 0;
    } catch (IllegalStateException e) {
      // The run's own findings (a child died, the build is stale): the message says it all.
      System.err.println("doorstep bench verify: " + e.getMessage());
      return 1;
    } catch (Exception e) {
      System.err.println("doorstep bench verify: failed: " + e);
      e.printStackTrace(System.err);
      return 1;
    }
  }
}
