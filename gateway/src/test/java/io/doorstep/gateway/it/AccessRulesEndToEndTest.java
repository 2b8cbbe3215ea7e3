package io.doorstep.gateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.device.EventKinds;
import io.doorstep.gateway.Gateway;
import io.doorstep.gateway.config.ConfigLoader;
import io.doorstep.gateway.config.GatewayConfig;
import io.doorstep.gateway.store.PersonRecord;
import io.doorstep.sim.broker.MosquittoBroker;
import io.doorstep.sim.faceterminal.FaceTerminalSimulator;
import io.doorstep.sim.faceterminal.Person;
import io.doorstep.sim.faceterminal.VerifyOutcome;
import io.doorstep.sim.faceterminal.VerifyRequest;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The access rules through a real Mosquitto, the gateway and the terminal simulator: the e-bike
 * refused at a pedestrian gate, a visitor's QR pass, and anti-passback that remembers a passage
 * the terminal let through alone while the gateway was down.
 */
class AccessRulesEndToEndTest {
  private static final String ACCESS = String.join("\n",
      "access:",
      "  passback:",
      "    - {id: south-gate, doors: [G1-L1, G1-L2], mode: strict}",
      "");
  private static final List<PersonRecord> PERSONS = List.of(
      new PersonRecord("R1001", "张三", "resident", "B01-U1-101", 0, 0, List.of("04A1B2C3")));

  @TempDir Path dir;
  private MosquittoBroker broker;
  private Gateway gateway;
  private FaceTerminalSimulator terminal;

  @BeforeEach
  void broker() {
    broker = MosquittoBroker.start();
  }

  @AfterEach
  void stop() {
    if (terminal != null) {
      terminal.close();
    }
    if (gateway != null) {
      gateway.close();
    }
    broker.close();
  }

  @Test
  void anEbikeIsSentToTheEbikeGate() throws Exception {
    startGateway();
    startTerminal(Duration.ofSeconds(2));

    VerifyOutcome outcome = terminal.presentFace("R1001", 0.93, true, "ebike", "in").get(5, TimeUnit.SECONDS);

    assertFalse(outcome.local(), "the gateway answered");
    assertFalse(outcome.opened());
    assertEquals("EBIKE_NOT_ALLOWED", outcome.reason());
    assertEquals("电动车请走非机动车通道", outcome.voice());
    assertTrue(terminal.presentFace("R1001", 0.93, true, "pedestrian", "in").get(5, TimeUnit.SECONDS).opened());
  }

  @Test
  void aVisitorPassOpensAsOftenAsIssuedAndAForgedOneNever() throws Exception {
    startGateway();
    startTerminal(Duration.ofSeconds(2));
    long now = System.currentTimeMillis();
    String pass = RunningGateway.await(gateway.access().passes().issue(List.of("G1-L1"), now - 60_000, now + 3_600_000,
        1, "孙先生", null, "王芳"));
    // The payload is base64url JSON, so it starts "ey"; one character changed, the signature kept.
    String altered = pass.replace("DS1.ey", "DS1.fy");
    assertFalse(altered.equals(pass));

    assertEquals("QR_INVALID", terminal.presentQr(altered, "in").get(5, TimeUnit.SECONDS).reason());
    VerifyOutcome first = terminal.presentQr(pass, "in").get(5, TimeUnit.SECONDS);
    assertTrue(first.opened(), first.toString());
    VerifyOutcome second = terminal.presentQr(pass, "in").get(5, TimeUnit.SECONDS);
    assertFalse(second.opened());
    assertEquals("QR_USED_UP", second.reason());
  }

  @Test
  void aPassTheOfficeRevokedIsRefusedAtTheTerminal() throws Exception {
    startGateway();
    startTerminal(Duration.ofSeconds(2));
    long now = System.currentTimeMillis();
    String pass = RunningGateway.await(gateway.access().passes().issue(List.of("G1-L1"), now - 60_000, now + 3_600_000,
        0, "孙先生", null, "王芳"));
    assertTrue(terminal.presentQr(pass, "in").get(5, TimeUnit.SECONDS).opened());

    String id = gateway.access().passes().read(pass).orElseThrow().id();
    assertTrue(gateway.access().passes().revoke(id, "王芳").toCompletionStage().toCompletableFuture()
        .get(10, TimeUnit.SECONDS).done());

    VerifyOutcome refused = terminal.presentQr(pass, "in").get(5, TimeUnit.SECONDS);
    assertFalse(refused.local(), "the gateway answered");
    assertFalse(refused.opened());
    assertEquals("QR_REVOKED", refused.reason());
    assertEquals("二维码已作废，请联系门岗", refused.voice());
  }

  @Test
  void aPassageTheTerminalAllowedAloneCountsForPassback() throws Exception {
    // No gateway yet: the terminal lets 张三 in by its own list and keeps the record.
    startTerminal(Duration.ofMillis(300));
    VerifyOutcome alone = terminal.presentFace("R1001", 0.93, true, "pedestrian", "in").get(5, TimeUnit.SECONDS);
    assertTrue(alone.local() && alone.opened());

    startGateway();
    Waits.until("the gateway answers", Duration.ofSeconds(15), this::answeredAStranger);
    Waits.until("the terminal's records are acknowledged", Duration.ofSeconds(15),
        () -> terminal.counts().offlineRecordsPending() == 0);

    VerifyOutcome inAgain = terminal.presentFace("R1001", 0.93, true, "pedestrian", "in").get(5, TimeUnit.SECONDS);
    assertFalse(inAgain.local());
    assertEquals("PASSBACK", inAgain.reason(), "he never went out since the terminal let him in");
    VerifyOutcome out = terminal.presentFace("R1001", 0.93, true, "pedestrian", "out").get(5, TimeUnit.SECONDS);
    assertTrue(out.opened());
    JsonObject stored = gateway.store().recentEvents(100, Set.of(EventKinds.OFFLINE_PASSAGE))
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).stream()
        .map(e -> e.event().payload())
        .filter(p -> "R1001".equals(p.getString("personId")))
        .findFirst().orElseThrow();
    assertEquals("OK", stored.getString("reason"));
  }

  @Test
  void aFloodingTerminalDoesNotSlowTheOthers() throws Exception {
    startGateway();
    startTerminal(Duration.ofSeconds(2));
    try (FaceTerminalSimulator unitDoor = FaceTerminalSimulator.builder(broker.url(), TestEstate.UNIT_SN)
        .verifyTimeout(Duration.ofSeconds(2)).create()) {
      unitDoor.loadPersons(List.of(Person.resident("R1001", "张三", "04A1B2C3")));
      unitDoor.start().get(10, TimeUnit.SECONDS);
      String topic = "ft/" + TestEstate.GATE_IN_SN + "/up/verify";
      for (int i = 0; i < 200; i++) {
        byte[] body = VerifyRequest.face("R1001", 0.9, true, "pedestrian", "in").withMsgId("flood-" + i).toJson()
            .encode().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        terminal.publishRaw(topic, body, 0, false);
      }

      VerifyOutcome other = unitDoor.presentFace("R1001", 0.93, true, "pedestrian", "in").get(5, TimeUnit.SECONDS);
      assertFalse(other.local(), "the unit door is answered by the gateway");
      assertTrue(other.opened(), other.toString());
      Waits.until("the flood is counted", Duration.ofSeconds(15), () -> dropped() > 0);
    }
  }

  /** doorstep.access.verify.dropped for the flooding terminal, from the page's /metrics. */
  private double dropped() {
    try {
      String metrics = java.net.http.HttpClient.newHttpClient().send(
          java.net.http.HttpRequest.newBuilder(java.net.URI.create(
              "http://127.0.0.1:" + gateway.webPort() + "/metrics")).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString()).body();
      return metrics.lines()
          .filter(l -> l.startsWith("doorstep_access_verify_dropped_total") && l.contains(TestEstate.GATE_IN))
          .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
          .sum();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** A stranger's face: denied either way, and it never touches anyone's passback state. */
  private boolean answeredAStranger() {
    try {
      return !terminal.presentFace(null, 0.2, true, "pedestrian", "in").get(5, TimeUnit.SECONDS).local();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private void startTerminal(Duration verifyTimeout) throws Exception {
    terminal = FaceTerminalSimulator.builder(broker.url(), TestEstate.GATE_IN_SN).verifyTimeout(verifyTimeout).create();
    terminal.loadPersons(List.of(Person.resident("R1001", "张三", "04A1B2C3")));
    terminal.start().get(10, TimeUnit.SECONDS);
  }

  /** The test estate with an access section, persons seeded before the start as an import would. */
  private void startGateway() throws Exception {
    Path file = TestEstate.write(dir, broker.url(), TestEstate.freePort(), 30);
    Files.writeString(dir.resolve("estates/test.yaml"), ACCESS, java.nio.file.StandardOpenOption.APPEND);
    GatewayConfig config = ConfigLoader.load(file);
    RunningGateway.enrol(config, PERSONS);
    gateway = Gateway.start(config);
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
