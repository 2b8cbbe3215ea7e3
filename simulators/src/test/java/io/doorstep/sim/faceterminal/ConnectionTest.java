package io.doorstep.sim.faceterminal;

import static io.doorstep.sim.faceterminal.Fixture.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.sim.testing.FakeGateway;
import io.doorstep.sim.testing.FakeGateway.Received;
import io.doorstep.sim.testing.Threads;
import io.doorstep.sim.testing.Waits;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConnectionTest {

  private final Fixture fx = new Fixture();

  ConnectionTest() throws Exception {
  }

  @AfterEach
  void tearDown() {
    fx.close();
    Threads.assertNoneLeft();
  }

  @Test
  void connectPublishesRetainedOnlineThenHeartbeats() throws Exception {
    fx.terminal("FT0001");

    try (FakeGateway late = new FakeGateway(fx.broker.url(), "late", "ft/FT0001/up/online")) {
      Received online = late.await("/up/online", WAIT);
      assertTrue(online.retained(), "online is retained");
      assertEquals(1, online.qos());
      JsonObject body = online.json();
      assertEquals(List.of("msgId", "ts", "online", "model", "fw", "ip"),
          List.copyOf(body.fieldNames()));
      assertEquals(true, body.getValue("online"));
      assertEquals("FT-8", body.getString("model"));
      assertEquals("3.2.1", body.getString("fw"));
      assertEquals("127.0.0.1", body.getString("ip"));
    }

    Received heartbeat = fx.gateway.await("ft/FT0001/up/heartbeat", WAIT);
    assertEquals(0, heartbeat.qos());
    JsonObject hb = heartbeat.json();
    assertEquals(List.of("msgId", "ts", "uptimeS", "persons", "doorState"),
        List.copyOf(hb.fieldNames()));
    assertEquals(0, hb.getInteger("persons"));
    assertEquals("closed", hb.getString("doorState"));
    // ... and then every interval.
    fx.gateway.awaitCount("/up/heartbeat", 3, WAIT);
  }

  @Test
  void droppedConnectionLeavesTheWillRetained() throws Exception {
    FaceTerminalSimulator terminal = fx.terminal("FT0002");
    String onlineMsgId = fx.gateway.await("/up/online", WAIT).json().getString("msgId");

    terminal.dropConnection();

    Waits.until(() -> fx.gateway.all("/up/online").size() == 2, WAIT, () -> "no will");
    try (FakeGateway fresh = new FakeGateway(fx.broker.url(), "fresh", "ft/FT0002/up/online")) {
      Received will = fresh.await("/up/online", WAIT);
      assertTrue(will.retained());
      JsonObject body = will.json();
      assertEquals(List.of("msgId", "ts", "online"), List.copyOf(body.fieldNames()));
      assertEquals(false, body.getValue("online"));
      assertNotEquals(onlineMsgId, body.getString("msgId"));
    }
  }

  @Test
  void eachConnectionHasAFreshWill() throws Exception {
    FaceTerminalSimulator terminal = fx.terminal("FT0003");
    terminal.dropConnection();
    terminal.reconnect().get(5, TimeUnit.SECONDS);
    terminal.dropConnection();
    Waits.until(() -> fx.gateway.all("/up/online").stream()
        .filter(r -> !r.json().getBoolean("online")).count() == 2, WAIT, () -> "two wills");
    List<String> willIds = fx.gateway.all("/up/online").stream()
        .filter(r -> !r.json().getBoolean("online"))
        .map(r -> r.json().getString("msgId")).toList();
    assertNotEquals(willIds.get(0), willIds.get(1));
  }

  @Test
  void reconnectsByItselfAfterTheBrokerRestarts() throws Exception {
    FaceTerminalSimulator terminal = fx.terminal("FT0004");
    fx.gateway.close();
    fx.broker.restart();

    Waits.until(() -> terminal.counts().connects() == 2, WAIT, () -> "no reconnect");
    try (FakeGateway after = new FakeGateway(fx.broker.url(), "after", "ft/FT0004/up/#")) {
      Received online = after.await("/up/online", WAIT);
      assertEquals(true, online.json().getValue("online"));
      after.await("/up/heartbeat", WAIT);
    }
  }

  @Test
  void commandsSentWhileAwayArriveOnReturn() throws Exception {
    FaceTerminalSimulator terminal = fx.terminal("FT0005");
    terminal.dropConnection();

    fx.gateway.publish("ft/FT0005/down/person-delete",
        new JsonObject().put("msgId", "del-1").put("ts", 1L).put("personIds", List.of("R1")));
    terminal.reconnect().get(5, TimeUnit.SECONDS);

    Received ack = fx.gateway.await("/up/ack", WAIT);
    assertEquals("del-1", ack.json().getString("ackMsgId"));
  }

  @Test
  void pausedHeartbeatsGoSilentWhileStayingConnected() throws Exception {
    FaceTerminalSimulator terminal = fx.terminal("FT0006");
    fx.gateway.awaitCount("/up/heartbeat", 2, WAIT);
    terminal.pauseHeartbeats(true);
    Waits.sleep(100);
    int before = fx.gateway.all("/up/heartbeat").size();
    Waits.sleep(Fixture.HEARTBEAT.toMillis() * 4);
    assertEquals(before, fx.gateway.all("/up/heartbeat").size());
    assertTrue(terminal.isConnected());

    terminal.pauseHeartbeats(false);
    fx.gateway.awaitCount("/up/heartbeat", before + 1, WAIT);
  }
}
