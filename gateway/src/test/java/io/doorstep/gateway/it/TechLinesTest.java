package io.doorstep.gateway.it;

import static io.doorstep.gateway.it.ChargingRig.BAUD;
import static io.doorstep.gateway.it.ChargingRig.PILE_1;
import static io.doorstep.gateway.it.ChargingRig.PILE_3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.device.EventKinds;
import io.doorstep.gateway.Gateway;
import io.doorstep.gateway.config.ConfigImport;
import io.doorstep.gateway.config.ConfigLoader;
import io.doorstep.gateway.web.WebLogin;
import io.doorstep.gateway.web.auth.Role;
import io.doorstep.sim.charger.Ebc10Bus;
import io.doorstep.sim.charger.Ebc10Pile;
import io.doorstep.sim.serial.PtyPair;
import io.doorstep.sim.serial.RtuSlaveLine;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RS-485 lines changed and added on the technician console, on real serial lines (EBC-10
 * simulators on socat pseudo-terminal pairs): the gateway reopens a line on its new port or
 * speed and its piles answer through it, a new line's pile is polled, and it all holds across
 * a restart.
 */
class TechLinesTest {
  static final String TECHNICIAN = "王工";
  static final String NEW_LINE = "shed4-bus";
  static final String NEW_PILE = "pile-41";

  @TempDir Path dir;

  @Test
  void aLineMovedToAnotherPortOrSpeedAndALineAddedAreServedLiveAuditedAndKept() throws Exception {
    try (ChargingRig rig = ChargingRig.start(dir, "", 16000, 1);
        PtyPair moved = PtyPair.start();
        PtyPair added = PtyPair.start();
        Ebc10Bus movedBus = Ebc10Bus.open(moved.a(), List.of(rig.pile(1), rig.pile(2), rig.pile(3)),
            RtuSlaveLine.Options.defaults().baud(BAUD));
        Ebc10Bus addedBus = Ebc10Bus.open(added.a(), List.of(Ebc10Pile.builder(1).seed(41).build()),
            RtuSlaveLine.Options.defaults().baud(BAUD))) {
      Gateway gateway = rig.running.gateway;
      WebLogin tech = WebLogin.as(gateway.vertx(), gateway.store(), gateway.webPort(), TECHNICIAN, Role.TECHNICIAN);
      Waits.until(PILE_1 + " online", Duration.ofSeconds(15), () -> online(tech, PILE_1));

      // The shed's cable moved to another port: the piles answer there, the old port is asked no more.
      HttpResponse<String> toPort = tech.put("/api/tech/lines/shed-bus", new JsonObject().put("port", moved.b()));
      assertEquals(200, toPort.statusCode(), toPort.body());
      Waits.until("the piles are asked on the new port", Duration.ofSeconds(15),
          () -> movedBus.requestsFor(1) > 0 && movedBus.requestsFor(3) > 0);
      long oldPortAsked = rig.bus.requestsFor(1);
      Waits.until("pile 1 answers on the new port again and again", Duration.ofSeconds(15),
          () -> movedBus.requestsFor(1) > 10);
      assertEquals(oldPortAsked, rig.bus.requestsFor(1), "the old port is still asked");
      assertTrue(online(tech, PILE_1) && online(tech, PILE_3));
      assertEquals(moved.b(), line(tech, "shed-bus").getString("port"));
      List<String> edit = RunningGateway.audit(gateway, "tech.line.edit", "shed-bus").get(0);
      assertEquals(rig.pty.b(), new JsonObject(edit.get(0)).getString("port"));
      assertEquals(moved.b(), new JsonObject(edit.get(1)).getString("port"));
      assertEquals(TECHNICIAN, edit.get(2));

      // Another speed: the line is reopened at it. A pseudo-terminal carries bytes at any speed, so
      // the piles go on answering here; on a real RS-485 line they would fall silent until set back.
      HttpResponse<String> slow = tech.put("/api/tech/lines/shed-bus", new JsonObject().put("baud", "9600"));
      assertEquals(200, slow.statusCode(), slow.body());
      assertEquals(9600, line(tech, "shed-bus").getInteger("baud"));
      Waits.until("the line reopened at 9600 baud", Duration.ofSeconds(15),
          () -> 9600 == line(tech, "shed-bus").getJsonObject("serving").getInteger("baud"));
      HttpResponse<String> back = tech.put("/api/tech/lines/shed-bus", new JsonObject().put("baud", BAUD));
      assertEquals(200, back.statusCode(), back.body());
      Waits.until("the line reopened at " + BAUD, Duration.ofSeconds(15),
          () -> BAUD == line(tech, "shed-bus").getJsonObject("serving").getInteger("baud"));
      long asked = movedBus.requestsFor(1);
      Waits.until("the piles answer at " + BAUD, Duration.ofSeconds(30),
          () -> movedBus.requestsFor(1) > asked + 5 && online(tech, PILE_1) && online(tech, PILE_3));
      assertEquals(3, RunningGateway.audit(gateway, "tech.line.edit", "shed-bus").size());
      assertEquals(9600, new JsonObject(RunningGateway.audit(gateway, "tech.line.edit", "shed-bus").get(0).get(0))
          .getInteger("baud"));

      // A speed no device is set to is refused on its field, and nothing changes.
      JsonObject refused = new JsonObject(tech.put("/api/tech/lines/shed-bus", new JsonObject().put("baud", "1234"))
          .body());
      assertEquals("baud", refused.getString("field"), refused.encode());
      assertEquals(BAUD, line(tech, "shed-bus").getInteger("baud"));

      // A new shed's line, then its pile: polled without a restart.
      HttpResponse<String> newLine = tech.post("/api/tech/lines", new JsonObject().put("id", NEW_LINE)
          .put("port", added.b()).put("baud", String.valueOf(BAUD)).put("cycleMs", "100"));
      assertEquals(201, newLine.statusCode(), newLine.body());
      assertEquals(TECHNICIAN, RunningGateway.audit(gateway, "tech.line.add", NEW_LINE).get(0).get(2));
      assertNull(RunningGateway.audit(gateway, "tech.line.add", NEW_LINE).get(0).get(0));
      HttpResponse<String> pile = tech.post("/api/tech/devices", new JsonObject().put("id", NEW_PILE)
          .put("type", "charging-pile").put("link", NEW_LINE).put("address", "1").put("profile", "EBC-10")
          .put("shed", "S2"));
      assertEquals(201, pile.statusCode(), pile.body());
      Waits.until(NEW_PILE + " online on the new line", Duration.ofSeconds(15), () -> online(tech, NEW_PILE));
      assertTrue(addedBus.requestsFor(1) > 0);

      // Its piles still name the old line's id: it is not removed.
      JsonObject inUse = new JsonObject(tech.delete("/api/tech/lines/" + NEW_LINE).body());
      assertEquals("id", inUse.getString("field"), inUse.encode());
      assertTrue(inUse.getString("error").contains("no line '" + NEW_LINE + "' is defined"), inUse.encode());

      // The export holds the line edits beside the files, in the order they are laid over.
      JsonObject exported = lineEdits(tech);
      assertEquals(List.of("shed-bus", NEW_LINE), exported.getJsonArray("lineEdits").stream()
          .map(e -> ((JsonObject) e).getString("line")).toList());
      assertEquals(moved.b(), exported.getJsonArray("lineEdits").getJsonObject(0).getJsonObject("entry")
          .getString("port"));

      // A pile charging on the line: the line is not reopened under it, but its cycle time, which
      // needs no reopening, changes all the same.
      rig.charge(1, 1, 200);
      JsonObject charging = new JsonObject(tech.put("/api/tech/lines/shed-bus", new JsonObject().put("baud", "19200"))
          .body());
      assertEquals("id", charging.getString("field"), charging.encode());
      assertTrue(charging.getString("error").startsWith(PILE_1 + " on line shed-bus is charging:"), charging.encode());
      assertEquals(BAUD, line(tech, "shed-bus").getInteger("baud"));
      int opened = rig.running.events(Set.of(EventKinds.LINE_UP)).size();
      HttpResponse<String> cycle = tech.put("/api/tech/lines/shed-bus", new JsonObject().put("cycleMs", "500"));
      assertEquals(200, cycle.statusCode(), cycle.body());
      assertEquals(500, line(tech, "shed-bus").getInteger("cycleMs"));
      Waits.until("the line polls every 500 ms", Duration.ofSeconds(15),
          () -> 500 == line(tech, "shed-bus").getJsonObject("serving").getInteger("cycleMs"));
      assertEquals(opened, rig.running.events(Set.of(EventKinds.LINE_UP)).size(), "the line was not reopened");
    }
  }

  private static JsonObject lineEdits(WebLogin tech) throws Exception {
    byte[] zip = tech.exchange(tech.request("/api/tech/support/config").GET(),
        HttpResponse.BodyHandlers.ofByteArray()).body();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (e.getName().equals(ConfigImport.LINE_EDITS)) {
          return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    }
    throw new AssertionError("no " + ConfigImport.LINE_EDITS + " in the export");
  }

  @Test
  void aLineChangeStopsAScanAndHoldsAcrossARestart() throws Exception {
    try (ChargingRig rig = ChargingRig.start(dir, "", 16000, 1);
        PtyPair moved = PtyPair.start();
        Ebc10Bus movedBus = Ebc10Bus.open(moved.a(), List.of(rig.pile(1), rig.pile(2), rig.pile(3)),
            RtuSlaveLine.Options.defaults().baud(BAUD))) {
      Gateway gateway = rig.running.gateway;
      WebLogin tech = WebLogin.as(gateway.vertx(), gateway.store(), gateway.webPort(), TECHNICIAN, Role.TECHNICIAN);
      // A scan of empty addresses takes minutes: the change stops it, saying why.
      HttpResponse<String> scan = tech.post("/api/tech/lines/shed-bus/scan", new JsonObject().put("from", 10)
          .put("to", 247));
      assertEquals(202, scan.statusCode(), scan.body());
      HttpResponse<String> changed = tech.put("/api/tech/lines/shed-bus",
          new JsonObject().put("port", moved.b()).put("cycleMs", "200"));
      assertEquals(200, changed.statusCode(), changed.body());
      Waits.until("the scan stopped", Duration.ofSeconds(10),
          () -> !scan(tech).getBoolean("running"));
      assertEquals("the scan was stopped: line shed-bus is being changed on the console by " + TECHNICIAN,
          scan(tech).getString("error"));
      gateway.close();

      long oldPortAsked = rig.bus.requestsFor(1);
      try (Gateway again = Gateway.start(ConfigLoader.load(rig.running.config.sourceFile()))) {
        WebLogin techAgain = WebLogin.login(again.webPort(), TECHNICIAN, WebLogin.PASSWORD);
        Waits.until(PILE_1 + " online after the restart", Duration.ofSeconds(15), () -> online(techAgain, PILE_1));
        JsonObject line = line(techAgain, "shed-bus");
        assertEquals(moved.b(), line.getString("port"));
        assertEquals(200, line.getInteger("cycleMs"));
        assertTrue(movedBus.requestsFor(1) > 0);
        assertEquals(oldPortAsked, rig.bus.requestsFor(1), "the file's port is asked after the restart");
      }
    }
  }

  private static JsonObject scan(WebLogin tech) {
    try {
      return new JsonObject(tech.get("/api/tech/lines/shed-bus/scan").body());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static JsonObject line(WebLogin tech, String id) {
    try {
      return new JsonObject(tech.get("/api/tech/serial").body()).getJsonArray("lines").stream()
          .map(JsonObject.class::cast).filter(l -> id.equals(l.getString("id"))).findFirst().orElse(null);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static boolean online(WebLogin tech, String id) {
    try {
      return new JsonObject(tech.get("/api/tech/devices").body()).getJsonArray("devices").stream()
          .map(JsonObject.class::cast).anyMatch(d -> id.equals(d.getString("id")) && d.getBoolean("online"));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
