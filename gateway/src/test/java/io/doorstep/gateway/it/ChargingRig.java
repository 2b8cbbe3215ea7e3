package io.doorstep.gateway.it;

import io.doorstep.gateway.Gateway;
import io.doorstep.gateway.alarms.Alarm;
import io.doorstep.gateway.alarms.AlarmBus;
import io.doorstep.gateway.config.ConfigLoader;
import io.doorstep.gateway.config.GatewayConfig;
import io.doorstep.gateway.store.StoredEvent;
import io.doorstep.sim.broker.MosquittoBroker;
import io.doorstep.sim.charger.ChargerProfile;
import io.doorstep.sim.charger.Ebc10Bus;
import io.doorstep.sim.charger.Ebc10Pile;
import io.doorstep.sim.serial.PtyPair;
import io.doorstep.sim.serial.RtuSlaveLine;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A charging shed for real: EBC-10 simulators on one end of a socat pseudo-terminal pair, the
 * gateway's RS-485 line on the other, opened through jSerialComm, and a real Mosquitto for the
 * gateway's MQTT side. Piles 1 and 2 stand in shed S1, pile 3 in shed S2.
 */
final class ChargingRig implements AutoCloseable {
  static final String PILE_1 = "pile-1";
  static final String PILE_2 = "pile-2";
  static final String PILE_3 = "pile-3";
  static final int BAUD = 115200;
  private static final Path SHIPPED_PROFILES = Path.of("..", "config", "profiles");

  final PtyPair pty;
  final Ebc10Bus bus;
  final RunningGateway running;
  private final List<Ebc10Pile> piles;

  private ChargingRig(PtyPair pty, Ebc10Bus bus, RunningGateway running, List<Ebc10Pile> piles) {
    this.pty = pty;
    this.bus = bus;
    this.running = running;
    this.piles = piles;
  }

  /**
   * @param limits the estate's charging limits, as the YAML flow mapping's inside
   * @param s1BudgetW shed S1's power budget
   * @param speed the piles' simulated-time factor
   */
  static ChargingRig start(Path dir, String limits, int s1BudgetW, double speed) throws Exception {
    return start(dir, limits, s1BudgetW, speed, piles -> {});
  }

  /** @param beforeGateway what happens at the piles before the gateway first looks at them */
  static ChargingRig start(Path dir, String limits, int s1BudgetW, double speed,
      java.util.function.Consumer<List<Ebc10Pile>> beforeGateway) throws Exception {
    return start(dir, limits, s1BudgetW, speed, beforeGateway, "");
  }

  /** @param gatewayYaml more of the gateway file (an upstream section, say), appended as it is */
  static ChargingRig start(Path dir, String limits, int s1BudgetW, double speed,
      java.util.function.Consumer<List<Ebc10Pile>> beforeGateway, String gatewayYaml) throws Exception {
    return start(dir, limits, s1BudgetW, speed, beforeGateway, gatewayYaml, 3);
  }

  /**
   * With spare piles on the bus: {@code simulated} piles at addresses 1 to {@code simulated}, of
   * which only the first three are in the estate file, for a technician to add the others.
   */
  static ChargingRig withSpares(Path dir, String limits, int simulated) throws Exception {
    return start(dir, limits, 16000, 1, piles -> {}, "", simulated);
  }

  private static ChargingRig start(Path dir, String limits, int s1BudgetW, double speed,
      java.util.function.Consumer<List<Ebc10Pile>> beforeGateway, String gatewayYaml, int simulated) throws Exception {
    PtyPair pty = PtyPair.start();
    List<Ebc10Pile> piles = new ArrayList<>();
    for (int address = 1; address <= simulated; address++) {
      piles.add(Ebc10Pile.builder(address).speed(speed).seed(address).build());
    }
    beforeGateway.accept(piles);
    Ebc10Bus bus = Ebc10Bus.open(pty.a(), piles, RtuSlaveLine.Options.defaults().baud(BAUD));
    MosquittoBroker broker = MosquittoBroker.start();
    try {
      Path file = writeConfig(dir, broker.url(), TestEstate.freePort(), pty.b(), limits, s1BudgetW, gatewayYaml);
      GatewayConfig config = ConfigLoader.load(file);
      RunningGateway running = new RunningGateway(broker, Gateway.start(config), config);
      return new ChargingRig(pty, bus, running, piles);
    } catch (Exception | Error e) {
      broker.close();
      bus.close();
      pty.close();
      throw e;
    }
  }

  /**
   * The test estate with the three piles on the serial line {@code port}, for a gateway started
   * elsewhere (as a process, to be killed); the gateway file's path.
   */
  static Path writeConfig(Path dir, String brokerUrl, int webPort, String port, String limits, int s1BudgetW,
      String gatewayYaml) throws IOException {
    Path file = TestEstate.write(dir, brokerUrl, webPort, 30);
    appendCharging(dir.resolve("estates/test.yaml"), port, limits, s1BudgetW);
    Files.writeString(file, "profiles: '" + SHIPPED_PROFILES.toAbsolutePath().normalize() + "'\n" + gatewayYaml,
        StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    return file;
  }

  private static void appendCharging(Path estate, String port, String limits, int s1BudgetW) throws IOException {
    Files.writeString(estate, String.join("\n",
        "  - {id: " + PILE_1 + ", type: charging-pile, link: shed-bus, address: 1, profile: EBC-10, shed: S1}",
        "  - {id: " + PILE_2 + ", type: charging-pile, link: shed-bus, address: 2, profile: EBC-10, shed: S1,"
            + " breaker: 1号棚 2号桩 断路器 QF2}",
        "  - {id: " + PILE_3 + ", type: charging-pile, link: shed-bus, address: 3, profile: EBC-10, shed: S2}",
        "lines:",
        "  - {id: shed-bus, port: '" + port + "', baud: " + BAUD + ", cycleMs: 100}",
        "charging:",
        "  limits: {" + limits + "}",
        "  sheds:",
        "    - {id: S1, name: 1号棚, powerBudgetW: " + s1BudgetW + ", breaker: 1号棚配电箱 QF1}",
        "    - {id: S2, name: 2号棚, powerBudgetW: 16000, breaker: 2号棚配电箱 QF1}",
        ""), StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
  }

  Ebc10Pile pile(int address) {
    return piles.get(address - 1);
  }

  /** A bike that charges at {@code watts} for hours. */
  static ChargerProfile bike(double watts) {
    return new ChargerProfile(watts, Duration.ofHours(4), Duration.ofHours(1), 0.5);
  }

  /** Plugs a bike in and waits until the gateway has seen the port start charging. */
  void charge(int address, int port, double watts) throws Exception {
    charge("pile-" + address, address, port, watts);
  }

  /** As {@link #charge(int, int, double)}, for a pile whose id does not follow its address (moved on the console). */
  void charge(String pile, int address, int port, double watts) throws Exception {
    int before = sessionsStarted(pile, port);
    pile(address).plugIn(port, bike(watts));
    Waits.until(pile + " port " + port + " is seen charging", Duration.ofSeconds(10),
        () -> sessionsStarted(pile, port) > before);
  }

  private int sessionsStarted(String pile, int port) {
    return events(Set.of("charging.session.started"),
        e -> pile.equals(e.getString("pile")) && e.getInteger("port") == port).size();
  }

  /** The reason of the port's latest stop, once the gateway has recorded one. */
  String stopReason(String pile, int port) throws InterruptedException {
    Waits.until("a stop of " + pile + " port " + port + " is recorded", Duration.ofSeconds(10),
        () -> !stops(pile, port).isEmpty());
    return stops(pile, port).get(0).getString("reason");
  }

  void awaitRelayOpen(int address, int port) throws InterruptedException {
    Waits.until("the relay of pile-" + address + " port " + port + " is open", Duration.ofSeconds(15),
        () -> !pile(address).relayClosed(port));
  }

  /** Stored events of these kinds whose payload passes the filter, newest first. */
  List<JsonObject> events(Set<String> kinds, java.util.function.Predicate<JsonObject> payload) {
    try {
      return running.events(kinds).stream().map(StoredEvent::event).map(e -> e.payload())
          .filter(payload).toList();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** The stop events of a port, newest first. */
  List<JsonObject> stops(String pile, int port) {
    return events(Set.of("charging.stop"), p -> pile.equals(p.getString("pile")) && p.getInteger("port") == port);
  }

  /** The open alarm of this type at this device (a pile, {@code pile/port} or a line), or null. */
  Alarm openAlarm(String device, String type) {
    try {
      AlarmBus.AlarmList list = RunningGateway.await(running.gateway.vertx().eventBus()
          .<AlarmBus.AlarmList>request(AlarmBus.ACTIVE, new AlarmBus.ActiveQuery())).body();
      return list.alarms().stream()
          .filter(a -> a.open() && a.device().equals(device) && a.type().code().equals(type))
          .findFirst().orElse(null);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  void awaitAlarm(String device, String type) throws InterruptedException {
    Waits.until("alarm " + type + " at " + device, Duration.ofSeconds(15), () -> openAlarm(device, type) != null);
  }

  @Override
  public void close() {
    running.close();
    bus.close();
    pty.close();
  }
}
