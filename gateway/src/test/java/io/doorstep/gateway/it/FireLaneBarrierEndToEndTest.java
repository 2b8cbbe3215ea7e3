package io.doorstep.gateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.device.DeviceEvent;
import io.doorstep.device.EventKinds;
import io.doorstep.device.Severity;
import io.doorstep.gateway.Gateway;
import io.doorstep.gateway.bus.BusDeviceListener;
import io.doorstep.gateway.config.ConfigLoader;
import io.doorstep.gateway.fire.FireBus;
import io.doorstep.sim.broker.MosquittoBroker;
import io.doorstep.sim.lane.LaneSimulator;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fire lane's barrier in a fire, through a real Mosquitto: the alarm holds the simulated arm up
 * so the fire engine gets in, a reset releases it, and the vehicle gate next to it, which is no
 * way out, is left alone.
 */
class FireLaneBarrierEndToEndTest {
  private static final Duration LIMIT = Duration.ofSeconds(30);
  private static final String PANEL = "facp-1";
  @TempDir Path dir;
  private MosquittoBroker broker;
  private Gateway gateway;
  private LaneSimulator fireLane;
  private LaneSimulator carLane;

  @BeforeEach
  void start() throws Exception {
    broker = MosquittoBroker.start();
    gateway = Gateway.start(ConfigLoader.load(write(broker.url())));
    carLane = new LaneSimulator(broker.url(), "V1", Duration.ofSeconds(1));
    fireLane = new LaneSimulator(broker.url(), "F1", Duration.ZERO);
  }

  @AfterEach
  void stop() {
    for (AutoCloseable c : new AutoCloseable[] {fireLane, carLane, gateway, broker}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        // the next one still closes
      }
    }
  }

  @Test
  void aFireHoldsTheFireLaneArmUpAndAResetReleasesIt() throws Exception {
    switchOn(fireLane, "bar-f1");
    switchOn(carLane, "bar-v1");

    panel(EventKinds.FIRE_ALARM);

    Waits.until("the fire lane's arm is held up", LIMIT, () -> fireLane.state().equals("held-up"));
    Waits.until("the gateway knows the hold was confirmed", LIMIT, () -> status().unconfirmed().isEmpty());
    assertEquals(List.of("down"), carLane.history(), "the vehicle gate is no way out");

    panel(EventKinds.FIRE_CLEAR);
    Waits.until("the panel is clear", LIMIT, () -> status().sourcesReportingFire().isEmpty());
    FireBus.ResetDone reset = request(FireBus.RESET, new FireBus.Reset("李工", "technician"));

    assertTrue(reset.ended());
    Waits.until("the fire lane's arm is released", LIMIT, () -> fireLane.state().equals("down"));
    assertEquals(List.of("down", "held-up", "down"), fireLane.history());
    assertEquals(List.of("down"), carLane.history());
  }

  @Test
  void aFireLaneThatComesOnlineDuringTheFireIsHeldUp() throws Exception {
    switchOn(carLane, "bar-v1");
    panel(EventKinds.FIRE_ALARM);
    Waits.until("fire mode is on", LIMIT, () -> status().active());

    switchOn(fireLane, "bar-f1");

    Waits.until("the returning lane's arm is held up", LIMIT, () -> fireLane.state().equals("held-up"));
  }

  private void switchOn(LaneSimulator lane, String device) throws Exception {
    lane.start().get(10, TimeUnit.SECONDS);
    Waits.until(device + " is online at the gateway", LIMIT,
        () -> gateway.devices().snapshot().stream().anyMatch(s -> s.id().equals(device) && s.online()));
  }

  /** The panel's contact, reported the way every driver reports: as an event to the log. */
  private void panel(String kind) {
    new BusDeviceListener(gateway.vertx().eventBus())
        .event(DeviceEvent.of(PANEL, kind, Severity.CRITICAL, new JsonObject().put("input", "FACP")));
  }

  private FireBus.FireStatus status() {
    return request(FireBus.STATUS, new FireBus.StatusQuery());
  }

  private <T> T request(String address, Object body) {
    try {
      return RunningGateway.await(gateway.vertx().eventBus().<T>request(address, body)).body();
    } catch (Exception e) {
      throw new AssertionError(address + " failed", e);
    }
  }

  private Path write(String brokerUrl) throws Exception {
    Files.createDirectories(dir.resolve("estates"));
    Files.writeString(dir.resolve("estates/fire-lane.yaml"), String.join("\n",
        "estate: {id: fire-lane, name: 消防通道小区}",
        "doors:",
        "  - {id: F1, name: 消防通道, kind: fire-lane, devices: [bar-f1]}",
        "  - {id: V1, name: 车行入口, kind: vehicle-gate, devices: [bar-v1]}",
        "devices:",
        "  - {id: bar-f1, type: barrier, lane: F1, link: mqtt}",
        "  - {id: bar-v1, type: barrier, lane: V1, link: mqtt}",
        ""), StandardCharsets.UTF_8);
    Path file = dir.resolve("gateway.yaml");
    Files.writeString(file, String.join("\n",
        "dataDir: " + dir.resolve("data"),
        "estate: estates/fire-lane.yaml",
        "web: {bind: 127.0.0.1, port: " + TestEstate.freePort() + "}",
        "broker: {url: '" + brokerUrl + "', clientId: doorstep-fire-lane-gateway}",
        "logging: {level: INFO}",
        ""), StandardCharsets.UTF_8);
    return file;
  }
}
