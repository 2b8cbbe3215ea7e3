package io.doorstep.gateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.pi4j.boardinfo.util.BoardInfoHelper;
import io.doorstep.device.DeviceEvent;
import io.doorstep.device.EventKinds;
import io.doorstep.device.Severity;
import io.doorstep.gateway.Gateway;
import io.doorstep.gateway.bus.BusDeviceListener;
import io.doorstep.gateway.web.WebLogin;
import io.doorstep.gateway.web.auth.Role;
import io.doorstep.sim.broker.MosquittoBroker;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A booth GPIO device added and removed on the technician console of a running gateway on this
 * machine, which has no GPIO: the booth's driver is started for it at once (and says the GPIO is
 * missing, as at start-up), a factory pin clash names the form's channel, and each change is audited.
 */
class TechGpioDevicesTest {
  static final String TECHNICIAN = "王工";
  private static final Duration LIMIT = Duration.ofSeconds(20);
  @TempDir Path dir;

  @Test
  void aBoothDoorAddedOnTheConsoleIsServedAtOnceAndAPinClashNamesTheChannel() throws Exception {
    assumeFalse(BoardInfoHelper.runningOnRaspberryPi(), "this machine is a Pi");
    MosquittoBroker broker = MosquittoBroker.start();
    try (RunningGateway running = RunningGateway.start(broker, dir, 30, List.of())) {
      Gateway gateway = running.gateway;
      WebLogin tech = WebLogin.as(gateway.vertx(), gateway.store(), gateway.webPort(), TECHNICIAN, Role.TECHNICIAN);

      HttpResponse<String> added = tech.post("/api/tech/devices", new JsonObject().put("id", "booth-door-1")
          .put("type", "gpio-door").put("link", "gpio").put("channel", "1").put("door", "G1-L1"));
      assertEquals(201, added.statusCode(), added.body());
      Waits.until("the booth's driver was started for the added door", LIMIT, () -> gpioAlarm(running, "booth-door-1"));
      assertEquals("G1-L1", device(tech, "booth-door-1").getString("door"));
      assertEquals(TECHNICIAN, running.audit("tech.device.add", "booth-door-1").get(0).get(2));

      HttpResponse<String> clash = tech.post("/api/tech/devices", new JsonObject().put("id", "booth-door-2")
          .put("type", "gpio-door").put("link", "gpio").put("channel", "1"));
      assertEquals(400, clash.statusCode(), clash.body());
      JsonObject refused = new JsonObject(clash.body());
      assertEquals("channel", refused.getString("field"));
      assertTrue(refused.getString("error").startsWith("duplicate BCM pin "), refused.encode());
      assertTrue(refused.getJsonArray("problems").stream().map(p -> (JsonObject) p)
          .anyMatch(p -> p.getString("field").equals("channel")
              && p.getString("message").startsWith("duplicate BCM pin 17")), "the lock relay's pin: " + refused.encode());

      HttpResponse<String> second = tech.post("/api/tech/devices", new JsonObject().put("id", "booth-door-2")
          .put("type", "gpio-door").put("link", "gpio").put("channel", "2"));
      assertEquals(201, second.statusCode(), second.body());
      assertEquals(2L, ((Number) new JsonObject(tech.get("/api/tech/devices/booth-door-2").body())
          .getJsonObject("entry").getValue("channel")).longValue());
      Waits.until("the booth's driver was started again with both doors", LIMIT,
          () -> gpioAlarm(running, "booth-door-2"));

      HttpResponse<String> removed = tech.delete("/api/tech/devices/booth-door-1");
      assertEquals(200, removed.statusCode(), removed.body());
      assertNull(device(tech, "booth-door-1"));
      List<String> removal = running.audit("tech.device.remove", "booth-door-1").get(0);
      assertEquals("gpio-door", new JsonObject(removal.get(0)).getString("type"));
      assertNull(removal.get(1));
    }
  }

  @Test
  void theBoothBoardIsNotChangedDuringAFireAlarm() throws Exception {
    MosquittoBroker broker = MosquittoBroker.start();
    try (RunningGateway running = RunningGateway.start(broker, dir, 30, List.of())) {
      Gateway gateway = running.gateway;
      WebLogin tech = WebLogin.as(gateway.vertx(), gateway.store(), gateway.webPort(), TECHNICIAN, Role.TECHNICIAN);
      new BusDeviceListener(gateway.vertx().eventBus()).event(DeviceEvent.of("facp-1", EventKinds.FIRE_ALARM,
          Severity.CRITICAL, new JsonObject().put("input", "FACP")));
      Waits.until("fire mode is on", LIMIT, () -> fireModeStarted(running));

      HttpResponse<String> siren = tech.post("/api/tech/devices", new JsonObject().put("id", "booth-siren")
          .put("type", "siren").put("link", "gpio"));
      HttpResponse<String> terminal = tech.put("/api/tech/devices/" + TestEstate.UNIT, new JsonObject()
          .put("type", "face-terminal").put("sn", TestEstate.UNIT_SN).put("link", "mqtt").put("door", "G1-L2"));

      assertEquals(400, siren.statusCode(), siren.body());
      JsonObject refused = new JsonObject(siren.body());
      assertEquals("type", refused.getString("field"));
      assertTrue(refused.getString("error").contains("fire alarm"), refused.encode());
      assertNull(device(tech, "booth-siren"));
      assertTrue(running.audit("tech.device.add", "booth-siren").isEmpty());
      assertEquals(200, terminal.statusCode(), "only the booth board waits for the fire's end: " + terminal.body());
    }
  }

  private static boolean fireModeStarted(RunningGateway running) {
    try {
      return !running.events(Set.of(EventKinds.FIRE_MODE_STARTED)).isEmpty();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** The booth's driver reported the device: off a Pi, offline with a GPIO_UNAVAILABLE alarm. */
  private static boolean gpioAlarm(RunningGateway running, String device) {
    try {
      return running.events(Set.of(EventKinds.DEVICE_ALARM)).stream().map(e -> e.event())
          .anyMatch(e -> e.device().equals(device) && "GPIO_UNAVAILABLE".equals(e.payload().getString("type")));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static JsonObject device(WebLogin tech, String id) throws Exception {
    return new JsonObject(tech.get("/api/tech/devices").body()).getJsonArray("devices").stream()
        .map(o -> (JsonObject) o).filter(d -> d.getString("id").equals(id)).findFirst().orElse(null);
  }
}
