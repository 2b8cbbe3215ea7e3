package io.doorstep.gateway.fire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's side of a reset and the gateway's handling of the files it leaves. The
 * whole way, with a running gateway and terminals, is in {@code it/FireReleaseEndToEndTest}.
 */
class FireResetCommandTest {
  @TempDir Path dir;
  private Path config;
  private Path requests;
  private String out;
  private String err;

  @BeforeEach
  void files() throws Exception {
    Files.writeString(dir.resolve("estate.yaml"), DomainHarness.ESTATE);
    config = dir.resolve("gateway.yaml");
    Files.writeString(config, "dataDir: " + dir.resolve("data") + "\nestate: estate.yaml\n"
        + "broker: {url: 'tcp://127.0.0.1:1883'}\n");
    requests = ResetRequests.directory(dir.resolve("data"));
  }

  @Test
  void aCommandLineWithoutNameOrRoleIsAUsageError() {
    assertEquals(2, run("--config", config.toString(), "--by", "李工"));
    assertTrue(err.startsWith("usage: doorstep fire-reset"), err);
    assertEquals(2, run("--config", config.toString(), "--by", "李工", "--role", "technician", "--wait", "0"));
    assertEquals(2, run("--config", config.toString(), "--by", "李工", "--role", "technician", "--by", "x"));
  }

  @Test
  void aBrokenConfigurationIsAUsageErrorWithItsProblems() throws Exception {
    Files.writeString(config, "estate: nowhere.yaml\n");
    assertEquals(2, run("--config", config.toString(), "--by", "李工", "--role", "technician"));
    assertTrue(err.contains("configuration problem"), err);
  }

  @Test
  void withoutAGatewayNothingIsResetAndNoRequestIsLeftBehind() throws Exception {
    Files.createDirectories(requests);

    assertEquals(1, run("--config", config.toString(), "--by", "李工", "--role", "technician", "--wait", "1"));

    assertTrue(err.contains("no answer from the gateway"), err);
    try (Stream<Path> left = Files.list(requests)) {
      assertEquals(0, left.count(), "a gateway started later must not find an old reset");
    }
  }

  @Test
  void aDataDirectoryNoGatewayHasUsedIsSaidSo() {
    assertEquals(1, run("--config", config.toString(), "--by", "李工", "--role", "technician"));
    assertTrue(err.contains("no gateway has run with this configuration"), err);
  }

  @Test
  void theGatewayAnswersAndRefusesAnOldRequest() throws Exception {
    try (DomainHarness h = DomainHarness.start(dir)) {
      h.deploy(h.fireService(new FireMode(h.estate)));
      h.request(FireBus.TRIGGER, new FireBus.Trigger("王保安", null));
      h.deploy(new ResetRequestWatcher(dir.resolve("data")));
      String id = "00000000-0000-4000-8000-000000000001";
      ResetRequests.writeAtomically(ResetRequests.request(requests, id),
          new ResetRequests.Request("李工", "technician", System.currentTimeMillis() - 3_600_000).toJson().encode());
      Files.writeString(requests.resolve("notes.request.json"), "not ours");

      Eventually.until("the old request is answered", () -> Files.exists(ResetRequests.result(requests, id)));
      ResetRequests.Result result = ResetRequests.Result.parse(Files.readString(ResetRequests.result(requests, id)));

      assertEquals(ResetRequests.Outcome.REFUSED, result.outcome());
      assertTrue(result.message().contains("old"), result.message());
      assertTrue(((FireBus.FireStatus) h.request(FireBus.STATUS, new FireBus.StatusQuery())).active());
      assertTrue(Files.exists(requests.resolve("notes.request.json")), "a file that is not a request is left alone");

      assertEquals(0, run("--config", config.toString(), "--by", "李工", "--role", "technician"));
      assertTrue(out.contains("fire mode reset by 李工 (technician)"), out);
    }
  }

  private int run(String... args) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    int code = FireResetCommand.run(args, new PrintStream(o, true, StandardCharsets.UTF_8),
        new PrintStream(e, true, StandardCharsets.UTF_8));
    out = o.toString(StandardCharsets.UTF_8);
    err = e.toString(StandardCharsets.UTF_8);
    return code;
  }
}
