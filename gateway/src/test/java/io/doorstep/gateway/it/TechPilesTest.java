package io.doorstep.gateway.it;

import static io.doorstep.gateway.it.ChargingRig.PILE_1;
import static io.doorstep.gateway.it.ChargingRig.PILE_2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.gateway.Gateway;
import io.doorstep.gateway.web.WebLogin;
import io.doorstep.gateway.web.auth.Role;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Charging piles added, moved and removed on the technician console, on a real serial line (EBC-10
 * simulators on a socat pseudo-terminal pair): polled and watched by the safety rules at once,
 * polled no more once moved or removed, and never taken out of the rules while a port charges.
 */
class TechPilesTest {
  static final String TECHNICIAN = "王工";
  static final String NEW_PILE = "pile-4";
  /** Short durations, so that a test never waits minutes; the levels are the defaults. */
  private static final String QUICK = "overPowerSeconds: 2, fullMinutes: 1, unpluggedSeconds: 10,"
      + " maxSessionMinutes: 10, stopConfirmSeconds: 5";

  @TempDir Path dir;

  @Test
  void aPileAddedOnTheConsoleIsWatchedThenMovedAndRemovedLiveAndAudited() throws Exception {
    try (ChargingRig rig = ChargingRig.withSpares(dir, QUICK, 5)) {
      Gateway gateway = rig.running.gateway;
      WebLogin tech = WebLogin.as(gateway.vertx(), gateway.store(), gateway.webPort(), TECHNICIAN, Role.TECHNICIAN);
      rig.charge(1, 1, 200);
      assertEquals(0, rig.bus.requestsFor(4), "the spare pile is in no estate file yet");

      HttpResponse<String> added = tech.post("/api/tech/devices", pile(NEW_PILE, 4));
      assertEquals(201, added.statusCode(), added.body());
      Waits.until(NEW_PILE + " online", Duration.ofSeconds(15), () -> online(tech, NEW_PILE));
      assertEquals(TECHNICIAN, RunningGateway.audit(gateway, "tech.device.add", NEW_PILE).get(0).get(2));

      // Its readings reach the rules: a session seen, a hot plug stopped.
      rig.charge(4, 1, 200);
      rig.pile(4).setPlugTemperature(1, 75);
      rig.awaitRelayOpen(4, 1);
      assertEquals("plug-hot", rig.stopReason(NEW_PILE, 1));
      rig.pile(4).unplug(1);

      // A limit changed for the pile holds when the pile is watched anew at another address.
      HttpResponse<String> limit = tech.put("/api/tech/limits", new JsonObject().put("scope", "pile")
          .put("target", NEW_PILE).put("changes", new JsonObject().put("overPowerW", 700)));
      assertEquals(200, limit.statusCode(), limit.body());
      Waits.until("the plug-hot session of " + NEW_PILE + " ended", Duration.ofSeconds(10),
          () -> !rig.events(Set.of("charging.session.ended"), p -> NEW_PILE.equals(p.getString("pile"))).isEmpty());

      HttpResponse<String> moved = tech.put("/api/tech/devices/" + NEW_PILE, pile(NEW_PILE, 5));
      assertEquals(200, moved.statusCode(), moved.body());
      Waits.until("address 5 is polled", Duration.ofSeconds(15), () -> rig.bus.requestsFor(5) > 0);
      awaitNotPolled(rig, 4);
      Waits.until(NEW_PILE + " online at address 5", Duration.ofSeconds(15), () -> online(tech, NEW_PILE));
      assertEquals(700, effectiveLimit(tech, NEW_PILE, "overPowerW"), 1e-9);
      List<String> edit = RunningGateway.audit(gateway, "tech.device.edit", NEW_PILE).get(0);
      assertEquals(4, new JsonObject(edit.get(0)).getInteger("address"));
      assertEquals(5, new JsonObject(edit.get(1)).getInteger("address"));
      assertEquals(TECHNICIAN, edit.get(2));

      // Charging now: it is not removed, and the refusal names the port.
      rig.charge(NEW_PILE, 5, 2, 200);
      JsonObject refused = new JsonObject(tech.delete("/api/tech/devices/" + NEW_PILE).body());
      assertEquals("id", refused.getString("field"), refused.encode());
      assertTrue(refused.getString("error").startsWith(NEW_PILE + " is charging on port 2:"), refused.encode());
      assertTrue(online(tech, NEW_PILE), "a refused removal removed it anyway");
      assertTrue(RunningGateway.audit(gateway, "tech.device.remove", NEW_PILE).isEmpty());

      rig.pile(5).unplug(2);
      Waits.until("the charge on port 2 ended", Duration.ofSeconds(15), () -> rig.events(
          Set.of("charging.session.ended"), p -> NEW_PILE.equals(p.getString("pile")) && p.getInteger("port") == 2)
          .size() == 1);
      HttpResponse<String> removed = tech.delete("/api/tech/devices/" + NEW_PILE);
      assertEquals(200, removed.statusCode(), removed.body());
      awaitNotPolled(rig, 5);
      assertNull(device(tech, NEW_PILE));
      List<String> removal = RunningGateway.audit(gateway, "tech.device.remove", NEW_PILE).get(0);
      assertEquals(5, new JsonObject(removal.get(0)).getInteger("address"));
      assertNull(removal.get(1));

      // The file's pile charged on throughout: no edit took it out of the rules.
      assertTrue(rig.pile(1).relayClosed(1));
      assertTrue(rig.events(Set.of("charging.session.ended"), p -> PILE_1.equals(p.getString("pile"))).isEmpty());
    }
  }

  @Test
  void aChargingPileIsNotRemovedUnlessOfflineAndThenItsSessionEndsAsRemoved() throws Exception {
    try (ChargingRig rig = ChargingRig.withSpares(dir, QUICK, 3)) {
      Gateway gateway = rig.running.gateway;
      WebLogin tech = WebLogin.as(gateway.vertx(), gateway.store(), gateway.webPort(), TECHNICIAN, Role.TECHNICIAN);
      rig.charge(2, 3, 200);
      rig.charge(2, 7, 200);

      HttpResponse<String> refused = tech.delete("/api/tech/devices/" + PILE_2);
      assertEquals(400, refused.statusCode(), refused.body());
      assertTrue(new JsonObject(refused.body()).getString("error").startsWith(PILE_2 + " is charging on ports 3, 7:"),
          refused.body());
      HttpResponse<String> changed = tech.put("/api/tech/devices/" + PILE_2, pile(PILE_2, 9));
      assertEquals(400, changed.statusCode(), changed.body());

      rig.pile(2).silence(true);
      Waits.until(PILE_2 + " offline", Duration.ofSeconds(15), () -> !online(tech, PILE_2));
      HttpResponse<String> removed = tech.delete("/api/tech/devices/" + PILE_2);
      assertEquals(200, removed.statusCode(), removed.body());
      Waits.until("both sessions end as removed", Duration.ofSeconds(10), () -> rig.events(
          Set.of("charging.session.ended"), p -> PILE_2.equals(p.getString("pile"))
              && "removed".equals(p.getString("reason"))).size() == 2);
    }
  }

  /** Nothing asks the address any more, while the line goes on polling pile 1. */
  private static void awaitNotPolled(ChargingRig rig, int address) throws InterruptedException {
    Waits.until("nothing asks address " + address + " any more", Duration.ofSeconds(20), () -> {
      long before = rig.bus.requestsFor(address);
      long first = rig.bus.requestsFor(1);
      try {
        Waits.until("pile 1 polled", Duration.ofSeconds(10), () -> rig.bus.requestsFor(1) >= first + 10);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
      return rig.bus.requestsFor(address) == before;
    });
  }

  private static JsonObject pile(String id, int address) {
    return new JsonObject().put("id", id).put("type", "charging-pile").put("link", "shed-bus")
        .put("address", String.valueOf(address)).put("profile", "EBC-10").put("shed", "S1");
  }

  private static boolean online(WebLogin tech, String id) {
    JsonObject d = device(tech, id);
    return d != null && d.getBoolean("online");
  }

  private static JsonObject device(WebLogin tech, String id) {
    try {
      return new JsonObject(tech.get("/api/tech/devices").body()).getJsonArray("devices").stream()
          .map(o -> (JsonObject) o).filter(d -> d.getString("id").equals(id)).findFirst().orElse(null);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static double effectiveLimit(WebLogin tech, String pile, String key) throws Exception {
    JsonObject row = new JsonObject(tech.get("/api/tech/limits").body()).getJsonArray("piles").stream()
        .map(o -> (JsonObject) o).filter(r -> r.getString("pile").equals(pile)).findFirst().orElseThrow();
    return row.getJsonObject("effective").getDouble(key);
  }
}
