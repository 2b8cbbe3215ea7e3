package io.doorstep.gateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.device.EventKinds;
import io.doorstep.device.Severity;
import io.doorstep.gateway.store.PersonRecord;
import io.doorstep.gateway.store.StoredEvent;
import io.doorstep.sim.faceterminal.FaceTerminalSimulator;
import io.doorstep.sim.faceterminal.Person;
import io.doorstep.sim.faceterminal.VerifyOutcome;
import io.doorstep.sim.faceterminal.VerifyRequest;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A resident's face at a terminal opens the door and the passage is stored: the slice through
 * a real Mosquitto, the gateway, a real SQLite file and the terminal simulator.
 */
class FaceTerminalSliceTest {
  private static final long DAY = Duration.ofDays(1).toMillis();
  @TempDir static Path dir;
  static RunningGateway running;
  static FaceTerminalSimulator terminal;

  @BeforeAll
  static void start() throws Exception {
    long now = System.currentTimeMillis();
    List<PersonRecord> persons = List.of(
        new PersonRecord("R1001", "张三", "resident", "B01-U1-101", 0, 0, List.of("04A1B2C3")),
        new PersonRecord("R1002", "李四", "tenant", "B01-U1-102", 0, now - DAY, List.of("04A1B2C4")),
        new PersonRecord("R1003", "王五", "tenant", "B01-U1-103", now + DAY, 0, List.of()));
    running = RunningGateway.start(dir, 30, persons);
    terminal = FaceTerminalSimulator.builder(running.broker.url(), TestEstate.GATE_IN_SN)
        .verifyTimeout(Duration.ofSeconds(2))
        .create();
    terminal.loadPersons(List.of(Person.resident("R1001", "张三", "04A1B2C3")));
    terminal.start().get(10, TimeUnit.SECONDS);
    Waits.until("the terminal is online", Duration.ofSeconds(10), () -> online(TestEstate.GATE_IN));
  }

  @AfterAll
  static void stop() {
    terminal.close();
    running.close();
  }

  @Test
  void aKnownFaceOpensAndThePassageIsStored() throws Exception {
    VerifyOutcome outcome = terminal.presentFace("R1001", 0.93, true, "pedestrian", "in").get(5, TimeUnit.SECONDS);

    assertFalse(outcome.local(), "the gateway answered");
    assertTrue(outcome.opened());
    assertEquals("欢迎回家", outcome.voice());
    assertEquals("张三 欢迎回家", outcome.text());
    JsonObject passage = passageOf(outcome.msgId());
    assertEquals("open", passage.getString("decision"));
    assertEquals("OK", passage.getString("reason"));
    assertEquals("R1001", passage.getString("personId"));
    assertEquals("南门 1号通道", passage.getString("doorName"));
    assertEquals("in", passage.getString("direction"));
  }

  @Test
  void aStrangerIsDeniedWithAReasonAndAChineseVoice() throws Exception {
    VerifyOutcome outcome = terminal.presentFace(null, 0.31, true, "pedestrian", "in").get(5, TimeUnit.SECONDS);

    assertFalse(outcome.local());
    assertFalse(outcome.opened());
    assertEquals("UNKNOWN_FACE", outcome.reason());
    assertEquals("未登记人员，请联系门岗", outcome.voice());
    assertEquals("deny", passageOf(outcome.msgId()).getString("decision"));
  }

  @Test
  void cardsAreLookedUpByTheGateway() throws Exception {
    assertTrue(terminal.presentCard("04A1B2C3", "out").get(5, TimeUnit.SECONDS).opened());
    VerifyOutcome unknown = terminal.presentCard("DEADBEEF", "in").get(5, TimeUnit.SECONDS);
    assertFalse(unknown.opened());
    assertEquals("UNKNOWN_CARD", unknown.reason());
  }

  @Test
  void anExpiredTenantAndOneNotYetValidAreDenied() throws Exception {
    // The terminal's own list may still hold people the gateway no longer lets in.
    VerifyOutcome expired = terminal.verify(VerifyRequest.face("R1002", 0.95, true, "pedestrian", "in"))
        .get(5, TimeUnit.SECONDS);
    assertEquals("EXPIRED", expired.reason());
    assertEquals("李四 权限已过期", expired.text());
    VerifyOutcome early = terminal.verify(VerifyRequest.face("R1003", 0.95, true, "pedestrian", "in"))
        .get(5, TimeUnit.SECONDS);
    assertEquals("NOT_YET_VALID", early.reason());
  }

  @Test
  void aFaceThatFailsLivenessIsDenied() throws Exception {
    VerifyOutcome outcome = terminal.presentFace("R1001", 0.93, false, "pedestrian", "in").get(5, TimeUnit.SECONDS);
    assertEquals("LIVENESS_FAILED", outcome.reason());
  }

  @Test
  void aQrCodeIsRefusedUntilVisitorPassesExist() throws Exception {
    VerifyOutcome outcome = terminal.presentQr("VISITOR:123", "in").get(5, TimeUnit.SECONDS);
    assertFalse(outcome.opened());
    assertEquals("QR_INVALID", outcome.reason());
  }

  @Test
  void aRepeatedMsgIdIsAnsweredOnce() throws Exception {
    List<String> answers = new CopyOnWriteArrayList<>();
    terminal.addDownListener((topic, payload) -> {
      if (topic.endsWith("/down/verify-result")) {
        answers.add(new JsonObject(new String(payload, StandardCharsets.UTF_8)).getString("reqMsgId"));
      }
    });
    String msgId = "dup-" + System.nanoTime();
    byte[] body = VerifyRequest.face("R1001", 0.9, true, "pedestrian", "in").withMsgId(msgId).toJson()
        .encode().getBytes(StandardCharsets.UTF_8);
    String topic = "ft/" + TestEstate.GATE_IN_SN + "/up/verify";
    terminal.publishRaw(topic, body, 1, false).get(5, TimeUnit.SECONDS);
    terminal.publishRaw(topic, body, 1, false).get(5, TimeUnit.SECONDS);
    // A later request proves the gateway has handled both copies by the time it is answered.
    terminal.presentFace("R1001", 0.9, true, "pedestrian", "in").get(5, TimeUnit.SECONDS);

    assertEquals(1, answers.stream().filter(msgId::equals).count(), "answers to " + msgId);
    // The answer goes out before the passage is written, so the passage may still be on its way.
    Waits.until("the passage is stored", Duration.ofSeconds(10), () -> passagesOf(msgId) > 0);
    assertEquals(1, passagesOf(msgId));
  }

  @Test
  void doorChangesAndAlarmsAreRecorded() throws Exception {
    terminal.reportDoor("open", true, 0);
    terminal.raiseAlarm("FORCED");
    Waits.until("the forced door and its alarm are in the log", Duration.ofSeconds(10), () -> {
      try {
        List<StoredEvent> events = running.events(Set.of(EventKinds.DOOR_STATE, EventKinds.DEVICE_ALARM));
        return events.stream().anyMatch(e -> e.event().kind().equals(EventKinds.DOOR_STATE)
                && e.event().payload().getBoolean("forced") && e.event().severity() == Severity.ALARM)
            && events.stream().anyMatch(e -> "FORCED".equals(e.event().payload().getString("type")));
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });
  }

  @Test
  void thePageAndHealthShowTheTerminal() throws Exception {
    JsonObject health = new JsonObject(running.get("/health"));
    assertEquals("ok", health.getString("status"), health.encode());
    assertTrue(health.getJsonObject("devices").getInteger("online") >= 1);
    JsonObject devices = new JsonObject(running.get("/api/devices"));
    assertTrue(devices.encode().contains(TestEstate.GATE_IN));
  }

  private static long passagesOf(String msgId) {
    try {
      return running.events(Set.of(EventKinds.PASSAGE)).stream()
          .filter(e -> e.event().id().endsWith("/" + msgId + "/0")).count();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static JsonObject passageOf(String msgId) throws Exception {
    String id = TestEstate.GATE_IN + "/" + msgId + "/0";
    Waits.until("passage " + id + " is stored", Duration.ofSeconds(10), () -> find(id) != null);
    return find(id).event().payload();
  }

  private static StoredEvent find(String id) {
    try {
      return running.events(Set.of(EventKinds.PASSAGE)).stream()
          .filter(e -> e.event().id().equals(id)).findFirst().orElse(null);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static boolean online(String device) {
    return running.gateway.devices().snapshot().stream().anyMatch(s -> s.id().equals(device) && s.online());
  }
}
