package io.doorstep.sim;

import io.doorstep.sim.charger.Ebc10Pile;
import io.doorstep.sim.charger.ShedSimulation;
import io.doorstep.sim.serial.LineCounts;
import io.doorstep.sim.serial.RtuSlaveLine;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code simulate ebc10}: a shed of charging piles on one serial line, bikes plugging in and
 * charging, until Ctrl-C (or {@code --duration}).
 */
final class Ebc10Command {

  static final String USAGE = String.join("\n",
      "usage: simulate ebc10 --line PATH [--addresses 1-12] [--baud 9600] [--speed 60]",
      "         [--plugged 0.5] [--seed N] [--paced true|false] [--duration S]",
      "  --line       serial line: /dev/ttyUSB0, /dev/pts/N or a socat link",
      "  --addresses  slave addresses, a range 1-12 or a list 1,2,5 (default 1)",
      "  --baud       2400 4800 9600 19200 38400 57600 115200 (default 9600)",
      "  --speed      simulated seconds per real second (default 60: an hour a minute)",
      "  --plugged    share of ports with a bike at the start, 0-1 (default 0.5)",
      "  --seed       for repeatable bikes and noise (default: random)",
      "  --paced      false answers at once instead of at line speed (default true)",
      "  --duration   seconds to run (default: until Ctrl-C)");

  private static final List<String> OPTIONS = List.of("--line", "--addresses", "--baud",
      "--speed", "--plugged", "--seed", "--paced", "--duration");

  /** Parsed arguments; {@code durationS} 0 runs until interrupted. */
  record Args(String line, List<Integer> addresses, int baud, double speed, double plugged,
      long seed, boolean paced, double durationS) {
  }

  private Ebc10Command() {
  }

  static Args parse(String[] args) {
    CliOptions options = CliOptions.parse(args, OPTIONS);
    String line = options.required("--line");
    int baud = (int) options.number("--baud", 9600, 2400, 115200);
    if (!List.of(2400, 4800, 9600, 19200, 38400, 57600, 115200).contains(baud)) {
      throw new IllegalArgumentException("--baud must be one the pile knows: " + baud);
    }
    String paced = options.get("--paced", "true");
    if (!paced.equals("true") && !paced.equals("false")) {
      throw new IllegalArgumentException("--paced must be true or false: " + paced);
    }
    long seed = options.has("--seed")
        ? (long) options.number("--seed", 0, Long.MIN_VALUE, Long.MAX_VALUE)
        : new Random().nextLong();
    return new Args(line, addresses(options.get("--addresses", "1")), baud,
        options.number("--speed", 60, 0.001, 100_000), options.number("--plugged", 0.5, 0, 1),
        seed, paced.equals("true"), options.number("--duration", 0, 0.1, 1e9));
  }

  private static List<Integer> addresses(String text) {
    List<Integer> addresses = new ArrayList<>();
    try {
      for (String part : text.split(",")) {
        String[] range = part.trim().split("-");
        int from = Integer.parseInt(range[0].trim());
        int to = range.length == 2 ? Integer.parseInt(range[1].trim()) : from;
        if (range.length > 2 || from < 1 || to > 247 || from > to) {
          throw new NumberFormatException();
        }
        for (int a = from; a <= to; a++) {
          if (!addresses.contains(a)) {
            addresses.add(a);
          }
        }
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--addresses must be 1-247 as a range or list: " + text);
    }
    return addresses;
  }

  static int run(Args args, PrintStream out, PrintStream err) throws InterruptedException {
    ShedSimulation shed;
    try {
      shed = ShedSimulation.start(args.line(), args.addresses(),
          RtuSlaveLine.Options.defaults().baud(args.baud()).paced(args.paced()), args.speed(), args.plugged(),
          args.seed());
    } catch (IllegalStateException e) {
      err.println("simulate: " + e.getMessage());
      return 1;
    }
    List<Ebc10Pile> piles = shed.piles();
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(stopped::countDown, "simulate-cli-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    out.printf("ebc10: %d piles at %s on %s, %d baud, speed %s, seed %d%n", piles.size(),
        args.addresses(), args.line(), args.baud(), args.speed(), args.seed());
    try {
      long end = args.durationS() > 0
          ? System.nanoTime() + (long) (args.durationS() * 1e9) : Long.MAX_VALUE;
      long nextReport = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (System.nanoTime() < end && !stopped.await(
          Math.min(1000, Math.max(1, (end - System.nanoTime()) / 1_000_000)),
          TimeUnit.MILLISECONDS)) {
        shed.step();
        if (System.nanoTime() >= nextReport) {
          out.println(report(shed.counts(), piles));
          nextReport += TimeUnit.SECONDS.toNanos(10);
        }
      }
      out.println(report(shed.counts(), piles));
      return 0;
    } finally {
      shed.close();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // Ctrl-C: the JVM is on its way out already.
      }
    }
  }

  private static String report(LineCounts counts, List<Ebc10Pile> piles) {
    int charging = 0;
    double watts = 0;
    for (Ebc10Pile pile : piles) {
      for (int port = 1; port <= Ebc10Pile.PORTS; port++) {
        charging += pile.relayClosed(port) ? 1 : 0;
        watts += pile.power(port);
      }
    }
    return String.format("ebc10: %d relays closed, %.0f W; %d requests, %d answers, "
            + "%d exceptions, %d bad CRC, %d framing drops, %d unanswered", charging, watts,
        counts.requests(), counts.answers(), counts.exceptions(), counts.crcDrops(),
        counts.framingDrops(), counts.unanswered());
  }
}
