package io.doorstep.gateway.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.doorstep.device.DeviceCommand;
import io.doorstep.device.DeviceEvent;
import io.doorstep.device.EventKinds;
import io.doorstep.device.Severity;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * The board's API over real HTTP, on the real alarm and door services and a real SQLite file:
 * what a guard's acknowledgement and remote open do, and what the API refuses, field by field.
 */
class BoardApiTest {
  @TempDir Path dir;
  private BoardRig rig;

  @BeforeEach
  void start() throws Exception {
    rig = BoardRig.start(dir);
  }

  @AfterEach
  void stop() throws Exception {
    rig.close();
  }

  @Test
  void anAcknowledgementWithANoteIsStoredAndAuditedUnderTheGuardsName() throws Exception {
    long id = forcedDoorAlarm("ft-g1-l1");

    HttpResponse<String> answer = post("/api/board/alarms/" + id + "/ack", new JsonObject().put("note", "  已到现场查看，门已关好 "));

    assertEquals(200, answer.statusCode(), answer.body());
    JsonObject acked = new JsonObject(answer.body());
    assertEquals(BoardRig.USER, acked.getString("ackedBy"));
    assertEquals("已到现场查看，门已关好", acked.getString("note"));
    assertEquals("南门 1号通道", acked.getString("doorName"));
    assertEquals(List.of(BoardRig.USER), rig.auditActors("alarm.ack", "alarm:" + id));
    awaitTrue("the acknowledgement is in the event log", () -> events(EventKinds.ALARM_ACKED).stream()
        .anyMatch(e -> e.getJsonObject("payload").getLong("alarmId") == id
            && BoardRig.USER.equals(e.getJsonObject("payload").getString("by"))));
    JsonObject listed = alarms().stream().filter(a -> a.getLong("id") == id).findFirst().orElseThrow();
    assertEquals(BoardRig.USER, listed.getString("ackedBy"), "the door is still open: the alarm stays listed, acknowledged");
  }

  @Test
  void theNoteIsRequiredAndBounded() throws Exception {
    long id = forcedDoorAlarm("ft-g1-l2");

    assertField(post("/api/board/alarms/" + id + "/ack", new JsonObject()), "note");
    assertField(post("/api/board/alarms/" + id + "/ack", new JsonObject().put("note", "   ")), "note");
    assertField(post("/api/board/alarms/" + id + "/ack", new JsonObject().put("note", 42)), "note");
    assertField(post("/api/board/alarms/" + id + "/ack", new JsonObject().put("note", "很".repeat(501))), "note");

    assertNull(alarms().stream().filter(a -> a.getLong("id") == id).findFirst().orElseThrow().getValue("ackedTs"),
        "a refused acknowledgement changed the alarm");
    assertEquals(List.of(), rig.auditActors("alarm.ack", "alarm:" + id));
  }

  @Test
  void aSecondAcknowledgementIsRefusedAndAnUnknownOrMalformedIdIsNamed() throws Exception {
    long id = forcedDoorAlarm("ft-b01-u1");
    assertEquals(200, post("/api/board/alarms/" + id + "/ack", new JsonObject().put("note", "误报")).statusCode());

    HttpResponse<String> again = post("/api/board/alarms/" + id + "/ack", new JsonObject().put("note", "再次确认"));
    assertEquals(409, again.statusCode(), again.body());
    assertTrue(new JsonObject(again.body()).getString("error").contains(BoardRig.USER), again.body());

    assertEquals(404, post("/api/board/alarms/987654/ack", new JsonObject().put("note", "x")).statusCode());
    assertField(post("/api/board/alarms/abc/ack", new JsonObject().put("note", "x")), "id");
    assertField(post("/api/board/alarms/0/ack", new JsonObject().put("note", "x")), "id");
    HttpResponse<String> notJson = send("POST", "/api/board/alarms/" + id + "/ack", "[1, 2]");
    assertEquals(400, notJson.statusCode(), notJson.body());
  }

  @Test
  void aRemoteOpenReachesTheDoorsDeviceAndIsAuditedUnderTheGuardsName() throws Exception {
    HttpResponse<String> answer = post("/api/board/doors/G2-L3/open", new JsonObject());

    assertEquals(200, answer.statusCode(), answer.body());
    JsonObject opened = new JsonObject(answer.body());
    assertEquals(new JsonArray(List.of("ft-g2-l3")), opened.getJsonArray("devices"));
    assertTrue(rig.commands.stream().anyMatch(c -> c instanceof DeviceCommand.Open o && o.device().equals("ft-g2-l3")),
        "the terminal was never told to open: " + rig.commands);
    assertEquals(List.of(BoardRig.USER), rig.auditActors("door.open", "G2-L3"));
  }

  @Test
  void aRemoteOpenThatTheDeviceDoesNotConfirmSaysSo() throws Exception {
    rig.silent.add("ft-b05-u2");

    HttpResponse<String> answer = post("/api/board/doors/B05-U2/open", new JsonObject());

    assertEquals(504, answer.statusCode(), answer.body());
    JsonObject error = new JsonObject(answer.body());
    assertEquals("timeout", error.getString("reason"));
    assertTrue(error.getString("error").contains("may or may not have opened"), answer.body());
    assertEquals(List.of(BoardRig.USER), rig.auditActors("door.open", "B05-U2"), "a failed open is audited too");
  }

  @Test
  void aRemoteOpenOfAnUnknownOrMalformedDoorNamesTheId() throws Exception {
    HttpResponse<String> unknown = post("/api/board/doors/G9-L9/open", new JsonObject());
    assertEquals(404, unknown.statusCode(), unknown.body());
    assertEquals("id", new JsonObject(unknown.body()).getString("field"));
    assertField(post("/api/board/doors/" + "x".repeat(65) + "/open", new JsonObject()), "id");
    assertField(post("/api/board/doors/%3Cscript%3E/open", new JsonObject()), "id");
    assertTrue(rig.commands.isEmpty(), "a refused open reached a device: " + rig.commands);
  }

  @Test
  void theMapHasTheEstatesGatesBuildingsAndSheds() throws Exception {
    JsonObject map = new JsonObject(get("/api/board/map").body());

    assertEquals("西湖豪苑", map.getString("name"));
    assertEquals(12, map.getJsonArray("gates").size(), "8 pedestrian lanes, 2 vehicle lanes, the e-bike gate, the fire lane");
    assertEquals(12, map.getJsonArray("buildings").size());
    JsonObject b01 = map.getJsonArray("buildings").getJsonObject(0);
    assertEquals(List.of("B01-U1", "B01-U2"), b01.getJsonArray("doors").stream()
        .map(d -> ((JsonObject) d).getString("id")).toList());
    assertEquals(new JsonArray(List.of("ft-b01-u1")), b01.getJsonArray("doors").getJsonObject(0).getJsonArray("devices"));
    assertEquals(4, map.getJsonArray("sheds").size());
    assertEquals(12, map.getJsonArray("sheds").getJsonObject(0).getJsonArray("piles").size());
  }

  // ---- helpers ------------------------------------------------------------------------------

  /** A terminal reports its door forced open; returns the alarm the alarm service raised. */
  private long forcedDoorAlarm(String device) throws Exception {
    rig.record(DeviceEvent.of(device, EventKinds.DOOR_STATE, Severity.WARNING,
        new JsonObject().put("state", "open").put("forced", true)));
    awaitTrue("the forced door of " + device + " is an alarm",
        () -> alarms().stream().anyMatch(a -> device.equals(a.getString("device"))));
    return alarms().stream().filter(a -> device.equals(a.getString("device"))).findFirst().orElseThrow().getLong("id");
  }

  private List<JsonObject> alarms() throws Exception {
    HttpResponse<String> r = get("/api/board/alarms");
    assertEquals(200, r.statusCode(), r.body());
    return new JsonObject(r.body()).getJsonArray("alarms").stream().map(a -> (JsonObject) a).toList();
  }

  private List<JsonObject> events(String kind) throws Exception {
    return WebTestSupport.await(rig.store.recentEvents(100, Set.of(kind))).stream()
        .map(e -> e.event().toJson()).toList();
  }

  private static void assertField(HttpResponse<String> response, String field) {
    assertEquals(400, response.statusCode(), response.body());
    JsonObject body = new JsonObject(response.body());
    assertEquals(field, body.getString("field"), response.body());
    assertTrue(body.getString("error") != null && !body.getString("error").isBlank(), response.body());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return rig.guard.exchange(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, JsonObject body) throws Exception {
    return send("POST", path, body.encode());
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    return rig.guard.exchange(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body)), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + rig.port() + path);
  }

  interface Check {
    boolean holds() throws Exception;
  }

  static void awaitTrue(String what, Check check) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!check.holds()) {
      if (System.nanoTime() > deadline) {
        fail("never happened: " + what);
      }
      Thread.sleep(50);
    }
  }
}
