package io.doorstep.sim.faceterminal;

import static io.doorstep.sim.faceterminal.Fixture.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.sim.faceterminal.VerifyOutcome.Decision;
import io.doorstep.sim.testing.FakeGateway.Received;
import io.doorstep.sim.testing.Threads;
import io.doorstep.sim.testing.Waits;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VerifyTest {

  private static final List<String> VERIFY_FIELDS = List.of("msgId", "ts", "lane", "method",
      "personId", "score", "liveness", "card", "qr", "bodyType");

  private static final Duration GENEROUS = Duration.ofSeconds(3);

  private final Fixture fx = new Fixture();
  private FaceTerminalSimulator terminal;

  VerifyTest() throws Exception {
  }

  @AfterEach
  void tearDown() {
    fx.close();
    Threads.assertNoneLeft();
  }

  private FaceTerminalSimulator terminalWithResidents() throws Exception {
    return terminalWithResidents(Fixture.VERIFY_TIMEOUT);
  }

  /** A long timeout where the gateway must win the race even on a slow machine. */
  private FaceTerminalSimulator terminalWithResidents(Duration verifyTimeout) throws Exception {
    terminal = fx.terminal("FT0100", b -> b.verifyTimeout(verifyTimeout));
    terminal.loadPersons(List.of(
        Person.resident("R1001", "张三", "04A1B2C3"),
        new Person("R1002", "李四", 0, 1, List.of("04FFFF01"), true)));
    return terminal;
  }

  /** Answers every verify like a gateway that knows only R1001. */
  private void gatewayAnswers() {
    fx.gateway.onMessage(r -> {
      if (r.topicEndsWith("/up/verify")) {
        JsonObject req = r.json();
        boolean known = "R1001".equals(req.getString("personId"));
        JsonObject answer = new JsonObject().put("msgId", "g-" + req.getString("msgId"))
            .put("ts", System.currentTimeMillis()).put("reqMsgId", req.getString("msgId"))
            .put("decision", known ? "open" : "deny");
        if (known) {
          answer.put("openMs", 3000).put("voice", "欢迎回家").put("text", "张三 欢迎回家");
        } else {
          answer.put("reason", "UNKNOWN").put("voice", "请联系物业").put("text", "未登记");
        }
        fx.gateway.publish(r.topic().replace("/up/verify", "/down/verify-result"), answer);
      }
    });
  }

  private static VerifyOutcome get(CompletableFuture<VerifyOutcome> outcome) throws Exception {
    return outcome.get(5, TimeUnit.SECONDS);
  }

  @Test
  void aFaceVerifyCarriesExactlyTheInterfaceFields() throws Exception {
    terminalWithResidents(GENEROUS);
    gatewayAnswers();
    get(terminal.presentFace("R1001", 0.93, true, "pedestrian", "in"));

    Received verify = fx.gateway.await("ft/FT0100/up/verify", WAIT);
    assertEquals(1, verify.qos());
    assertFalse(verify.retained());
    JsonObject body = verify.json();
    assertEquals(VERIFY_FIELDS, List.copyOf(body.fieldNames()));
    assertEquals("in", body.getString("lane"));
    assertEquals("face", body.getString("method"));
    assertEquals("R1001", body.getString("personId"));
    assertEquals(0.93, body.getDouble("score"));
    assertEquals(true, body.getBoolean("liveness"));
    assertTrue(body.containsKey("card") && body.getValue("card") == null);
    assertTrue(body.containsKey("qr") && body.getValue("qr") == null);
    assertEquals("pedestrian", body.getString("bodyType"));
    assertTrue(verify.text().contains("\"card\":null"), verify.text());
  }

  @Test
  void theGatewaysAnswerDecides() throws Exception {
    terminalWithResidents(GENEROUS);
    gatewayAnswers();

    VerifyOutcome open = get(terminal.presentFace("R1001", 0.93, true, "pedestrian", "in"));
    assertEquals(Decision.OPEN, open.decision());
    assertFalse(open.local());
    assertEquals("欢迎回家", open.voice());
    assertEquals("张三 欢迎回家", open.text());
    assertEquals(3000, open.openMs());
    assertTrue(open.latencyNanos() > 0);

    VerifyOutcome deny = get(terminal.presentQr("VISITOR-42", "in"));
    assertEquals(Decision.DENY, deny.decision());
    assertEquals("UNKNOWN", deny.reason());
    assertFalse(deny.local());

    FaceTerminalCounts counts = terminal.counts();
    assertEquals(2, counts.verifiesSent());
    assertEquals(2, counts.answeredByGateway());
    assertEquals(0, counts.decidedLocally());
    assertEquals(0, counts.offlineRecordsPending());
  }

  @Test
  void withoutAGatewayTheTerminalDecidesAloneAndKeepsARecord() throws Exception {
    terminalWithResidents();

    VerifyOutcome face = get(terminal.presentFace("R1001", 0.93, true, "pedestrian", "in"));
    assertTrue(face.local());
    assertEquals(Decision.OPEN, face.decision());

    VerifyOutcome card = get(terminal.presentCard("04a1b2c3", "out"));
    assertEquals(Decision.OPEN, card.decision());
    VerifyOutcome stranger = get(terminal.presentFace(null, 0.41, true, "pedestrian", "in"));
    assertEquals(Decision.DENY, stranger.decision());
    VerifyOutcome qr = get(terminal.presentQr("VISITOR-42", "in"));
    assertEquals(Decision.DENY, qr.decision());
    VerifyOutcome unknownCard = get(terminal.presentCard("0BADCAFE", "in"));
    assertEquals(Decision.DENY, unknownCard.decision());
    VerifyOutcome expired = get(terminal.presentFace("R1002", 0.95, true, "pedestrian", "in"));
    assertEquals(Decision.DENY, expired.decision());

    assertEquals(6, terminal.counts().decidedLocally());
    assertEquals(6, terminal.counts().offlineRecordsPending());
  }

  @Test
  void aCardCarriesItsOwnerAndAnUnknownFaceGoesAsAStranger() throws Exception {
    terminalWithResidents();
    get(terminal.presentCard("04A1B2C3", "in"));
    get(terminal.presentFace("R9999", 0.9, true, "ebike", "out"));

    List<Received> verifies = fx.gateway.awaitCount("/up/verify", 2, WAIT);
    JsonObject card = verifies.get(0).json();
    assertEquals("card", card.getString("method"));
    assertEquals("04A1B2C3", card.getString("card"));
    assertEquals("R1001", card.getString("personId"));
    assertNull(card.getValue("score"));
    assertNull(card.getValue("liveness"));
    JsonObject face = verifies.get(1).json();
    assertNull(face.getValue("personId"), "not in the terminal's list: no match");
    assertEquals("ebike", face.getString("bodyType"));
  }

  @Test
  void aLateAnswerIsIgnoredAndCounted() throws Exception {
    terminalWithResidents();
    VerifyOutcome outcome = get(terminal.presentFace(null, 0.3, true, "pedestrian", "in"));
    assertTrue(outcome.local());

    fx.gateway.publish("ft/FT0100/down/verify-result", new JsonObject()
        .put("msgId", "g-late").put("ts", System.currentTimeMillis())
        .put("reqMsgId", outcome.msgId()).put("decision", "open"));

    Waits.until(() -> terminal.counts().lateResultsIgnored() == 1, WAIT, () -> "not counted");
    assertEquals(0, terminal.counts().answeredByGateway());
  }

  @Test
  void aRepeatedMsgIdIsSentAgainAndSharesOneOutcome() throws Exception {
    terminalWithResidents(GENEROUS);
    VerifyRequest request = VerifyRequest.face("R1001", 0.9, true, "pedestrian", "in")
        .withMsgId("dup-1");
    CompletableFuture<VerifyOutcome> first = terminal.verify(request);
    CompletableFuture<VerifyOutcome> second = terminal.verify(request);

    List<Received> sent = fx.gateway.awaitCount("/up/verify", 2, WAIT);
    assertEquals(sent.get(0).text(), sent.get(1).text());
    fx.gateway.publish("ft/FT0100/down/verify-result", new JsonObject().put("msgId", "g-1")
        .put("ts", 1L).put("reqMsgId", "dup-1").put("decision", "open"));
    assertSame(get(first), get(second));
    assertFalse(get(first).local());
  }

  @Test
  void anUnreadableAnswerIsNoAnswer() throws Exception {
    terminalWithResidents();
    fx.gateway.onMessage(r -> {
      if (r.topicEndsWith("/up/verify")) {
        fx.gateway.publish("ft/FT0100/down/verify-result", new JsonObject().put("msgId", "g")
            .put("ts", 1L).put("reqMsgId", r.json().getString("msgId")).put("decision", "maybe"));
      }
    });
    VerifyOutcome outcome = get(terminal.presentFace("R1001", 0.9, true, "pedestrian", "in"));
    assertTrue(outcome.local());
    Waits.until(() -> terminal.counts().badDownMessages() == 1, WAIT, () -> "not counted");
  }

  @Test
  void disconnectedItDecidesAtOnce() throws Exception {
    terminalWithResidents();
    terminal.dropConnection();
    VerifyOutcome outcome = get(terminal.presentFace("R1001", 0.9, true, "pedestrian", "in"));
    assertTrue(outcome.local());
    assertEquals(Decision.OPEN, outcome.decision());
    assertEquals(1, terminal.counts().offlineRecordsPending());
  }
}
