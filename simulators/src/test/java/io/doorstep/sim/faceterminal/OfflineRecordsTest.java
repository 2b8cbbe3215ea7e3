package io.doorstep.sim.faceterminal;

import static io.doorstep.sim.faceterminal.Fixture.RECORD_RETRY;
import static io.doorstep.sim.faceterminal.Fixture.WAIT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.sim.testing.FakeGateway.Received;
import io.doorstep.sim.testing.Threads;
import io.doorstep.sim.testing.Waits;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OfflineRecordsTest {

  private final Fixture fx = new Fixture();

  OfflineRecordsTest() throws Exception {
  }

  @AfterEach
  void tearDown() {
    fx.close();
    Threads.assertNoneLeft();
  }

  private FaceTerminalSimulator terminal() throws Exception {
    FaceTerminalSimulator terminal = fx.terminal("FT0200");
    terminal.loadPersons(List.of(Person.resident("R1001", "张三", "04A1B2C3")));
    return terminal;
  }

  /** Passages decided alone, in the order they were presented; returns their msgIds. */
  private static List<String> decideAlone(FaceTerminalSimulator terminal, int n)
      throws Exception {
    List<CompletableFuture<VerifyOutcome>> outcomes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      outcomes.add(i % 2 == 0
          ? terminal.presentFace("R1001", 0.9, true, "pedestrian", "in")
          : terminal.presentFace(null, 0.3, true, "ebike", "out"));
    }
    List<String> ids = new ArrayList<>();
    for (CompletableFuture<VerifyOutcome> outcome : outcomes) {
      ids.add(outcome.get(10, TimeUnit.SECONDS).msgId());
    }
    return ids;
  }

  private void ack(String msgId) {
    fx.gateway.publish("ft/FT0200/down/record-ack", new JsonObject().put("msgId", "ra-" + msgId)
        .put("ts", System.currentTimeMillis()).put("ackMsgId", msgId));
  }

  private static List<String> recordIds(Received message) {
    List<String> ids = new ArrayList<>();
    message.json().getJsonArray("records").forEach(r -> ids.add(((JsonObject) r).getString("msgId")));
    return ids;
  }

  @Test
  void recordsWaitForTheGatewayThenRepeatUnchangedUntilAcked() throws Exception {
    FaceTerminalSimulator terminal = terminal();
    List<String> decided = decideAlone(terminal, 2);

    // Still no sign of the gateway: nothing goes out.
    Waits.sleep(RECORD_RETRY.toMillis() * 2);
    assertTrue(fx.gateway.all("/up/record").isEmpty());

    fx.gateway.publish("ft/FT0200/down/person-delete",
        new JsonObject().put("msgId", "d1").put("ts", 1L).put("personIds", new JsonArray()));
    List<Received> sent = fx.gateway.awaitCount("/up/record", 2, WAIT);
    assertEquals(1, sent.get(0).qos());
    assertArrayEquals(sent.get(0).payload(), sent.get(1).payload(), "repeated byte for byte");

    JsonObject body = sent.get(0).json();
    assertEquals(List.of("msgId", "ts", "records"), List.copyOf(body.fieldNames()));
    assertEquals(decided, recordIds(sent.get(0)));
    JsonObject first = body.getJsonArray("records").getJsonObject(0);
    assertEquals(List.of("msgId", "ts", "lane", "method", "personId", "score", "liveness",
        "card", "qr", "bodyType", "decision"), List.copyOf(first.fieldNames()));
    assertEquals("open", first.getString("decision"));
    assertEquals("deny", body.getJsonArray("records").getJsonObject(1).getString("decision"));

    ack(body.getString("msgId"));
    Waits.until(() -> terminal.counts().offlineRecordsPending() == 0, WAIT, () -> "not deleted");
    int afterAck = fx.gateway.all("/up/record").size();
    Waits.sleep(RECORD_RETRY.toMillis() * 3);
    assertEquals(afterAck, fx.gateway.all("/up/record").size(), "no repeat after the ack");
    assertEquals(1, terminal.counts().recordAcksReceived());
  }

  @Test
  void anAckForAnotherMessageDeletesNothing() throws Exception {
    FaceTerminalSimulator terminal = terminal();
    decideAlone(terminal, 1);
    ack("not-that-one");
    fx.gateway.awaitCount("/up/record", 2, WAIT);
    assertEquals(1, terminal.counts().offlineRecordsPending());
  }

  @Test
  void moreThan200GoInMessagesOf200OldestFirst() throws Exception {
    FaceTerminalSimulator terminal = terminal();
    List<String> decided = decideAlone(terminal, 450);
    fx.gateway.onMessage(r -> {
      if (r.topicEndsWith("/up/record")) {
        ack(r.json().getString("msgId"));
      }
    });

    fx.gateway.publish("ft/FT0200/down/hold-open",
        new JsonObject().put("msgId", "h1").put("ts", 1L).put("open", false));
    Waits.until(() -> terminal.counts().offlineRecordsPending() == 0, WAIT, () -> "not all sent");

    List<String> uploaded = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    String lastMsgId = null;
    for (Received message : fx.gateway.all("/up/record")) {
      if (message.json().getString("msgId").equals(lastMsgId)) {
        continue;  // a repeat that crossed its ack
      }
      lastMsgId = message.json().getString("msgId");
      sizes.add(recordIds(message).size());
      uploaded.addAll(recordIds(message));
    }
    assertEquals(List.of(200, 200, 50), sizes);
    assertEquals(decided, uploaded);
  }

  @Test
  void recordsGoOutAfterTheTerminalReconnects() throws Exception {
    FaceTerminalSimulator terminal = terminal();
    terminal.dropConnection();
    decideAlone(terminal, 3);

    terminal.reconnect().get(5, TimeUnit.SECONDS);
    Received message = fx.gateway.await("/up/record", WAIT);
    assertEquals(3, recordIds(message).size());
  }
}
