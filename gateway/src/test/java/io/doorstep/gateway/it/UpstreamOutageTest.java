package io.doorstep.gateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform's broker is away for a long while under steady traffic: afterwards every event
 * is upstream, in order per device (per lane: alarms travel ahead). The suite keeps the outage
 * short; {@code -Ddoorstep.outage.seconds=600} runs the ten minutes the platform must survive
 * (docs/upstream.md records that run).
 */
class UpstreamOutageTest {
  private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("doorstep.outage.seconds", 20));
  private static final long EVENTS_PER_SECOND = 20;
  private static final List<String> DEVICES = List.of(TestEstate.GATE_IN, TestEstate.GATE_OUT, TestEstate.UNIT);

  @TempDir Path dir;

  @Test
  void everyEventOfALongOutageUnderTrafficArrivesInOrder() throws Exception {
    try (MosquittoBroker local = MosquittoBroker.start();
        MosquittoBroker platform = MosquittoBroker.builder().persistent().start();
        PlatformSubscriber received = PlatformSubscriber.subscribe(platform.url())) {
      Path file = TestEstate.write(dir, local.url(), TestEstate.freePort(), 30);
      Files.writeString(file, "upstream: {enabled: true, url: '" + platform.url() + "', accessToken: t}\n",
          StandardCharsets.UTF_8, StandardOpenOption.APPEND);
      GatewayConfig config = ConfigLoader.load(file);
      List<DeviceEvent> sent = new CopyOnWriteArrayList<>();
      AtomicBoolean running = new AtomicBoolean(true);
      try (RunningGateway gateway = new RunningGateway(MosquittoBroker.start(), Gateway.start(config), config)) {
        Thread traffic = new Thread(() -> traffic(gateway, sent, running), "outage-traffic");
        traffic.start();
        try {
          Thread.sleep(5_000);
          platform.stop();
          Thread.sleep(OUTAGE.toMillis());
          platform.restart();
          Thread.sleep(5_000);
        } finally {
          running.set(false);
          traffic.join();
        }
        Waits.until("every event of the outage is upstream", Duration.ofSeconds(60 + OUTAGE.toSeconds() / 10),
            () -> sent.stream().allMatch(e -> received.has(e.id())));
        for (String device : DEVICES) {
          for (boolean alarms : List.of(true, false)) {
            List<String> expected = sent.stream()
                .filter(e -> e.device().equals(device) && e.kind().equals(EventKinds.ALARM_RAISED) == alarms)
                .map(DeviceEvent::id).toList();
            List<String> arrived = received.firstArrivals(device).stream().filter(expected::contains).toList();
            assertEquals(expected, arrived, "order of " + device + (alarms ? " alarms" : " passages"));
          }
        }
      }
    }
  }

  /** Steady events, round the devices, every tenth an alarm, until told to stop. */
  private static void traffic(RunningGateway gateway, List<DeviceEvent> sent, AtomicBoolean running) {
    long start = System.nanoTime();
    for (int n = 0; running.get(); n++) {
      String device = DEVICES.get(n % DEVICES.size());
      String kind = n % 10 == 0 ? EventKinds.ALARM_RAISED : EventKinds.PASSAGE;
      DeviceEvent event = new DeviceEvent("outage-" + n, System.currentTimeMillis(), device, kind, Severity.INFO,
          new JsonObject().put("n", n));
      sent.add(event);
      gateway.gateway.vertx().eventBus().send(Addresses.EVENT_RECORD, event);
      long due = start + (n + 1) * 1_000_000_000L / EVENTS_PER_SECOND;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        try {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }
}
