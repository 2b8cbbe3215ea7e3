package io.doorstep.gateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.device.EventKinds;
import io.doorstep.gateway.store.PersonRecord;
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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of broken message a terminal (or anyone on the broker) can send: each is counted
 * per device in /metrics, stored as a bad_message event, and changes nothing else; the other
 * terminals are answered as before.
 */
class BadInputTest {
  @TempDir static Path dir;
  static RunningGateway running;
  static FaceTerminalSimulator bad;
  static FaceTerminalSimulator good;

  @BeforeAll
  static void start() throws Exception {
    running = RunningGateway.start(dir, 30,
        List.of(new PersonRecord("R1001", "张三", "resident", "B01-U1-101", 0, 0, List.of())));
    bad = FaceTerminalSimulator.builder(running.broker.url(), TestEstate.GATE_IN_SN).create();
    good = FaceTerminalSimulator.builder(running.broker.url(), TestEstate.UNIT_SN).create();
    good.loadPersons(List.of(Person.resident("R1001", "张三")));
    bad.start().get(10, TimeUnit.SECONDS);
    good.start().get(10, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() {
    bad.close();
    good.close();
    running.close();
  }

  @Test
  void brokenMessagesAreCountedStoredAndOtherwiseIgnored() throws Exception {
    String verify = "ft/" + TestEstate.GATE_IN_SN + "/up/verify";
    JsonObject valid = VerifyRequest.face("R1001", 0.9, true, "pedestrian", "in").toJson();
    send(verify, "{\"msgId\": \"x1\", \"ts\": ");                                   // malformed JSON
    send(verify, valid.copy().put("msgId", "x2").put("lane", null).encode());          // missing field
    send(verify, valid.copy().put("msgId", "x3").put("score", "high").encode());       // mistyped field
    send(verify, valid.copy().put("msgId", "m".repeat(65)).encode());                  // msgId over 64
    byte[] huge = new byte[4 * 1024 * 1024 + 1];
    java.util.Arrays.fill(huge, (byte) ' ');
    bad.publishRaw(verify, huge, 1, false).get(10, TimeUnit.SECONDS);                  // over 4 MiB
    send("ft/" + TestEstate.GATE_IN_SN + "/up/teleport", valid.encode());              // outside the interface
    send("ft/NO-SUCH-SN/up/verify", valid.copy().put("msgId", "x5").encode());         // unknown SN

    // Other terminals are answered as before, also right after the bad ones.
    VerifyOutcome outcome = good.presentFace("R1001", 0.9, true, "pedestrian", "in").get(5, TimeUnit.SECONDS);
    assertFalse(outcome.local());
    assertTrue(outcome.opened());

    Waits.until("seven bad messages stored", Duration.ofSeconds(10), () -> badEvents().size() == 7);
    String metrics = running.get("/metrics");
    assertEquals(1.0, badCount(metrics, TestEstate.GATE_IN, "malformed_json"), metrics);
    assertEquals(2.0, badCount(metrics, TestEstate.GATE_IN, "bad_field"));
    assertEquals(1.0, badCount(metrics, TestEstate.GATE_IN, "bad_msg_id"));
    assertEquals(1.0, badCount(metrics, TestEstate.GATE_IN, "too_large"));
    assertEquals(1.0, badCount(metrics, "unknown", "unknown_topic"));
    assertEquals(1.0, badCount(metrics, "unknown", "unknown_device"));
    // Nothing of the broken verifies was decided.
    assertTrue(running.events(Set.of(EventKinds.PASSAGE)).stream()
        .noneMatch(e -> e.event().device().equals(TestEstate.GATE_IN)));
    // The gateway is healthy and the sender of the junk is still a normal, online device.
    assertEquals("ok", new JsonObject(running.get("/health")).getString("status"));
  }

  private static void send(String topic, String body) throws Exception {
    bad.publishRaw(topic, body.getBytes(StandardCharsets.UTF_8), 1, false).get(10, TimeUnit.SECONDS);
  }

  private static List<JsonObject> badEvents() {
    try {
      return running.events(Set.of(EventKinds.BAD_MESSAGE)).stream().map(e -> e.event().payload()).toList();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static double badCount(String metrics, String device, String reason) {
    Matcher m = Pattern.compile("doorstep_device_bad_messages_total\\{([^}]*)\\} (\\S+)").matcher(metrics);
    while (m.find()) {
      String labels = m.group(1);
      if (labels.contains("device=\"" + device + "\"") && labels.contains("reason=\"" + reason + "\"")) {
        return Double.parseDouble(m.group(2));
      }
    }
    return 0;
  }
}
