package io.doorstep.gateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.doorstep.device.DeviceEvent;
import io.doorstep.device.EventKinds;
import io.doorstep.device.Severity;
import io.doorstep.gateway.Gateway;
import io.doorstep.gateway.bus.Addresses;
import io.doorstep.gateway.config.ConfigLoader;
import io.doorstep.gateway.config.GatewayConfig;
import io.doorstep.sim.broker.MosquittoBroker;
import io.doorstep.sim.broker.ThrowawayPki;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform's broker is a real Mosquitto and the platform a subscriber on it: every event the
 * gateway stores arrives, alarms ahead of the rest, in order per device, also after the platform's
 * broker was down while events kept coming. A broker that refuses the gateway (its token, its
 * certificate) is an alarm with the reason, and gets nothing.
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

  @Test
  void aPlatformBrokerWhoseCertificateIsFromAnUntrustedCaIsRefusedAndGetsNothing() throws Exception {
    assumeTrue(ThrowawayPki.available(), "openssl is not installed");
    ThrowawayPki platformCa = ThrowawayPki.create(dir, "platform");
    ThrowawayPki gatewayTrusts = ThrowawayPki.create(dir, "other");
    ThrowawayPki.Issued brokerCert = platformCa.server("broker", "127.0.0.1");
    try (MosquittoBroker local = MosquittoBroker.start();
        MosquittoBroker platform = MosquittoBroker.builder()
            .tls(platformCa.caFile(), brokerCert.certFile(), brokerCert.keyFile()).start();
        Listener everything = Listener.on(platform.url(), platformCa.caFile())) {
      Path file = TestEstate.write(dir, local.url(), TestEstate.freePort(), 30);
      Files.writeString(file, "upstream: {enabled: true, url: '" + platform.url() + "', accessToken: test-token,"
          + " tls: {caFile: '" + gatewayTrusts.caFile() + "'}}\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
      GatewayConfig config = ConfigLoader.load(file);
      try (RunningGateway running = new RunningGateway(MosquittoBroker.start(), Gateway.start(config), config)) {
        Waits.until("the refusal is an alarm", Duration.ofSeconds(20), () -> openAlarm(running, "upstream-refused"));
        List<JsonObject> refusals = running.events(java.util.Set.of(EventKinds.UPSTREAM_REFUSED)).stream()
            .map(e -> e.event().payload()).toList();
        assertEquals(1, refusals.size(), "one refusal, one alarm: " + refusals);
        String reason = refusals.get(0).getString("reason");
        assertTrue(reason.startsWith("certificate not trusted: "), reason);
        assertTrue(reason.contains(gatewayTrusts.caFile().toString()), "names the CA it trusts: " + reason);
        JsonObject upstream = health(running).getJsonObject("upstream");
        assertEquals(false, upstream.getBoolean("connected"));
        assertEquals(reason, upstream.getString("lastError"));
        // What would have gone (the refusal itself, at least) waits in the gateway ...
        Waits.until("the alarm waits for the platform", Duration.ofSeconds(15),
            () -> health(running).getJsonObject("upstream").getLong("waitingAlarms") > 0);
        // ... and the broker never had the gateway as a client, nor any of its messages.
        everything.publishOwn();
        Waits.until("the listener hears its own message", Duration.ofSeconds(10), () -> everything.heard() >= 1);
        assertEquals(List.of("test/own"), everything.topics());
        List<String> log = Files.readAllLines(platform.logFile());
        assertTrue(log.stream().anyMatch(l -> l.contains(" as platform-listener")), "the broker logs its clients");
        assertTrue(log.stream().noneMatch(l -> l.contains(" as doorstep-gateway")), "the gateway became a client");
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

  /** A client of the platform's broker that hears every topic, over TLS trusting the platform's CA. */
  private static final class Listener implements AutoCloseable {
    private final MqttClient client;
    private final List<String> topics = new java.util.concurrent.CopyOnWriteArrayList<>();

    private Listener(MqttClient client) {
      this.client = client;
    }

    static Listener on(String url, Path caFile) throws Exception {
      Listener listener = new Listener(new MqttClient(url, "platform-listener", new MemoryPersistence()));
      MqttConnectOptions options = new MqttConnectOptions();
      options.setSocketFactory(trusting(caFile));
      listener.client.connect(options);
      listener.client.subscribe("#", 1, (topic, message) -> listener.topics.add(topic));
      return listener;
    }

    private static javax.net.ssl.SSLSocketFactory trusting(Path caFile) throws Exception {
      java.security.KeyStore trust = java.security.KeyStore.getInstance(java.security.KeyStore.getDefaultType());
      trust.load(null, null);
      try (var in = Files.newInputStream(caFile)) {
        trust.setCertificateEntry("ca", java.security.cert.CertificateFactory.getInstance("X.509")
            .generateCertificate(in));
      }
      javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(
          javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
      tls.init(null, tmf.getTrustManagers(), null);
      return tls.getSocketFactory();
    }

    /** Proves the listener hears what reaches the broker. */
    void publishOwn() throws Exception {
      client.publish("test/own", "{}".getBytes(StandardCharsets.UTF_8), 1, false);
    }

    int heard() {
      return topics.size();
    }

    List<String> topics() {
      return List.copyOf(topics);
    }

    @Override
    public void close() throws Exception {
      client.disconnectForcibly(1000);
      client.close();
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
