package io.doorstep.sim;

import io.doorstep.sim.faceterminal.FaceTerminalSimulator;
import io.doorstep.sim.faceterminal.Person;
import io.doorstep.sim.faceterminal.VerifyOutcome;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Face terminals from the command line, against any broker: for trying a gateway by hand
 * and for a quick load. Prints one line per outcome and a summary. {@code simulate ebc10}
 * runs charging piles on a serial line instead ({@link Ebc10Command}).
 */
public final class SimulateCli {

  static final String USAGE = String.join("\n",
      "usage: simulate face-terminal --broker URL --sn SN[,SN...] [--password P]",
      "         [--rate PER_S] [--duration S] [--stranger-ratio R] [--persons FILE]",
      "  --rate            verifications a second over all terminals (default 1)",
      "  --duration        seconds to run (default 10)",
      "  --stranger-ratio  share of unknown faces, 0-1 (default 0.03)",
      "  --persons         personIds, one a line, loaded into every terminal's list",
      "                    (default R0001..R0100)",
      Ebc10Command.USAGE);

  private static final int EXIT_OK = 0;
  private static final int EXIT_FAILED = 1;
  private static final int EXIT_USAGE = 2;

  /** Parsed arguments. */
  record Args(String broker, List<String> sns, String password, double rate, double durationS,
      double strangerRatio, List<String> personIds) {
  }

  private SimulateCli() {
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  public static int run(String[] args) {
    return run(args, System.out, System.err);
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, Duration.ofSeconds(10));
  }

  /** {@code connectWait}: how long the terminals may take to connect before giving up. */
  static int run(String[] args, PrintStream out, PrintStream err, Duration connectWait) {
    if (args.length > 0 && "ebc10".equals(args[0])) {
      return ebc10(args, out, err);
    }
    Args parsed;
    try {
      parsed = parse(args);
    } catch (IllegalArgumentException e) {
      err.println("simulate: " + e.getMessage());
      err.println(USAGE);
      return EXIT_USAGE;
    }
    try {
      return simulate(parsed, out, err, connectWait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return EXIT_FAILED;
    }
  }

  private static int ebc10(String[] args, PrintStream out, PrintStream err) {
    Ebc10Command.Args parsed;
    try {
      parsed = Ebc10Command.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("simulate: " + e.getMessage());
      err.println(Ebc10Command.USAGE);
      return EXIT_USAGE;
    }
    try {
      return Ebc10Command.run(parsed, out, err);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return EXIT_FAILED;
    }
  }

  static Args parse(String[] args) {
    if (args.length == 0 || !"face-terminal".equals(args[0])) {
      throw new IllegalArgumentException("the first argument must be face-terminal or ebc10");
    }
    CliOptions options = CliOptions.parse(args, List.of("--broker", "--sn", "--password", "--rate", "--duration",
        "--stranger-ratio", "--persons"));
    String broker = options.required("--broker");
    List<String> sns = Arrays.stream(options.required("--sn").split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toList());
    if (sns.isEmpty()) {
      throw new IllegalArgumentException("--sn needs at least one serial number");
    }
    double rate = options.number("--rate", 1, 0.001, 100_000);
    double duration = options.number("--duration", 10, 0.1, 86_400);
    double strangers = options.number("--stranger-ratio", 0.03, 0, 1);
    return new Args(broker, sns, options.get("--password"), rate, duration, strangers,
        personIds(options.get("--persons")));
  }

  private static List<String> personIds(String file) {
    if (file == null) {
      return IntStream.rangeClosed(1, 100).mapToObj(i -> String.format("R%04d", i))
          .collect(Collectors.toList());
    }
    try {
      List<String> ids = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8).stream()
          .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .collect(Collectors.toList());
      if (ids.isEmpty()) {
        throw new IllegalArgumentException("--persons " + file + " lists no personIds");
      }
      return ids;
    } catch (IOException e) {
      throw new IllegalArgumentException("--persons " + file + ": cannot read (" + e + ")");
    }
  }

  private static int simulate(Args args, PrintStream out, PrintStream err, Duration connectWait)
      throws InterruptedException {
    List<FaceTerminalSimulator> terminals = new ArrayList<>();
    List<Person> persons = args.personIds().stream().map(id -> Person.resident(id, id))
        .collect(Collectors.toList());
    ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "simulate-cli");
      t.setDaemon(true);
      return t;
    });
    try {
      for (String sn : args.sns()) {
        FaceTerminalSimulator terminal = FaceTerminalSimulator.builder(args.broker(), sn)
            .password(args.password()).create();
        terminals.add(terminal);
        terminal.loadPersons(persons);
      }
      if (!connected(terminals, err, connectWait)) {
        return EXIT_FAILED;
      }
      Summary summary = new Summary();
      ConcurrentLinkedQueue<CompletableFuture<?>> pending = new ConcurrentLinkedQueue<>();
      Random random = new Random();
      long periodNanos = (long) (1e9 / args.rate());
      pacer.scheduleAtFixedRate(() -> pending.add(
          present(terminals.get(random.nextInt(terminals.size())), args, random, out, summary)),
          0, periodNanos, TimeUnit.NANOSECONDS);
      Thread.sleep((long) (args.durationS() * 1000));
      pacer.shutdownNow();
      pacer.awaitTermination(5, TimeUnit.SECONDS);
      CompletableFuture.allOf(pending.toArray(new CompletableFuture<?>[0]))
          .orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
      out.println(summary);
      return EXIT_OK;
    } catch (IllegalArgumentException e) {
      err.println("simulate: " + e.getMessage());
      return EXIT_FAILED;
    } finally {
      pacer.shutdownNow();
      terminals.forEach(FaceTerminalSimulator::close);
    }
  }

  private static boolean connected(List<FaceTerminalSimulator> terminals, PrintStream err,
      Duration wait) {
    try {
      CompletableFuture.allOf(terminals.stream().map(FaceTerminalSimulator::start)
          .toArray(CompletableFuture<?>[]::new)).get(wait.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (Exception e) {
      err.println("simulate: not all terminals could connect within " + wait.toSeconds() + " s: "
          + terminals.stream().filter(t -> !t.isConnected()).map(FaceTerminalSimulator::sn)
              .collect(Collectors.joining(",")));
      return false;
    }
  }

  private static CompletableFuture<VerifyOutcome> present(FaceTerminalSimulator terminal,
      Args args, Random random, PrintStream out, Summary summary) {
    boolean stranger = random.nextDouble() < args.strangerRatio();
    String personId = stranger ? null
        : args.personIds().get(random.nextInt(args.personIds().size()));
    double score = stranger ? 0.2 + random.nextDouble() * 0.4 : 0.85 + random.nextDouble() * 0.14;
    String lane = random.nextBoolean() ? "in" : "out";
    return terminal.presentFace(personId, score, true, "pedestrian", lane)
        .whenComplete((outcome, error) -> {
          if (error != null) {
            out.printf("%s face error %s%n", terminal.sn(), error.getMessage());
            return;
          }
          summary.add(outcome);
          out.printf("%s face %s %s %.2f ms %s%n", terminal.sn(), outcome.decision().wire(),
              outcome.reason() == null ? "-" : outcome.reason(), outcome.latencyMillis(),
              outcome.local() ? "local" : "gateway");
        });
  }

  /** Counts and latencies of all outcomes; printed at the end. */
  private static final class Summary {
    private final List<Long> latencies = new ArrayList<>();
    private int opened;
    private int local;

    synchronized void add(VerifyOutcome outcome) {
      latencies.add(outcome.latencyNanos());
      opened += outcome.opened() ? 1 : 0;
      local += outcome.local() ? 1 : 0;
    }

    @Override
    public synchronized String toString() {
      List<Long> sorted = latencies.stream().sorted().collect(Collectors.toList());
      int n = sorted.size();
      return String.format("summary: %d outcomes, %d open, %d deny, %d gateway, %d local, "
              + "latency p50 %.2f ms p99 %.2f ms max %.2f ms", n, opened, n - opened, n - local,
          local, percentile(sorted, 0.50), percentile(sorted, 0.99), percentile(sorted, 1.0));
    }

    private static double percentile(List<Long> sorted, double p) {
      if (sorted.isEmpty()) {
        return 0;
      }
      int index = (int) Math.ceil(p * sorted.size()) - 1;
      return sorted.get(Math.max(0, index)) / 1e6;
    }
  }
}
