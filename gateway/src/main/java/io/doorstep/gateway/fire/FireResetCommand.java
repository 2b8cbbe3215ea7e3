package io.doorstep.gateway.fire;

import io.doorstep.gateway.config.ConfigException;
import io.doorstep.gateway.config.ConfigLoader;
import io.doorstep.gateway.config.ConfigProblem;
import io.doorstep.gateway.config.GatewayConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code doorstep fire-reset --config FILE --by NAME --role ROLE [--wait SECONDS]}: asks the
 * running gateway to end fire mode and prints its answer. Exit 0 when fire mode is over (or was
 * not on), 1 when the gateway refused or did not answer, 2 for a wrong command line or
 * configuration.
 */
public final class FireResetCommand {
  public static final String USAGE =
      "fire-reset --config FILE --by NAME --role ROLE [--wait SECONDS]   end fire mode (admin or technician)";
  static final int OK = 0;
  static final int REFUSED = 1;
  static final int USAGE_ERROR = 2;
  private static final int DEFAULT_WAIT_S = 15;
  /** Once the gateway has taken the request it is answering; a reset is one write. */
  private static final long CLAIMED_GRACE_MS = 10_000;

  private FireResetCommand() {}

  public static int run(String[] args, PrintStream out, PrintStream err) {
    Map<String, String> options = options(args);
    if (options == null || !options.keySet().containsAll(List.of("--config", "--by", "--role"))) {
      err.println("usage: doorstep " + USAGE);
      return USAGE_ERROR;
    }
    int waitS;
    try {
      waitS = Integer.parseInt(options.getOrDefault("--wait", String.valueOf(DEFAULT_WAIT_S)));
    } catch (NumberFormatException e) {
      waitS = -1;
    }
    if (waitS < 1 || waitS > 600) {
      err.println("--wait: seconds from 1 to 600, got " + options.get("--wait"));
      return USAGE_ERROR;
    }
    GatewayConfig config;
    try {
      config = ConfigLoader.load(Path.of(options.get("--config")));
    } catch (ConfigException e) {
      err.println(e.problems().size() + " configuration problem(s):");
      e.problems().stream().map(ConfigProblem::toString).forEach(p -> err.println("  " + p));
      return USAGE_ERROR;
    }
    return ask(ResetRequests.directory(config.dataDir()), options.get("--by"), options.get("--role"),
        waitS * 1000L, out, err);
  }

  private static int ask(Path dir, String by, String role, long waitMs, PrintStream out, PrintStream err) {
    if (!Files.isDirectory(dir)) {
      err.println("no gateway has run with this configuration: " + dir + " does not exist");
      return REFUSED;
    }
    String id = UUID.randomUUID().toString();
    try {
      ResetRequests.writeAtomically(ResetRequests.request(dir, id),
          new ResetRequests.Request(by, role, System.currentTimeMillis()).toJson().encode());
    } catch (AccessDeniedException e) {
      err.println("cannot leave a request in " + dir + ": permission denied; run it as the gateway's user,"
          + " e.g. sudo -u doorstep ./doorstep fire-reset …");
      return REFUSED;
    } catch (IOException e) {
      err.println("cannot leave a request in " + dir + ": " + e);
      return REFUSED;
    }
    try {
      ResetRequests.Result result = awaitResult(dir, id, waitMs);
      if (result == null) {
        err.println("no answer from the gateway within " + waitMs / 1000 + " s; is it running with this"
            + " configuration? Nothing was reset.");
        return REFUSED;
      }
      boolean over = result.outcome() == ResetRequests.Outcome.RESET
          || result.outcome() == ResetRequests.Outcome.NOT_ACTIVE;
      (over ? out : err).println((over ? "" : "refused: ") + result.message());
      return over ? OK : REFUSED;
    } catch (IOException e) {
      err.println("cannot read the gateway's answer in " + dir + ": " + e);
      return REFUSED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return REFUSED;
    }
  }

  /** The answer, or null when the gateway did not take the request in time (it is then withdrawn). */
  private static ResetRequests.Result awaitResult(Path dir, String id, long waitMs)
      throws IOException, InterruptedException {
    Path resultFile = ResetRequests.result(dir, id);
    long deadline = System.currentTimeMillis() + waitMs;
    boolean graceGiven = false;
    while (true) {
      try {
        String text = Files.readString(resultFile, StandardCharsets.UTF_8);
        Files.deleteIfExists(resultFile);
        return ResetRequests.Result.parse(text);
      } catch (NoSuchFileException e) {
        // not yet
      }
      if (System.currentTimeMillis() > deadline) {
        if (graceGiven) {
          return new ResetRequests.Result(ResetRequests.Outcome.FAILED, "the gateway took the request but did not"
              + " answer; fire mode may or may not have ended: check the page or the gateway's log");
        }
        if (Files.deleteIfExists(ResetRequests.request(dir, id))) {
          return null;
        }
        // Taken already: the gateway is answering, give it a little longer.
        graceGiven = true;
        deadline = System.currentTimeMillis() + CLAIMED_GRACE_MS;
      }
      Thread.sleep(100);
    }
  }

  /** {@code --key value} pairs, or null when the line is not made of them. */
  private static Map<String, String> options(String[] args) {
    if (args.length % 2 != 0) {
      return null;
    }
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      if (!List.of("--config", "--by", "--role", "--wait").contains(args[i])
          || options.put(args[i], args[i + 1]) != null) {
        return null;
      }
    }
    return options;
  }
}
