package io.doorstep.sim.faceterminal;

import static io.doorstep.sim.faceterminal.Fixture.WAIT;
import static io.doorstep.sim.faceterminal.PersonCommandsTest.JPEG;
import static io.doorstep.sim.faceterminal.PersonCommandsTest.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.doorstep.sim.testing.FakeGateway.Received;
import io.doorstep.sim.testing.Threads;
import io.doorstep.sim.testing.Waits;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The commands and their acks as the gateway sees them on the broker. */
class CommandsOverMqttTest {

  private final Fixture fx = new Fixture();

  CommandsOverMqttTest() throws Exception {
  }

  @AfterEach
  void tearDown() {
    fx.close();
    Threads.assertNoneLeft();
  }

  private Received ackFor(String msgId) {
    return fx.gateway.await(r -> r.topicEndsWith("/up/ack")
        && msgId.equals(r.json().getString("ackMsgId")), WAIT);
  }

  @Test
  void upsertAcksListTheFailedAndTooLargeIsRefused() throws Exception {
    FaceTerminalSimulator terminal = fx.terminal("FT0300");
    fx.gateway.publish("ft/FT0300/down/person-upsert", new JsonObject().put("msgId", "u1")
        .put("ts", 1L).put("persons", new JsonArray(List.of(person("R1", JPEG),
            person("R2", "AAAA")))));

    JsonObject ack = ackFor("u1").json();
    assertEquals(List.of("msgId", "ts", "ackMsgId", "ok", "failed"), List.copyOf(ack.fieldNames()));
    assertEquals(true, ack.getBoolean("ok"));
    assertEquals(new JsonArray().add(new JsonObject().put("personId", "R2")
        .put("error", "BAD_IMAGE")), ack.getJsonArray("failed"));
    assertEquals(1, terminal.personCount());

    List<Object> many = new ArrayList<>();
    for (int i = 0; i < 51; i++) {
      many.add(person("P" + i, JPEG));
    }
    fx.gateway.publish("ft/FT0300/down/person-upsert", new JsonObject().put("msgId", "u2")
        .put("ts", 1L).put("persons", new JsonArray(many)));
    JsonObject refused = ackFor("u2").json();
    assertEquals(List.of("msgId", "ts", "ackMsgId", "ok", "error"),
        List.copyOf(refused.fieldNames()));
    assertFalse(refused.getBoolean("ok"));
    assertEquals("TOO_LARGE", refused.getString("error"));

    fx.gateway.publish("ft/FT0300/down/person-delete", new JsonObject().put("msgId", "d1")
        .put("ts", 1L).put("personIds", new JsonArray().add("NOBODY")));
    assertEquals(true, ackFor("d1").json().getBoolean("ok"));
  }

  @Test
  void openReleasesTheDoorAndClosesItAgain() throws Exception {
    FaceTerminalSimulator terminal = fx.terminal("FT0301");
    fx.gateway.publish("ft/FT0301/down/open", new JsonObject().put("msgId", "o1").put("ts", 1L)
        .put("openMs", 200).put("reason", "remote"));

    assertEquals(true, ackFor("o1").json().getBoolean("ok"));
    List<Received> door = fx.gateway.awaitCount("/up/door", 2, WAIT);
    JsonObject opened = door.get(0).json();
    assertEquals(List.of("msgId", "ts", "state", "forced", "heldS"),
        List.copyOf(opened.fieldNames()));
    assertEquals("open", opened.getString("state"));
    assertEquals(false, opened.getBoolean("forced"));
    assertEquals("closed", door.get(1).json().getString("state"));
    assertEquals("closed", terminal.doorState());
  }

  @Test
  void holdOpenKeepsTheDoorOpenUntilLetGo() throws Exception {
    FaceTerminalSimulator terminal = fx.terminal("FT0302");
    fx.gateway.publish("ft/FT0302/down/hold-open",
        new JsonObject().put("msgId", "h1").put("ts", 1L).put("open", true));
    ackFor("h1");
    Waits.until(() -> "open".equals(terminal.doorState()), WAIT, () -> "not open");

    fx.gateway.publish("ft/FT0302/down/hold-open",
        new JsonObject().put("msgId", "h2").put("ts", 1L).put("open", false));
    ackFor("h2");
    Waits.until(() -> "closed".equals(terminal.doorState()), WAIT, () -> "not closed");
  }

  @Test
  void aBadCommandIsRefusedAsBadRequest() throws Exception {
    fx.terminal("FT0303");
    fx.gateway.publish("ft/FT0303/down/open",
        new JsonObject().put("msgId", "o2").put("ts", 1L).put("openMs", "soon"));
    assertEquals("BAD_REQUEST", ackFor("o2").json().getString("error"));
  }

  @Test
  void aDoorLeftOpenRaisesHeldOpen() throws Exception {
    FaceTerminalSimulator terminal = fx.terminal("FT0304",
        b -> b.heldOpenAlarmAfter(Duration.ofMillis(200)));
    terminal.reportDoor("open", true, 0);
    JsonObject door = fx.gateway.await("/up/door", WAIT).json();
    assertEquals(true, door.getBoolean("forced"));
    JsonObject alarm = fx.gateway.await("/up/alarm", WAIT).json();
    assertEquals(List.of("msgId", "ts", "type"), List.copyOf(alarm.fieldNames()));
    assertEquals("HELD_OPEN", alarm.getString("type"));

    terminal.raiseAlarm("TAMPER");
    fx.gateway.await(r -> r.topicEndsWith("/up/alarm")
        && "TAMPER".equals(r.json().getString("type")), WAIT);
  }

  @Test
  void downListenersSeeEveryMessageAndRawBytesGoOutAsGiven() throws Exception {
    FaceTerminalSimulator terminal = fx.terminal("FT0305");
    List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    terminal.addDownListener((topic, payload) -> seen.add(topic));
    fx.gateway.publish("ft/FT0305/down/whatever", new byte[] {1, 2, 3});
    Waits.until(() -> seen.size() == 1, WAIT, () -> "listener not called");
    assertEquals(1, terminal.counts().badDownMessages());

    terminal.publishRaw("ft/FT0305/up/verify", new byte[] {'{', 0}, 1, false).get();
    assertEquals(2, fx.gateway.await("/up/verify", WAIT).payload().length);
  }
}
