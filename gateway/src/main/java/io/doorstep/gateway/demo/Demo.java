package io.doorstep.gateway.demo;

import io.doorstep.gateway.Gateway;
import io.doorstep.gateway.access.AccessScope;
import io.doorstep.gateway.config.EstateConfig;
import io.doorstep.gateway.config.GatewayConfig;
import io.doorstep.gateway.store.PersonRecord;
import io.doorstep.sim.estate.TrafficScenario;
import io.doorstep.sim.faceterminal.FaceTerminalSimulator;
import io.doorstep.sim.lane.LaneSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated reference estate: residents in the store, one simulated terminal for every
 * configured face terminal, one simulated lane for every barrier, and a day of traffic
 * compressed into minutes.
 */
public final class Demo implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Demo.class);
  private static final long SEED = 20241219L;
  /** One simulated day takes this long: both peaks show within a coffee break. */
  private static final Duration DAY = Duration.ofMinutes(12);
  private static final double PEAK_RATE_PER_S = 6;
  /** A raised arm comes down once the car is through, as a real lane's loop detector lowers it. */
  private static final Duration PASSAGE = Duration.ofSeconds(5);

  private final List<FaceTerminalSimulator> terminals = new ArrayList<>();
  private final List<LaneSimulator> lanes = new ArrayList<>();
  private TrafficScenario traffic;

  private Demo() {}

  /** Never fails the gateway: a demo part that cannot start is logged and left out. */
  public static AutoCloseable start(Gateway gateway, GatewayConfig config) {
    Demo demo = new Demo();
    try {
      List<PersonRecord> persons = ensurePopulation(gateway, config.estate());
      demo.startTerminals(gateway, config, persons);
      demo.startLanes(config);
      log.info("demo estate {}: {} residents, {} simulated terminals, {} simulated lanes; open http://{}:{}/",
          config.estate().name(), persons.size(), demo.terminals.size(), demo.lanes.size(), config.web().bind(),
          gateway.webPort());
    } catch (Exception e) {
      log.error("the demo estate did not start: {}", e.getMessage(), e);
    }
    return demo;
  }

  private static List<PersonRecord> ensurePopulation(Gateway gateway, EstateConfig estate) throws Exception {
    long count = gateway.store().countPersons().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    if (count == 0) {
      List<PersonRecord> generated = DemoPopulation.generate(estate, SEED, System.currentTimeMillis());
      gateway.store().upsertPersons(generated).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
      // Everyone enrols a face; the gateway then syncs each terminal's list, faces included.
      Map<String, byte[]> faces = new HashMap<>();
      generated.forEach(p -> faces.put(p.id(), DemoPopulation.facePhoto(p.id())));
      gateway.people().setFaces("demo", faces).toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
      log.info("demo: {} residents generated for {}", generated.size(), estate.name());
    }
    return gateway.store().persons().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private void startTerminals(Gateway gateway, GatewayConfig config, List<PersonRecord> persons) {
    TrafficScenario.Builder scenario = TrafficScenario.builder()
        .dayLength(DAY)
        .peakRatePerS(PEAK_RATE_PER_S)
        .seed(SEED);
    AccessScope scope = gateway.access().scope();
    for (EstateConfig.Device device : config.estate().devicesOfType(EstateConfig.FACE_TERMINAL)) {
      EstateConfig.Door door = device.door() == null ? null : config.estate().door(device.door()).orElse(null);
      List<PersonRecord> allowed = persons.stream().filter(p -> scope.mayUse(p, device.id())).toList();
      FaceTerminalSimulator terminal = FaceTerminalSimulator.builder(config.broker().connectUrl(), device.sn())
          .heartbeatInterval(Duration.ofSeconds(config.devices().heartbeatIntervalS()))
          .create();
      // The terminal starts empty, as a new one does: the gateway's person sync fills its list.
      terminal.start();
      terminals.add(terminal);
      List<TrafficScenario.Resident> residents = allowed.stream()
          .map(p -> new TrafficScenario.Resident(p.id(), p.cards().isEmpty() ? null : p.cards().get(0)))
          .toList();
      // Gates carry the whole estate's traffic, a unit door only its own residents'.
      boolean gate = door == null || !EstateConfig.UNIT_DOOR.equals(door.kind());
      scenario.site(terminal, residents, gate ? 6.0 : 1.0);
    }
    traffic = scenario.build();
    traffic.start();
  }

  /** A lane that cannot connect is logged and left offline on the board; the others go on. */
  private void startLanes(GatewayConfig config) {
    for (EstateConfig.Device device : config.estate().devicesOfType(EstateConfig.BARRIER)) {
      LaneSimulator lane = new LaneSimulator(config.broker().connectUrl(), device.lane(), PASSAGE);
      lanes.add(lane);
      lane.start().whenComplete((ok, failure) -> {
        if (failure != null) {
          log.warn("demo: lane {} did not start: {}", device.lane(), failure.getMessage());
        }
      });
    }
  }

  @Override
  public void close() {
    if (traffic != null) {
      traffic.close();
    }
    terminals.forEach(FaceTerminalSimulator::close);
    lanes.forEach(LaneSimulator::close);
  }
}
