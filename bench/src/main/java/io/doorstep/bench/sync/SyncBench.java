package io.doorstep.bench.sync;

import io.doorstep.gateway.store.PersonRecord;
import io.doorstep.sim.broker.MosquittoBroker;
import io.doorstep.sim.faceterminal.FaceTerminalSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A full person sync to one simulated terminal through a real Mosquitto, beside its floor: the
 * same messages published and acknowledged by a plain client without the gateway. The issue's
 * target is under 60 s for 3,200 persons with 30 KiB photos.
 */
public final class SyncBench {
  static final String USAGE = String.join("\n",
      "usage: doorstep bench sync [--persons N] [--face-kib K]",
      "  full sync of N persons (default 3200) with K KiB face photos (default 30) to one simulated",
      "  terminal through a real Mosquitto, beside the floor of a plain client; prints a markdown table");
  private static final Duration TARGET = Duration.ofSeconds(60);

  private SyncBench() {}

  /** Exit codes: 0 done, 1 the run failed, 2 bad usage. */
  public static int run(String[] args) {
    int persons = 3200;
    int faceKib = 30;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--persons" -> persons = positive(args, ++i);
          case "--face-kib" -> faceKib = positive(args, ++i);
          case "--help", "-h" -> {
            System.out.println(USAGE);
            return 0;
          }
          default -> throw new IllegalArgumentException("unknown argument " + args[i]);
        }
      }
    } catch (IllegalArgumentException e) {
      System.err.println("doorstep bench sync: " + e.getMessage());
      System.err.println(USAGE);
      return 2;
    }
    try {
      report(persons, faceKib);
      return 0;
    } catch (Exception e) {
      System.err.println("doorstep bench sync: failed: " + e);
      e.printStackTrace(System.err);
      return 1;
    }
  }

  private static void report(int count, int faceKib) throws Exception {
    List<PersonRecord> persons = BenchEstate.residents(count);
    BenchFaces faces = new BenchFaces(faceKib * 1024);
    FloorRun.Result floor;
    GatewayRun.Result gateway;
    try (MosquittoBroker broker = MosquittoBroker.start();
        FaceTerminalSimulator terminal = FaceTerminalSimulator.builder(broker.url(), BenchEstate.SN).create()) {
      terminal.start().get(30, TimeUnit.SECONDS);
      floor = FloorRun.run(broker.url(), persons, faces);
      check(terminal.personCount() == count, "the floor left " + terminal.personCount() + " persons");
      terminal.clearPersons();
      gateway = GatewayRun.run(broker.url(), persons, faces, terminal::personCount);
      check(gateway.status().failed().isEmpty(), "refused persons: " + gateway.status().failed());
    }
    System.out.println();
    System.out.printf(Locale.ROOT, "Full person sync: %d persons with %d KiB faces to one simulated terminal, "
        + "real Mosquitto, %d messages of up to 50 persons (%.1f MiB on the wire).%n%n",
        count, faceKib, floor.messages(), floor.bytes() / 1048576.0);
    System.out.println("| run | time | persons/s | vs floor |");
    System.out.println("|---|---:|---:|---:|");
    row("floor: plain client publishes each message and awaits its ack", floor.elapsed(), count, floor.elapsed());
    row("gateway: photos read, planned, sent, acked, recorded", gateway.elapsed(), count, floor.elapsed());
    System.out.println();
    System.out.printf(Locale.ROOT, "target: under %d s: %s%n", TARGET.toSeconds(),
        gateway.elapsed().compareTo(TARGET) < 0 ? "met" : "NOT met");
    System.out.printf(Locale.ROOT, "machine: %d processors, Java %s, %s %s%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.arch"));
    System.out.printf(Locale.ROOT, "command: ./doorstep bench sync --persons %d --face-kib %d%n", count, faceKib);
  }

  private static void row(String what, Duration d, int persons, Duration floor) {
    double s = d.toNanos() / 1e9;
    System.out.printf(Locale.ROOT, "| %s | %.2f s | %.0f | %.2f× |%n", what, s, persons / s,
        d.toNanos() / (double) floor.toNanos());
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException(what);
    }
  }

  private static int positive(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException(args[i - 1] + " needs a number");
    }
    try {
      int n = Integer.parseInt(args[i]);
      if (n < 1) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(args[i - 1] + " must be a positive whole number, got " + args[i]);
    }
  }
}
