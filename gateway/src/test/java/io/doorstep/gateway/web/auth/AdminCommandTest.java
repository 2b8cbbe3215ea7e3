package io.doorstep.gateway.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.gateway.store.Store;
import io.vertx.core.Vertx;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code doorstep admin create}, with the password on standard input as a script gives it. */
class AdminCommandTest {
  @TempDir
  Path dir;
  private Path config;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void files() throws Exception {
    Files.writeString(dir.resolve("estate.yaml"), "estate: {id: test, name: Test}\n");
    config = dir.resolve("gateway.yaml");
    Files.writeString(config, "dataDir: " + dir.resolve("data") + "\nestate: estate.yaml\n");
  }

  private int run(String stdin, String... args) {
    return AdminCommand.run(args, config, "doorstep.db",
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private WebAccount verify(String name, String password) throws Exception {
    Vertx vertx = Vertx.vertx();
    try (Store store = Store.open(vertx, dir.resolve("data/doorstep.db"))) {
      Accounts accounts = new Accounts(vertx, store);
      try {
        return accounts.verify(name, password).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      } finally {
        accounts.close();
      }
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void createsAnAccountThatCanLogIn() throws Exception {
    assertEquals(0, run("booth admin 2024\nbooth admin 2024\n", "create", "--name", "王伟", "--role", "admin"),
        err.toString(StandardCharsets.UTF_8));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("created admin '王伟'"));
    WebAccount account = verify("王伟", "booth admin 2024");
    assertNotNull(account);
    assertEquals(Role.ADMIN, account.role());
  }

  @Test
  void refusesTwoDifferentPasswordsAWeakOneAndATakenName() throws Exception {
    assertEquals(1, run("booth admin 2024\nbooth admin 2025\n", "create", "--name", "w", "--role", "guard"));
    assertEquals(1, run("short\nshort\n", "create", "--name", "w", "--role", "guard"));
    assertNull(verify("w", "short"));
    assertEquals(0, run("booth guard 2024\nbooth guard 2024\n", "create", "--name", "w", "--role", "guard"));
    assertEquals(1, run("another one 2024\nanother one 2024\n", "create", "--name", "W", "--role", "office"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("taken"), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aWrongCommandLineIsAUsageError() {
    assertEquals(2, run("", "create", "--name", "w"));
    assertEquals(2, run("", "create", "--name", "w", "--role", "king"));
    assertEquals(2, run("", "create", "--name", "a b", "--role", "guard"));
    assertEquals(2, run("", "delete", "--name", "w"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: doorstep admin create"));
  }
}
