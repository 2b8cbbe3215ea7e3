package io.doorstep.gateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.gateway.Gateway;
import io.doorstep.gateway.config.ConfigLoader;
import io.doorstep.gateway.config.GatewayConfig;
import io.doorstep.gateway.web.WebLogin;
import io.doorstep.gateway.web.auth.Role;
import io.doorstep.sim.broker.MosquittoBroker;
import io.doorstep.sim.lane.LaneSimulator;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A barrier added, opened and removed on the technician console while the gateway runs, against a
 * real Mosquitto and a simulated lane that was already on the broker before the barrier was added.
 */
class TechBarriersTest {
  static final String TECHNICIAN = "王工";
  static final String GUARD = "李保安";
  private static final Duration LIMIT = Duration.ofSeconds(20);
  @TempDir Path dir;

  @Test
  void aBarrierAddedOnTheConsoleGoesOnlineOpensWithItsDoorAndIsNoLongerServedOnceRemoved() throws Exception {
    try (MosquittoBroker broker = MosquittoBroker.start();
        LaneSimulator lane = new LaneSimulator(broker.url(), "V1", Duration.ofSeconds(1))) {
      // On the broker first: its retained online was handed to the gateway before the barrier existed.
      lane.start().get(10, TimeUnit.SECONDS);
      GatewayConfig config = ConfigLoader.load(write(broker.url()));
      try (RunningGateway running = new RunningGateway(broker, Gateway.start(config), config)) {
        Gateway gateway = running.gateway;
        WebLogin tech = WebLogin.as(gateway.vertx(), gateway.store(), gateway.webPort(), TECHNICIAN, Role.TECHNICIAN);
        WebLogin guard = WebLogin.as(gateway.vertx(), gateway.store(), gateway.webPort(), GUARD, Role.GUARD);
        assertEquals(409, guard.post("/api/board/doors/V1/open", new JsonObject()).statusCode(),
            "the gate has no device yet");

        HttpResponse<String> added = tech.post("/api/tech/devices", new JsonObject().put("id", "bar-v1")
            .put("type", "barrier").put("lane", "V1").put("link", "mqtt").put("door", "V1"));
        assertEquals(201, added.statusCode(), added.body());
        Waits.until("the added barrier is online", LIMIT, () -> Boolean.TRUE.equals(online(tech, "bar-v1")));
        assertEquals("V1", device(tech, "bar-v1").getString("door"));
        List<String> addition = running.audit("tech.device.add", "bar-v1").get(0);
        assertNull(addition.get(0));
        assertEquals("V1", new JsonObject(addition.get(1)).getString("lane"));
        assertEquals(TECHNICIAN, addition.get(2));

        HttpResponse<String> opened = guard.post("/api/board/doors/V1/open", new JsonObject());
        assertEquals(200, opened.statusCode(), opened.body());
        assertEquals(List.of("bar-v1"), new JsonObject(opened.body()).getJsonArray("devices").getList());
        Waits.until("the arm went up and came down", LIMIT, () -> lane.history().equals(List.of("down", "up", "down")));

        HttpResponse<String> removed = tech.delete("/api/tech/devices/bar-v1");
        assertEquals(200, removed.statusCode(), removed.body());
        assertNull(device(tech, "bar-v1"));
        List<String> removal = running.audit("tech.device.remove", "bar-v1").get(0);
        assertEquals("V1", new JsonObject(removal.get(0)).getString("lane"));
        assertNull(removal.get(1));
        assertEquals(TECHNICIAN, removal.get(2));

        HttpResponse<String> notServed = guard.post("/api/board/doors/V1/open", new JsonObject());
        assertEquals(409, notServed.statusCode(), notServed.body());
        assertEquals(List.of("down", "up", "down"), lane.history(), "the removed barrier's arm did not move");
      }
    }
  }

  private Path write(String brokerUrl) throws Exception {
    Files.createDirectories(dir.resolve("estates"));
    Files.writeString(dir.resolve("estates/lanes.yaml"), String.join("\n",
        "estate: {id: lanes, name: 车道小区}",
        "doors:",
        "  - {id: V1, name: 车行入口, kind: vehicle-gate}",
        ""), StandardCharsets.UTF_8);
    Path gateway = dir.resolve("gateway.yaml");
    Files.writeString(gateway, String.join("\n",
        "dataDir: " + dir.resolve("data"),
        "estate: estates/lanes.yaml",
        "web: {bind: 127.0.0.1, port: " + TestEstate.freePort() + "}",
        "broker: {url: '" + brokerUrl + "', clientId: doorstep-tech-barriers}",
        "logging: {level: INFO}",
        ""), StandardCharsets.UTF_8);
    return gateway;
  }

  private static Boolean online(WebLogin tech, String id) {
    try {
      JsonObject d = device(tech, id);
      return d == null ? null : d.getBoolean("online");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static JsonObject device(WebLogin tech, String id) throws Exception {
    return new JsonObject(tech.get("/api/tech/devices").body()).getJsonArray("devices").stream()
        .map(o -> (JsonObject) o).filter(d -> d.getString("id").equals(id)).findFirst().orElse(null);
  }
}
