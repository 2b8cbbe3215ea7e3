package io.doorstep.gateway.it;

import io.doorstep.device.DeviceEvent;
import io.doorstep.device.Severity;
import io.doorstep.gateway.Gateway;
import io.doorstep.gateway.bus.BusDeviceListener;
import io.doorstep.gateway.config.ConfigLoader;
import io.doorstep.gateway.config.GatewayConfig;
import io.doorstep.sim.broker.MosquittoBroker;
import io.doorstep.sim.faceterminal.FaceTerminalSimulator;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * An estate for fire release on a real Mosquitto: four ways out (two gate lanes, a unit door,
 * a fire lane), an e-bike gate and a unit door the file says are not, each with its own
 * terminal; and a gateway that can be restarted on the same data.
 */
final class FireEstate implements AutoCloseable {
  /** Serial number by device id. */
  static final Map<String, String> EGRESS = Map.of(
      "ft-g1-l1", "FT8-G1L1", "ft-g1-l2", "FT8-G1L2", "ft-b01-u1", "FT8-B01U1", "ft-fl1", "FT8-FL1");
  static final Map<String, String> NOT_EGRESS = Map.of("ft-e1", "FT8-E1", "ft-b01-u2", "FT8-B01U2");
  /** The fire alarm panel's contact, as the booth's GPIO driver reports it. */
  static final String PANEL = "facp-1";
  static final int HEARTBEAT_S = 1;

  final MosquittoBroker broker = MosquittoBroker.start();
  final Path configFile;
  final Map<String, FaceTerminalSimulator> terminals = new LinkedHashMap<>();
  Gateway gateway;

  private FireEstate(Path dir) throws Exception {
    configFile = write(dir, broker.url(), TestEstate.freePort());
  }

  /** The broker and the gateway; no terminal is on yet. */
  static FireEstate start(Path dir) throws Exception {
    FireEstate estate = new FireEstate(dir);
    estate.gateway = Gateway.start(estate.config());
    return estate;
  }

  GatewayConfig config() throws Exception {
    return ConfigLoader.load(configFile);
  }

  void restartGateway() throws Exception {
    gateway.close();
    gateway = Gateway.start(config());
  }

  /** Switches on the terminal with this device id (a new one if it was switched off). */
  FaceTerminalSimulator switchOn(String device) throws Exception {
    String sn = EGRESS.getOrDefault(device, NOT_EGRESS.get(device));
    FaceTerminalSimulator t = FaceTerminalSimulator.builder(broker.url(), sn)
        .heartbeatInterval(Duration.ofSeconds(HEARTBEAT_S))
        .create();
    terminals.put(device, t);
    t.start().get(10, TimeUnit.SECONDS);
    Waits.until(device + " is online at the gateway", Duration.ofSeconds(10), () -> online(device));
    return t;
  }

  void switchOnAll() throws Exception {
    for (String d : allDevices()) {
      switchOn(d);
    }
  }

  /** Power off: its door state goes with it, as a terminal that restarts forgets its hold. */
  void switchOff(String device) {
    terminals.remove(device).close();
  }

  FaceTerminalSimulator terminal(String device) {
    return terminals.get(device);
  }

  boolean online(String device) {
    return gateway.devices().snapshot().stream().anyMatch(s -> s.id().equals(device) && s.online());
  }

  /** The panel's contact, reported the way every driver reports: as an event to the log. */
  void panel(String kind) {
    new BusDeviceListener(gateway.vertx().eventBus())
        .event(DeviceEvent.of(PANEL, kind, Severity.CRITICAL, new JsonObject().put("input", "FACP")));
  }

  boolean doorOpen(String device) {
    return "open".equals(terminals.get(device).doorState());
  }

  /** How many events of the kind are in the log; unchecked, for use inside a wait. */
  int events(String kind) {
    try {
      return RunningGateway.await(gateway.store().recentEvents(1000, Set.of(kind))).size();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** A request on the gateway's bus; unchecked, for use inside a wait. */
  <T> T request(String address, Object body) {
    try {
      return RunningGateway.await(gateway.vertx().eventBus().<T>request(address, body)).body();
    } catch (Exception e) {
      throw new AssertionError(address + " failed", e);
    }
  }

  static List<String> allDevices() {
    List<String> all = new ArrayList<>(EGRESS.keySet().stream().sorted().toList());
    all.addAll(NOT_EGRESS.keySet().stream().sorted().toList());
    return all;
  }

  private static Path write(Path dir, String brokerUrl, int webPort) throws Exception {
    Files.createDirectories(dir.resolve("estates"));
    Files.writeString(dir.resolve("estates/fire.yaml"), String.join("\n",
        "estate: {id: fire-estate, name: 消防测试小区}",
        "buildings:",
        "  - {id: B01, name: 1栋, floors: 6, units: [U1, U2]}",
        "doors:",
        "  - {id: G1-L1, name: 南门 1号通道, kind: pedestrian-gate, devices: [ft-g1-l1]}",
        "  - {id: G1-L2, name: 南门 2号通道, kind: pedestrian-gate, devices: [ft-g1-l2]}",
        "  - {id: B01-U1, name: 1栋1单元, kind: unit-door, building: B01, unit: U1, devices: [ft-b01-u1]}",
        "  - {id: B01-U2, name: 1栋2单元 (已封闭), kind: unit-door, building: B01, unit: U2, devices: [ft-b01-u2],"
            + " egress: false}",
        "  - {id: FL1, name: 消防通道, kind: fire-lane, devices: [ft-fl1]}",
        "  - {id: E1, name: 电动车道, kind: ebike-gate, devices: [ft-e1]}",
        "devices:",
        device("ft-g1-l1"), device("ft-g1-l2"), device("ft-b01-u1"), device("ft-b01-u2"), device("ft-fl1"),
        device("ft-e1"),
        ""), StandardCharsets.UTF_8);
    Path gateway = dir.resolve("gateway.yaml");
    Files.writeString(gateway, String.join("\n",
        "dataDir: " + dir.resolve("data"),
        "estate: estates/fire.yaml",
        "web: {bind: 127.0.0.1, port: " + webPort + "}",
        "broker: {url: '" + brokerUrl + "', clientId: doorstep-fire-gateway}",
        "devices: {heartbeatIntervalS: " + HEARTBEAT_S + ", missedHeartbeats: 3}",
        "logging: {level: INFO}",
        ""), StandardCharsets.UTF_8);
    return gateway;
  }

  private static String device(String id) {
    String sn = EGRESS.getOrDefault(id, NOT_EGRESS.get(id));
    return "  - {id: " + id + ", type: face-terminal, sn: " + sn + ", link: mqtt}";
  }

  @Override
  public void close() {
    terminals.values().forEach(FaceTerminalSimulator::close);
    if (gateway != null) {
      gateway.close();
    }
    broker.close();
  }
}
