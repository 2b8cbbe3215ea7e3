package io.doorstep.gateway.web.auth;

import io.doorstep.gateway.config.ConfigException;
import io.doorstep.gateway.config.ConfigLoader;
import io.doorstep.gateway.config.ConfigProblem;
import io.doorstep.gateway.config.GatewayConfig;
import io.doorstep.gateway.store.Store;
import io.doorstep.gateway.store.StoreException;
import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * {@code doorstep admin create --name NAME --role ROLE [--config FILE]}: an account for the web
 * page, written straight into the data directory's store, also while the gateway runs (SQLite in
 * WAL mode lets both write). The password is asked twice on the terminal, or read as two lines
 * from standard input when that is not a terminal (for scripts). Exit 0 created, 1 refused,
 * 2 wrong command line or configuration.
 */
public final class AdminCommand {
  public static final String USAGE =
      "admin create --name NAME --role guard|technician|office|admin [--config FILE]   a web page account";
  static final int OK = 0;
  static final int REFUSED = 1;
  static final int USAGE_ERROR = 2;

  private AdminCommand() {}

  /**
   * @param defaultConfig the configuration used when --config is not given
   * @param dbFile the store's file name inside the data directory
   */
  public static int run(String[] args, Path defaultConfig, String dbFile, InputStream in, PrintStream out,
      PrintStream err) {
    Map<String, String> options = options(args);
    if (options == null || !options.containsKey("--name") || !options.containsKey("--role")) {
      err.println("usage: doorstep " + USAGE);
      return USAGE_ERROR;
    }
    String name = options.get("--name");
    Role role = Role.byCode(options.get("--role"));
    if (role == null) {
      err.println("--role: one of guard, technician, office, admin; got " + options.get("--role"));
      return USAGE_ERROR;
    }
    String nameProblem = Accounts.nameProblem(name);
    if (nameProblem != null) {
      err.println("--name: " + nameProblem);
      return USAGE_ERROR;
    }
    GatewayConfig config;
    try {
      config = ConfigLoader.load(Path.of(options.getOrDefault("--config", defaultConfig.toString())));
    } catch (ConfigException e) {
      err.println(e.problems().size() + " configuration problem(s):");
      e.problems().stream().map(ConfigProblem::toString).forEach(p -> err.println("  " + p));
      return USAGE_ERROR;
    }
    String password;
    try {
      password = readPassword(in, out);
    } catch (IOException e) {
      err.println("cannot read the password: " + e.getMessage());
      return REFUSED;
    }
    if (password == null) {
      err.println("the two passwords differ (or one is missing); nothing was created");
      return REFUSED;
    }
    String weak = Passwords.problem(password);
    if (weak != null) {
      err.println("password: " + weak + "; nothing was created");
      return REFUSED;
    }
    return create(config.dataDir().resolve(dbFile), name, role, password, out, err);
  }

  private static int create(Path db, String name, Role role, String password, PrintStream out, PrintStream err) {
    Vertx vertx = Vertx.vertx();
    try (Store store = Store.open(vertx, db)) {
      Accounts accounts = new Accounts(vertx, store);
      try {
        accounts.create("cli:" + System.getProperty("user.name", "?"), name, role, password)
            .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        out.println("created " + role.code() + " '" + name + "' in " + db);
        return OK;
      } catch (ExecutionException e) {
        err.println("refused: " + e.getCause().getMessage());
        return REFUSED;
      } finally {
        accounts.close();
      }
    } catch (StoreException e) {
      err.println("cannot open " + db + ": " + e.getMessage());
      return REFUSED;
    } catch (Exception e) {
      err.println("failed: " + e);
      return REFUSED;
    } finally {
      vertx.close();
    }
  }

  /** The password typed twice, or null when the two differ. */
  private static String readPassword(InputStream in, PrintStream out) throws IOException {
    Console console = System.console();
    if (console != null && in == System.in) {
      char[] first = console.readPassword("Password (at least %d characters): ", Passwords.MIN_LENGTH);
      char[] second = console.readPassword("Password again: ");
      if (first == null || second == null) {
        return null;
      }
      return new String(first).equals(new String(second)) ? new String(first) : null;
    }
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String first = reader.readLine();
    String second = reader.readLine();
    return first != null && first.equals(second) ? first : null;
  }

  private static Map<String, String> options(String[] args) {
    if (args.length < 1 || !args[0].equals("create") || args.length % 2 != 1) {
      return null;
    }
    Map<String, String> options = new HashMap<>();
    for (int i = 1; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || options.put(args[i], args[i + 1]) != null) {
        return null;
      }
    }
    return options;
  }
}
