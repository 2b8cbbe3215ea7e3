package io.doorstep.gateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.device.DeviceEvent;
import io.doorstep.device.EventKinds;
import io.doorstep.device.Severity;
import io.doorstep.gateway.Gateway;
import io.doorstep.gateway.bus.Addresses;
import io.doorstep.gateway.config.ConfigLoader;
import io.doorstep.gateway.config.GatewayConfig;
import io.doorstep.sim.broker.MosquittoBroker;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform's broker is a real Mosquitto and the platform a subscriber on it: every event the
 * gateway stores arrives, alarms ahead of the rest, in order per device, also after the platform's
 * broker was down while events kept coming.
 */
class UpstreamEndToEndTest {
  private static final List<String> DEVICES = List.of(TestEstate.GATE_IN, TestEstate.GATE_OUT, TestEstate.UNIT);

  @TempDir Path dir;

  @Test
  void everyEventArrivesInOrderPerDeviceAcrossAnOutageOfThePlatformsBroker() throws Exception {
    try (MosquittoBroker local = MosquittoBroker.start();
        MosquittoBroker platform = MosquittoBroker.builder().persistent().start();
        PlatformSubscriber received = PlatformSubscriber.subscribe(platform.url())) {
      Path file = TestEstate.write(dir, local.url(), TestEstate.freePort(), 30);
      Files.writeString(file, "upstream: {enabled: true, url: '" + platform.url() + "', accessToken: test-token,"
          + " maxInFlight: 4}\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
      GatewayConfig config = ConfigLoader.load(file);
      try (RunningGateway running = new RunningGateway(MosquittoBroker.start(), Gateway.start(config), config)) {
        List<DeviceEvent> sent = new ArrayList<>();
        record(running, sent, 0, 300);
        Waits.until("the first 300 events are upstream", Duration.ofSeconds(30), () -> received.count() >= 300);

        platform.stop();
        record(running, sent, 300, 600);
        Waits.until("/health shows the backlog", Duration.ofSeconds(15), () -> {
          JsonObject upstream = health(running).getJsonObject("upstream");
          return !upstream.getBoolean("connected") && upstream.getLong("waitingRoutine") > 0;
        });
        platform.restart();

        Waits.until("every event is upstream", Duration.ofSeconds(60), () -> received.count() >= sent.size());
        // Alarms travel in a lane of their own, ahead of the rest: the order holds per device within each lane.
        for (String device : DEVICES) {
          for (boolean alarms : List.of(true, false)) {
            List<String> expected = sent.stream()
                .filter(e -> e.device().equals(device) && e.kind().equals(EventKinds.ALARM_RAISED) == alarms)
                .map(DeviceEvent::id).toList();
            List<String> arrived = received.firstArrivals(device).stream().filter(expected::contains).toList();
            assertEquals(expected, arrived, "order of " + device + (alarms ? " alarms" : " passages"));
          }
        }
        // What waited through the outage: its alarms went before any of its passages.
        List<String> order = received.arrivalOrder();
        int lastAlarm = sent.subList(300, 600).stream().filter(e -> e.kind().equals(EventKinds.ALARM_RAISED))
            .mapToInt(e -> order.indexOf(e.id())).max().orElseThrow();
        int firstPassage = sent.subList(300, 600).stream().filter(e -> e.kind().equals(EventKinds.PASSAGE))
            .mapToInt(e -> order.indexOf(e.id())).min().orElseThrow();
        assertTrue(lastAlarm < firstPassage, "alarms first: last alarm at " + lastAlarm + ", first passage at "
            + firstPassage);
        Waits.until("the backlog is empty", Duration.ofSeconds(15),
            () -> health(running).getJsonObject("upstream").getLong("waitingRoutine") == 0);
      }
    }
  }

  @Test
  void aPlatformBrokerThatRefusesTheTokenIsAnAlarmWithTheReason() throws Exception {
    Path passwords = dir.resolve("passwords");
    Files.writeString(passwords, "");
    Process p = new ProcessBuilder("mosquitto_passwd", "-b", passwords.toString(), "other-token", "x")
        .redirectErrorStream(true).start();
    assertTrue(p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0, "mosquitto_passwd");
    try (MosquittoBroker local = MosquittoBroker.start();
        MosquittoBroker platform = MosquittoBroker.builder().passwordFile(passwords).start()) {
      Path file = TestEstate.write(dir, local.url(), TestEstate.freePort(), 30);
      Files.writeString(file, "upstream: {enabled: true, url: '" + platform.url() + "', accessToken: wrong-token}\n",
          StandardCharsets.UTF_8, StandardOpenOption.APPEND);
      GatewayConfig config = ConfigLoader.load(file);
      try (RunningGateway running = new RunningGateway(MosquittoBroker.start(), Gateway.start(config), config)) {
        Waits.until("the refusal is an alarm", Duration.ofSeconds(20), () -> openAlarm(running, "upstream-refused"));
        JsonObject upstream = health(running).getJsonObject("upstream");
        assertTrue(upstream.getString("lastError").startsWith("not authorised"), upstream.encode());
        assertEquals(false, upstream.getBoolean("connected"));
      }
    }
  }

  private static boolean openAlarm(RunningGateway running, String type) {
    try {
      var list = RunningGateway.await(running.gateway.vertx().eventBus()
          .<io.doorstep.gateway.alarms.AlarmBus.AlarmList>request(io.doorstep.gateway.alarms.AlarmBus.ACTIVE,
              new io.doorstep.gateway.alarms.AlarmBus.ActiveQuery())).body();
      return list.alarms().stream().anyMatch(a -> a.open() && a.type().code().equals(type));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** Events n..end, spread over the devices, every tenth an alarm. */
  private static void record(RunningGateway running, List<DeviceEvent> sent, int from, int to) {
    for (int n = from; n < to; n++) {
      String device = DEVICES.get(n % DEVICES.size());
      String kind = n % 10 == 0 ? EventKinds.ALARM_RAISED : EventKinds.PASSAGE;
      DeviceEvent event = new DeviceEvent("up-" + n, 1_700_000_000_000L + n, device, kind, Severity.INFO,
          new JsonObject().put("n", n));
      sent.add(event);
      running.gateway.vertx().eventBus().send(Addresses.EVENT_RECORD, event);
    }
  }

  private static JsonObject health(RunningGateway running) {
    try {
      return new JsonObject(running.get("/health"));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
