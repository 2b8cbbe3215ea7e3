package io.doorstep.gateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.gateway.Gateway;
import io.doorstep.gateway.config.ConfigLoader;
import io.doorstep.gateway.config.GatewayConfig;
import io.doorstep.gateway.store.PersonRecord;
import io.doorstep.gateway.web.WebLogin;
import io.doorstep.gateway.web.auth.Role;
import io.doorstep.sim.broker.MosquittoBroker;
import io.doorstep.sim.faceterminal.FaceTerminalSimulator;
import io.doorstep.sim.faceterminal.Person;
import io.doorstep.sim.faceterminal.VerifyOutcome;
import io.vertx.core.json.JsonObject;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipEntry;
import java.nio.charset.StandardCharsets;
import java.io.ByteArrayInputStream;
import io.doorstep.gateway.config.ConfigImport;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Door timings changed on the technician console: refused with the field named, used by the
 * next passage and the next remote open, audited, and still in force after a restart.
 */
class TechDoorTimingsTest {
  static final String TECHNICIAN = "王工";
  static final String GUARD = "李保安";
  static final String UNIT_DOOR = "B01-U1";
  @TempDir Path dir;

  @Test
  void aChangeOutOfRangeOrForNoDoorIsRefusedWithTheFieldNamed() throws Exception {
    try (MosquittoBroker broker = MosquittoBroker.start();
        Gateway gateway = Gateway.start(ConfigLoader.load(TestEstate.write(dir, broker.url(), TestEstate.freePort(), 1)))) {
      WebLogin tech = WebLogin.as(gateway.vertx(), gateway.store(), gateway.webPort(), TECHNICIAN, Role.TECHNICIAN);

      JsonObject tooShort = refused(tech.put("/api/tech/doors/timings", change("door", UNIT_DOOR, "openMs", 500)));
      assertEquals("openMs", tooShort.getString("field"));
      assertEquals("openMs must be 1000 to 60000 ms, got 500", tooShort.getString("error"));

      JsonObject held = refused(tech.put("/api/tech/doors/timings", change("estate", null, "heldOpenMs", 1000)));
      assertEquals("heldOpenMs", held.getString("field"));

      JsonObject words = refused(tech.put("/api/tech/doors/timings", change("door", UNIT_DOOR, "remoteOpenMs", "soon")));
      assertEquals("remoteOpenMs", words.getString("field"));

      JsonObject unknown = refused(tech.put("/api/tech/doors/timings", change("door", UNIT_DOOR, "closeMs", 4000)));
      assertEquals("closeMs", unknown.getString("field"));

      JsonObject noDoor = refused(tech.put("/api/tech/doors/timings", change("door", "G9", "openMs", 4000)));
      assertEquals("target", noDoor.getString("field"));
      assertEquals("no door 'G9'", noDoor.getString("error"));

      JsonObject scope = refused(tech.put("/api/tech/doors/timings", change("shed", UNIT_DOOR, "openMs", 4000)));
      assertEquals("scope", scope.getString("field"));

      assertEquals(3000, timing(tech, UNIT_DOOR).getJsonObject("effective").getInteger("openMs"));
      assertTrue(RunningGateway.audit(gateway, "tech.door.timing", UNIT_DOOR).isEmpty(), "a refused change was audited");
    }
  }

  @Test
  void aDoorsNewOpenTimeReachesTheTerminalsAnswerIsAuditedAndOutlivesARestart() throws Exception {
    List<PersonRecord> persons = List.of(
        new PersonRecord("R1001", "张三", "resident", "B01-U1-101", 0, 0, List.of()));
    try (MosquittoBroker broker = MosquittoBroker.start();
        FaceTerminalSimulator terminal = FaceTerminalSimulator.builder(broker.url(), TestEstate.UNIT_SN)
            .heartbeatInterval(Duration.ofSeconds(1)).create()) {
      GatewayConfig config = ConfigLoader.load(TestEstate.write(dir, broker.url(), TestEstate.freePort(), 1));
      RunningGateway.enrol(config, persons);
      try (Gateway gateway = Gateway.start(config)) {
        terminal.start().get(10, TimeUnit.SECONDS);
        Waits.until("the terminal holds the resident", Duration.ofSeconds(20),
            () -> terminal.person("R1001").filter(Person::hasFace).isPresent());
        assertEquals(3000, passage(terminal).openMs(), "the built-in time before any change");

        WebLogin tech = WebLogin.as(gateway.vertx(), gateway.store(), gateway.webPort(), TECHNICIAN, Role.TECHNICIAN);
        HttpResponse<String> changed = tech.put("/api/tech/doors/timings", change("door", UNIT_DOOR, "openMs", 7000));
        assertEquals(200, changed.statusCode(), changed.body());
        assertEquals(7000, passage(terminal).openMs());

        List<String> audit = RunningGateway.audit(gateway, "tech.door.timing", UNIT_DOOR).get(0);
        assertEquals(new JsonObject().put("openMs", 3000), new JsonObject(audit.get(0)));
        assertEquals(new JsonObject().put("openMs", 7000), new JsonObject(audit.get(1)));
        assertEquals(TECHNICIAN, audit.get(2));

        HttpResponse<String> everyDoor = tech.put("/api/tech/doors/timings", change("estate", null, "remoteOpenMs", 9000));
        assertEquals(200, everyDoor.statusCode(), everyDoor.body());
        WebLogin guard = WebLogin.as(gateway.vertx(), gateway.store(), gateway.webPort(), GUARD, Role.GUARD);
        HttpResponse<String> opened = guard.post("/api/board/doors/" + UNIT_DOOR + "/open", new JsonObject());
        assertEquals(200, opened.statusCode(), opened.body());
        assertEquals(9000, new JsonObject(opened.body()).getInteger("openMs"));
        assertEquals(new JsonObject().put("remoteOpenMs", 9000),
            new JsonObject(RunningGateway.audit(gateway, "tech.door.timing", "G1-L1").get(0).get(1)),
            "a change for every door is audited at each door");
      }

      try (Gateway again = Gateway.start(ConfigLoader.load(dir.resolve("gateway.yaml")))) {
        WebLogin tech = WebLogin.login(again.webPort(), TECHNICIAN, WebLogin.PASSWORD);
        JsonObject door = timing(tech, UNIT_DOOR);
        assertEquals(new JsonObject().put("openMs", 7000).put("remoteOpenMs", 9000).put("heldOpenMs", 30000),
            door.getJsonObject("effective"));
        assertEquals(new JsonObject().put("openMs", 7000).put("remoteOpenMs", 9000), door.getJsonObject("console"));
        assertEquals(7000, passage(terminal).openMs(), "the terminal's answer after the restart");
        assertEquals(new JsonObject().put("openMs", 7000).put("remoteOpenMs", 9000),
            exportedDoorTimings(tech).getJsonObject(UNIT_DOOR), "the export holds the console's timings");
      }
    }
  }

  /** A face at the terminal, answered by the gateway. */
  private static VerifyOutcome passage(FaceTerminalSimulator terminal) throws Exception {
    VerifyOutcome outcome = terminal.presentFace("R1001", 0.93, true, "pedestrian", "in").get(10, TimeUnit.SECONDS);
    assertTrue(outcome.opened(), outcome.toString());
    assertFalse(outcome.local(), "the gateway answered");
    return outcome;
  }

  private static JsonObject change(String scope, String target, String name, Object value) {
    return new JsonObject().put("scope", scope).put("target", target).put("changes", new JsonObject().put(name, value));
  }

  private static JsonObject timing(WebLogin tech, String door) throws Exception {
    HttpResponse<String> r = tech.get("/api/tech/doors/timings");
    assertEquals(200, r.statusCode(), r.body());
    return new JsonObject(r.body()).getJsonArray("doors").stream().map(JsonObject.class::cast)
        .filter(d -> d.getString("id").equals(door)).findFirst().orElseThrow();
  }

  private static JsonObject refused(HttpResponse<String> response) {
    assertEquals(400, response.statusCode(), response.body());
    return new JsonObject(response.body());
  }
  /** The door timings the configuration export carries beside the files. */
  private static JsonObject exportedDoorTimings(WebLogin tech) throws Exception {
    byte[] zip = tech.exchange(tech.request("/api/tech/support/config").GET(),
        HttpResponse.BodyHandlers.ofByteArray()).body();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (e.getName().equals(ConfigImport.DOOR_TIMINGS)) {
          return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getJsonObject("doorTimings");
        }
      }
    }
    throw new AssertionError("no " + ConfigImport.DOOR_TIMINGS + " in the export");
  }
}
