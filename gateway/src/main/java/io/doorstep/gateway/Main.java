package io.doorstep.gateway;

import io.doorstep.gateway.config.ConfigException;
import io.doorstep.gateway.config.ConfigLoader;
import io.doorstep.gateway.config.ConfigProblem;
import io.doorstep.gateway.config.GatewayConfig;
import io.doorstep.gateway.demo.Demo;
import io.doorstep.gateway.demo.DemoSheds;
import io.doorstep.gateway.fire.FireResetCommand;
import io.doorstep.gateway.web.auth.AdminCommand;
import io.doorstep.sim.SimulateCli;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * The command line: {@code demo}, {@code run}, {@code check-config}, {@code simulate},
 * {@code fire-reset}, {@code admin}. Exit codes: 0 done, 1 could not start (or, for fire-reset, refused or not
 * answered), 2 bad configuration or usage.
 */
public final class Main {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int BAD_CONFIG = 2;
  static final Path DEMO_CONFIG = Path.of("config", "gateway.yaml");

  private static final String USAGE = String.join("\n",
      "usage: doorstep <command>",
      "  demo [--config FILE]       the simulated reference estate on an embedded broker (default config/gateway.yaml)",
      "  run --config FILE          the gateway in production",
      "  check-config FILE          validate a configuration; prints every problem, exit 0 or 2",
      "  simulate <device> …        device simulators against a broker of your choice (simulate --help)",
      "  " + FireResetCommand.USAGE,
      "  " + AdminCommand.USAGE);

  private Main() {}

  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    if (code != OK || args.length == 0 || !isLongRunning(args[0])) {
      System.exit(code);
    }
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0) {
      err.println(USAGE);
      return BAD_CONFIG;
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    switch (args[0]) {
      case "check-config":
        return rest.length == 1 ? checkConfig(Path.of(rest[0]), out, err) : usage(err);
      case "run":
        return rest.length == 2 && rest[0].equals("--config") ? serve(Path.of(rest[1]), false, err) : usage(err);
      case "demo":
        if (rest.length == 0) {
          return serve(DEMO_CONFIG, true, err);
        }
        return rest.length == 2 && rest[0].equals("--config") ? serve(Path.of(rest[1]), true, err) : usage(err);
      case "simulate":
        return SimulateCli.run(rest);
      case "fire-reset":
        return FireResetCommand.run(rest, out, err);
      case "admin":
        return AdminCommand.run(rest, DEMO_CONFIG, Gateway.DB_FILE, System.in, out, err);
      case "--help":
      case "help":
        out.println(USAGE);
        return OK;
      default:
        return usage(err);
    }
  }

  private static boolean isLongRunning(String command) {
    return command.equals("run") || command.equals("demo");
  }

  private static int usage(PrintStream err) {
    err.println(USAGE);
    return BAD_CONFIG;
  }

  static int checkConfig(Path file, PrintStream out, PrintStream err) {
    try {
      GatewayConfig config = ConfigLoader.load(file);
      out.printf("%s: valid (estate %s: %d buildings, %d doors, %d devices)%n", file, config.estate().id(),
          config.estate().buildings().size(), config.estate().doors().size(), config.estate().devices().size());
      return OK;
    } catch (ConfigException e) {
      printProblems(e, err);
      return BAD_CONFIG;
    }
  }

  private static void printProblems(ConfigException e, PrintStream err) {
    err.println(e.problems().size() + " configuration problem(s):");
    for (ConfigProblem p : e.problems()) {
      err.println("  " + p);
    }
  }

  /** Starts the gateway (and in demo mode the simulated estate) and keeps it running until stopped. */
  private static int serve(Path configFile, boolean demo, PrintStream err) {
    if (!Files.exists(configFile)) {
      err.println(configFile + ": no such configuration file");
      return BAD_CONFIG;
    }
    GatewayConfig config;
    try {
      config = ConfigLoader.load(configFile);
    } catch (ConfigException e) {
      printProblems(e, err);
      return BAD_CONFIG;
    }
    Logging.bridgeJul();
    Logging.apply(config.logging());
    // The demo's charging piles answer on pseudo-terminals; the gateway's lines must point there.
    AutoCloseable sheds = () -> { };
    Map<String, String> portStandIns = Map.of();
    if (demo) {
      DemoSheds demoSheds = DemoSheds.start(config.estate());
      sheds = demoSheds;
      config = demoSheds.apply(config);
      portStandIns = demoSheds.portStandIns();
    }
    Gateway gateway;
    try {
      gateway = Gateway.start(config, portStandIns);
    } catch (StartupException e) {
      err.println("doorstep: " + e.getMessage());
      closeQuietly(sheds);
      return FAILED;
    }
    // From a thread of its own: exiting runs the shutdown hook below, which waits for Vert.x's
    // threads, so the event loop that answered the console must not be the one waiting.
    gateway.restarts().handOver(() -> new Thread(() -> System.exit(Restarts.EXIT_CODE), "doorstep-restart").start());
    AutoCloseable terminals = demo ? Demo.start(gateway, config) : () -> { };
    AutoCloseable piles = sheds;
    AutoCloseable estate = () -> {
      terminals.close();
      piles.close();
    };
    // Vert.x's threads keep the process alive; SIGTERM (systemctl stop) closes it in order.
    // The gateway first: the demo's simulated devices going away before it would be recorded as
    // lines lost and devices offline, alarms a guard would find after every restart.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      gateway.close();
      try {
        estate.close();
      } catch (Exception e) {
        // Stopping anyway.
      }
    }, "doorstep-shutdown"));
    return OK;
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // Failing anyway.
    }
  }
}
