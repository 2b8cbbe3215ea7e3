package io.doorstep.gateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.device.CommandResult;
import io.doorstep.device.DeviceCommand;
import io.doorstep.gateway.Gateway;
import io.doorstep.gateway.bus.CommandFailures;
import io.doorstep.gateway.config.ConfigLoader;
import io.doorstep.gateway.config.GatewayConfig;
import io.doorstep.gateway.doors.DoorBus;
import io.doorstep.gateway.store.StoredEvent;
import io.doorstep.sim.broker.MosquittoBroker;
import io.doorstep.sim.lane.LaneSimulator;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lane barriers driven from the gateway through a real Mosquitto: a guard's remote open and the
 * platform's open RPC raise the simulated arm, its state reaches the event log, and a lane's
 * refusal comes back with the lane's own reason.
 */
class BarrierEndToEndTest {
  private static final Duration LIMIT = Duration.ofSeconds(20);
  @TempDir static Path dir;
  static MosquittoBroker platformBroker;
  static RunningGateway running;
  static PlatformClient platform;
  static LaneSimulator carIn;
  static LaneSimulator carOut;
  static LaneSimulator bikeIn;
  static LaneSimulator bikeOut;

  @BeforeAll
  static void start() throws Exception {
    platformBroker = MosquittoBroker.start();
    MosquittoBroker estateBroker = MosquittoBroker.start();
    GatewayConfig config = ConfigLoader.load(write(estateBroker.url()));
    running = new RunningGateway(estateBroker, Gateway.start(config), config);
    platform = PlatformClient.connect(platformBroker.url(), "platform-barrier-test");
    carIn = new LaneSimulator(estateBroker.url(), "V1", Duration.ofSeconds(1));
    carOut = new LaneSimulator(estateBroker.url(), "V2", Duration.ofSeconds(1));
    bikeIn = new LaneSimulator(estateBroker.url(), "E1", Duration.ofSeconds(1));
    bikeOut = new LaneSimulator(estateBroker.url(), "E2", Duration.ZERO);
    for (LaneSimulator lane : List.of(carIn, carOut, bikeIn, bikeOut)) {
      lane.start().get(10, TimeUnit.SECONDS);
    }
    Waits.until("every barrier is online", LIMIT, () -> online().containsAll(Set.of("bar-v1", "bar-v2", "bar-e1",
        "bar-e2")));
  }

  private static Path write(String brokerUrl) throws Exception {
    Files.createDirectories(dir.resolve("estates"));
    Files.writeString(dir.resolve("estates/lanes.yaml"), String.join("\n",
        "estate: {id: lanes, name: 车道小区}",
        "doors:",
        "  - {id: V1, name: 车行入口, kind: vehicle-gate, devices: [bar-v1]}",
        "  - {id: V2, name: 车行出口, kind: vehicle-gate, devices: [bar-v2]}",
        "  - {id: E1, name: 非机动车入口, kind: ebike-gate, devices: [bar-e1]}",
        "  - {id: E2, name: 非机动车出口, kind: ebike-gate, devices: [bar-e2]}",
        "devices:",
        "  - {id: bar-v1, type: barrier, lane: V1, link: mqtt}",
        "  - {id: bar-v2, type: barrier, lane: V2, link: mqtt}",
        "  - {id: bar-e1, type: barrier, lane: E1, link: mqtt}",
        "  - {id: bar-e2, type: barrier, lane: E2, link: mqtt}",
        ""), StandardCharsets.UTF_8);
    Path gateway = dir.resolve("gateway.yaml");
    Files.writeString(gateway, String.join("\n",
        "dataDir: " + dir.resolve("data"),
        "estate: estates/lanes.yaml",
        "web: {bind: 127.0.0.1, port: " + TestEstate.freePort() + "}",
        "broker: {url: '" + brokerUrl + "', clientId: doorstep-barrier-gateway}",
        // Heartbeats are due every second: a barrier, which sends none, must stay online anyway.
        "devices: {heartbeatIntervalS: 1, missedHeartbeats: 1}",
        "upstream: {enabled: true, url: '" + platformBroker.url() + "', accessToken: test-token,"
            + " rpc: {allow: [open]}}",
        "logging: {level: INFO}",
        ""), StandardCharsets.UTF_8);
    return gateway;
  }

  @AfterAll
  static void stop() throws Exception {
    for (LaneSimulator lane : new LaneSimulator[] {carIn, carOut, bikeIn, bikeOut}) {
      if (lane != null) {
        lane.close();
      }
    }
    if (platform != null) {
      platform.close();
    }
    if (running != null) {
      running.close();
    }
    if (platformBroker != null) {
      platformBroker.close();
    }
  }

  @Test
  void aRemoteOpenOfAVehicleGateRaisesItsBarrierAndTheArmIsRecorded() throws Exception {
    DoorBus.DoorOpened opened = request(DoorBus.OPEN, new DoorBus.OpenDoor("V1", "王保安", 0));

    assertEquals(List.of("bar-v1"), opened.devices());
    Waits.until("the arm went up and came down", LIMIT, () -> carIn.history().equals(List.of("down", "up", "down")));
    Waits.until("the gateway recorded the arm going up", LIMIT, () -> states("bar-v1").contains("up"));
    assertTrue(running.audit("door.open", "V1").stream().anyMatch(row -> row.get(2).equals("王保安")));
    assertTrue(online().contains("bar-v1"), "a barrier without heartbeats stays online");
  }

  @Test
  void aLaneThatRefusesIsReportedWithItsReason() {
    carOut.refuseWith("JAMMED");

    ExecutionException e = assertThrows(ExecutionException.class,
        () -> request(DoorBus.OPEN, new DoorBus.OpenDoor("V2", "王保安", 0)));

    ReplyException reply = assertInstanceOf(ReplyException.class, e.getCause());
    assertEquals(DoorBus.REFUSED, reply.failureCode());
    assertEquals("door V2 (车行出口): bar-v2 refused the open (JAMMED)", reply.getMessage());
  }

  @Test
  void aLowerDuringAHoldUpIsRefusedByTheLaneAndTheArmStaysUp() throws Exception {
    assertTrue(command(new DeviceCommand.HoldOpen("bar-e1", true)).ok());

    CommandResult lower = command(new DeviceCommand.Invoke("bar-e1", "lower", false));

    assertEquals(new CommandResult(false, "HELD_UP", List.of()), lower);
    assertEquals("held-up", bikeIn.state());
    assertTrue(command(new DeviceCommand.HoldOpen("bar-e1", false)).ok());
    Waits.until("the release lowered the arm", LIMIT, () -> bikeIn.state().equals("down"));
  }

  @Test
  void thePlatformOpensALaneByItsBarriersIdAndTheCallIsAudited() throws Exception {
    platform.awaitGatewayAnswers("open", LIMIT);

    JsonObject reply = platform.call("bar-e2", "open", new JsonObject());

    assertEquals(new JsonObject().put("success", true), reply);
    assertEquals("up", bikeOut.state());
    assertTrue(running.audit("rpc.open", "bar-e2").stream().anyMatch(row -> row.get(2).equals("platform")));
    assertTrue(running.audit("door.open", "E2").stream().anyMatch(row -> row.get(2).equals("platform")));
  }


  private static CommandResult command(DeviceCommand command) throws Exception {
    return RunningGateway.await(CommandFailures.send(running.gateway.vertx().eventBus(), command));
  }

  private static List<String> states(String device) {
    try {
      return running.events(Set.of("barrier.state")).stream().map(StoredEvent::event)
          .filter(e -> e.device().equals(device)).map(e -> e.payload().getString("state")).toList();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** The devices whose latest presence event says online. */
  private static Set<String> online() {
    try {
      java.util.Map<String, String> last = new java.util.HashMap<>();
      // Newest first: the first event of each device is its latest.
      running.events(Set.of("device.online", "device.offline")).forEach(s -> last.putIfAbsent(s.event().device(),
          s.event().kind()));
      return last.entrySet().stream().filter(e -> e.getValue().equals("device.online")).map(java.util.Map.Entry::getKey)
          .collect(java.util.stream.Collectors.toSet());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static <T> T request(String address, Object body) throws Exception {
    return RunningGateway.await(running.gateway.vertx().eventBus().<T>request(address, body)).body();
  }
}
