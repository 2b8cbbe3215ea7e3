package io.doorstep.gateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.device.EventKinds;
import io.doorstep.sim.browser.DevToolsSession;
import io.doorstep.sim.browser.HeadlessChromium;
import io.doorstep.gateway.Gateway;
import io.doorstep.gateway.config.ConfigLoader;
import io.doorstep.gateway.store.PersonRecord;
import io.doorstep.gateway.web.WebLogin;
import io.doorstep.gateway.web.auth.Role;
import io.doorstep.sim.broker.MosquittoBroker;
import io.doorstep.sim.faceterminal.FaceTerminalSimulator;
import io.doorstep.sim.faceterminal.Person;
import io.doorstep.sim.faceterminal.VerifyOutcome;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Devices added, moved and removed on the technician console: refused for the estate file's own
 * reasons, served at once (decisions and person lists included), and still there after a restart.
 */
class TechDevicesTest {
  static final String TECHNICIAN = "王工";
  static final String NEW_SN = "FT8-G1L3";
  @TempDir Path dir;

  @Test
  void aRefusedDeviceNamesTheFieldInTheEstateFilesOwnWords() throws Exception {
    try (MosquittoBroker broker = MosquittoBroker.start();
        Gateway gateway = start(broker)) {
      WebLogin tech = WebLogin.as(gateway.vertx(), gateway.store(), gateway.webPort(), TECHNICIAN, Role.TECHNICIAN);

      JsonObject taken = refused(tech.post("/api/tech/devices", terminal(TestEstate.GATE_IN, NEW_SN, "G1-L1")));
      assertEquals("id", taken.getString("field"));
      assertEquals("duplicate device id '" + TestEstate.GATE_IN + "', first used at line 9 (devices[0].id)",
          taken.getString("error"));

      JsonObject door = refused(tech.post("/api/tech/devices", terminal("ft-g1-l3", NEW_SN, "G9")));
      assertEquals("door", door.getString("field"));
      assertEquals("no door 'G9' is defined under doors", door.getString("error"));

      JsonObject sn = refused(tech.post("/api/tech/devices", terminal("ft-g1-l3", TestEstate.UNIT_SN, "G1-L1")));
      assertEquals("sn", sn.getString("field"));
      assertTrue(sn.getString("error").startsWith("duplicate device sn '" + TestEstate.UNIT_SN + "'"), sn.encode());

      JsonObject pile = refused(tech.post("/api/tech/devices", new JsonObject().put("id", "pile-9")
          .put("type", "charging-pile").put("link", "rs485-a").put("address", "9")));
      assertTrue(pile.getJsonArray("problems").contains(new JsonObject().put("field", "link")
          .put("message", "no line 'rs485-a' is defined under lines")), pile.encode());

      JsonObject missing = refused(tech.post("/api/tech/devices", new JsonObject().put("id", "ft-x")
          .put("type", "face-terminal").put("link", "mqtt")));
      assertEquals("sn", missing.getString("field"));

      assertEquals(3, devices(tech).size(), "a refused device was added anyway");
      assertTrue(RunningGateway.audit(gateway, "tech.device.add", "ft-g1-l3").isEmpty());
    }
  }

  @Test
  void aTerminalIsMovedAndRemovedLiveAndAudited() throws Exception {
    try (MosquittoBroker broker = MosquittoBroker.start();
        Gateway gateway = start(broker)) {
      WebLogin tech = WebLogin.as(gateway.vertx(), gateway.store(), gateway.webPort(), TECHNICIAN, Role.TECHNICIAN);

      HttpResponse<String> moved = tech.put("/api/tech/devices/" + TestEstate.UNIT,
          new JsonObject().put("type", "face-terminal").put("sn", TestEstate.UNIT_SN).put("link", "mqtt")
              .put("door", "G1-L2"));
      assertEquals(200, moved.statusCode(), moved.body());
      assertEquals("G1-L2", device(tech, TestEstate.UNIT).getString("door"));
      List<String> audit = RunningGateway.audit(gateway, "tech.device.edit", TestEstate.UNIT).get(0);
      assertEquals("B01-U1", new JsonObject(audit.get(0)).getString("door"));
      assertEquals("G1-L2", new JsonObject(audit.get(1)).getString("door"));
      assertEquals(TECHNICIAN, audit.get(2));

      HttpResponse<String> removed = tech.delete("/api/tech/devices/" + TestEstate.GATE_OUT);
      assertEquals(200, removed.statusCode(), removed.body());
      assertNull(device(tech, TestEstate.GATE_OUT));
      List<String> removal = RunningGateway.audit(gateway, "tech.device.remove", TestEstate.GATE_OUT).get(0);
      assertEquals(TestEstate.GATE_OUT_SN, new JsonObject(removal.get(0)).getString("sn"));
      assertNull(removal.get(1));
    }
  }

  @Test
  void aTerminalAddedOnThePageComesOnlineAndStaysAfterARestart() throws Exception {
    try (MosquittoBroker broker = MosquittoBroker.start();
        HeadlessChromium chromium = HeadlessChromium.start(
            List.of("--remote-debugging-port=0", "--window-size=1366,768", "about:blank"));
        DevToolsSession page = DevToolsSession.openPage(chromium.devToolsUrl(30), "about:blank")) {
      Path gatewayFile;
      try (Gateway gateway = start(broker)) {
        gatewayFile = dir.resolve("gateway.yaml");
        WebLogin.createUser(gateway.vertx(), gateway.store(), TECHNICIAN, Role.TECHNICIAN);
        String origin = "http://127.0.0.1:" + gateway.webPort();
        WebLogin.inBrowser(page, origin, TECHNICIAN, WebLogin.PASSWORD);
        page.call("Page.navigate", new JsonObject().put("url", origin + "/tech/"));
        page.awaitTrue("document.querySelectorAll('#device-rows tr').length === 3"
            + " && document.getElementById('device-door').options.length === 4");
        page.evaluate("const f = document.getElementById('device-form'); f.elements.id.value = 'ft-g1-l3';"
            + " f.elements.sn.value = '" + NEW_SN + "'; f.elements.door.value = 'G1-L1';"
            + " document.getElementById('device-save').click()");
        page.awaitTrue("document.getElementById('device-done').textContent === '已添加 ft-g1-l3'"
            + " && document.querySelector('#device-rows tr[data-device=\"ft-g1-l3\"]') !== null");
        assertEquals("离线", page.evaluate(
            "document.querySelector('#device-rows tr[data-device=\"ft-g1-l3\"] .pill').textContent"));

        try (FaceTerminalSimulator terminal = FaceTerminalSimulator.builder(broker.url(), NEW_SN)
            .heartbeatInterval(Duration.ofSeconds(1)).create()) {
          terminal.start().get(10, java.util.concurrent.TimeUnit.SECONDS);
          page.awaitTrue("document.querySelector('#device-rows tr[data-device=\"ft-g1-l3\"] .pill').textContent === '在线'");
          assertEquals("G1-L1", page.evaluate(
              "document.querySelector('#device-rows tr[data-device=\"ft-g1-l3\"] td:nth-child(4)').textContent"));
          page.keepPicture("tech-devices.png");
        }
        assertEquals(TECHNICIAN, RunningGateway.audit(gateway, "tech.device.add", "ft-g1-l3").get(0).get(2));
      }

      try (Gateway again = Gateway.start(ConfigLoader.load(gatewayFile))) {
        String origin = "http://127.0.0.1:" + again.webPort();
        WebLogin.inBrowser(page, origin, TECHNICIAN, WebLogin.PASSWORD);
        page.call("Page.navigate", new JsonObject().put("url", origin + "/tech/"));
        page.awaitTrue("document.querySelectorAll('#device-rows tr').length === 4"
            + " && document.querySelector('#device-rows tr[data-device=\"ft-g1-l3\"] td:nth-child(4)')"
            + ".textContent === 'G1-L1'");
      }
    }
  }

  @Test
  void aTerminalAddedAtAUnitDoorDecidesForThatDoorAndHoldsItsResidentsWithoutARestart() throws Exception {
    List<PersonRecord> persons = List.of(
        new PersonRecord("R1001", "张三", "resident", "B01-U1-101", 0, 0, List.of()));
    MosquittoBroker broker = MosquittoBroker.start();
    try (RunningGateway running = RunningGateway.start(broker, dir, 1, persons)) {
      Gateway gateway = running.gateway;
      WebLogin tech = WebLogin.as(gateway.vertx(), gateway.store(), gateway.webPort(), TECHNICIAN, Role.TECHNICIAN);
      HttpResponse<String> added = tech.post("/api/tech/devices", terminal("ft-b01-u1b", NEW_SN, "B01-U1"));
      assertEquals(201, added.statusCode(), added.body());

      try (FaceTerminalSimulator terminal = FaceTerminalSimulator.builder(broker.url(), NEW_SN)
          .heartbeatInterval(Duration.ofSeconds(1)).create()) {
        terminal.start().get(10, java.util.concurrent.TimeUnit.SECONDS);
        Waits.until("the new terminal holds the resident of its door", Duration.ofSeconds(20),
            () -> terminal.person("R1001").filter(Person::hasFace).isPresent());

        VerifyOutcome outcome = terminal.presentFace("R1001", 0.93, true, "pedestrian", "in")
            .get(5, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(outcome.opened(), outcome.toString());
        assertFalse(outcome.local(), "the gateway answered");
        String id = "ft-b01-u1b/" + outcome.msgId() + "/0";
        Waits.until("passage " + id + " is stored", Duration.ofSeconds(10), () -> passage(running, id) != null);
        JsonObject passage = passage(running, id);
        assertEquals("open", passage.getString("decision"));
        assertEquals("R1001", passage.getString("personId"));
        assertEquals("1栋1单元", passage.getString("doorName"));
      }
    }
  }

  private static JsonObject passage(RunningGateway running, String id) {
    try {
      return running.events(Set.of(EventKinds.PASSAGE)).stream()
          .filter(e -> e.event().id().equals(id)).findFirst().map(e -> e.event().payload()).orElse(null);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private Gateway start(MosquittoBroker broker) throws Exception {
    Path file = TestEstate.write(dir, broker.url(), TestEstate.freePort(), 1);
    return Gateway.start(ConfigLoader.load(file));
  }

  private static JsonObject terminal(String id, String sn, String door) {
    return new JsonObject().put("id", id).put("type", "face-terminal").put("sn", sn).put("link", "mqtt")
        .put("door", door);
  }

  private static JsonObject refused(HttpResponse<String> response) {
    assertEquals(400, response.statusCode(), response.body());
    return new JsonObject(response.body());
  }

  private static List<Object> devices(WebLogin tech) throws Exception {
    HttpResponse<String> r = tech.get("/api/tech/devices");
    assertEquals(200, r.statusCode(), r.body());
    return new JsonObject(r.body()).getJsonArray("devices").getList();
  }

  private static JsonObject device(WebLogin tech, String id) throws Exception {
    return new JsonObject(tech.get("/api/tech/devices").body()).getJsonArray("devices").stream()
        .map(o -> (JsonObject) o).filter(d -> d.getString("id").equals(id)).findFirst().orElse(null);
  }

}
