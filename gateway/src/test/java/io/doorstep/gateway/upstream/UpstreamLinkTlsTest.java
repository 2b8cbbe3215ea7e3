package io.doorstep.gateway.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.doorstep.drivers.mqtt.MqttLink;
import io.doorstep.drivers.mqtt.MqttLinkOptions;
import io.doorstep.drivers.mqtt.MqttTls;
import io.doorstep.sim.broker.MosquittoBroker;
import io.doorstep.sim.broker.ThrowawayPki;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The upstream link over TLS and with a login, against a real Mosquitto that refuses on purpose. */
class UpstreamLinkTlsTest {
  @TempDir static Path dir;
  static ThrowawayPki platform;
  static ThrowawayPki stranger;
  static ThrowawayPki.Issued brokerCert;
  static ThrowawayPki.Issued wrongHostCert;
  static ThrowawayPki.Issued gatewayCert;

  private Vertx vertx;
  private MqttLink link;

  @BeforeAll
  static void pki() {
    assumeTrue(ThrowawayPki.available(), "openssl is not installed");
    platform = ThrowawayPki.create(dir, "platform");
    stranger = ThrowawayPki.create(dir, "stranger");
    brokerCert = platform.server("broker", "127.0.0.1", "localhost");
    wrongHostCert = platform.server("elsewhere", "mqtt.elsewhere.example");
    gatewayCert = platform.client("gateway", "gw-xihu-haoyuan");
  }

  @BeforeEach
  void vertx() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() {
    if (link != null) {
      link.stop().await();
    }
    vertx.close().await();
  }

  @Test
  void connectsOverTlsTrustingOnlyTheConfiguredCa() throws Exception {
    try (MosquittoBroker broker = MosquittoBroker.builder()
        .tls(platform.caFile(), brokerCert.certFile(), brokerCert.keyFile()).start()) {
      assertTrue(broker.url().startsWith("ssl://127.0.0.1:"));
      link = start(MqttLinkOptions.of(broker.url(), "gw-tls", MqttTls.trusting(platform.caFile())));
      awaitTrue(link::connected, () -> "connected over TLS; lastError " + link.stats().lastError());
      BlockingQueue<String> got = new ArrayBlockingQueue<>(4);
      vertx.runOnContext(v -> link.subscribe("v1/gateway/rpc", 1,
          (topic, payload) -> got.add(new String(payload, StandardCharsets.UTF_8))));
      Thread.sleep(300);
      link.publish("v1/gateway/rpc", "{\"x\":1}".getBytes(StandardCharsets.UTF_8), 1, false)
          .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
      assertEquals("{\"x\":1}", got.poll(5, TimeUnit.SECONDS));
    }
  }

  @Test
  void aBrokerSignedByAnotherCaIsRefused() throws Exception {
    try (MosquittoBroker broker = MosquittoBroker.builder()
        .tls(platform.caFile(), brokerCert.certFile(), brokerCert.keyFile()).start()) {
      link = start(MqttLinkOptions.of(broker.url(), "gw-stranger", MqttTls.trusting(stranger.caFile())));
      awaitTrue(() -> link.stats().lastError() != null, () -> "an error");
      String error = link.stats().lastError();
      assertTrue(error.startsWith("certificate not trusted: "), error);
      assertTrue(error.contains(stranger.caFile().toString()), error);
      assertFalse(link.connected());
    }
  }

  @Test
  void aBrokerCertificateForAnotherHostIsRefused() throws Exception {
    try (MosquittoBroker broker = MosquittoBroker.builder()
        .tls(platform.caFile(), wrongHostCert.certFile(), wrongHostCert.keyFile()).start()) {
      link = start(MqttLinkOptions.of(broker.url(), "gw-host", MqttTls.trusting(platform.caFile())));
      awaitTrue(() -> link.stats().lastError() != null, () -> "an error");
      String error = link.stats().lastError();
      assertTrue(error.startsWith("hostname mismatch: "), error);
      assertFalse(link.connected());
    }
  }

  @Test
  void aBadTokenIsNotAuthorisedAndRetriedWithBackoff() throws Exception {
    Path passwords = passwordFile("good-token", "secret");
    try (MosquittoBroker broker = MosquittoBroker.builder()
        .tls(platform.caFile(), brokerCert.certFile(), brokerCert.keyFile()).passwordFile(passwords).start()) {
      link = start(MqttLinkOptions.of(broker.url(), "gw-bad", MqttTls.trusting(platform.caFile()))
          .withAccessToken("bad-token").withBackoff(Duration.ofMillis(200), Duration.ofSeconds(2)));
      awaitTrue(() -> link.stats().lastError() != null, () -> "an error");
      assertEquals("not authorised: check the access token (the broker answered CONNACK 5)", link.stats().lastError());
      Thread.sleep(3000);
      long refusals = Files.readAllLines(broker.logFile()).stream().filter(l -> l.contains("not authorised")).count();
      // 200 ms doubling to 2 s: at most about 5 attempts in 3 s; a spinning link would make hundreds.
      assertTrue(refusals >= 2 && refusals <= 8, refusals + " refusals in 3 s");
      assertFalse(link.connected());
    }
  }

  @Test
  void theRightLoginIsAccepted() throws Exception {
    Path passwords = passwordFile("good-token", "secret");
    try (MosquittoBroker broker = MosquittoBroker.builder()
        .tls(platform.caFile(), brokerCert.certFile(), brokerCert.keyFile()).passwordFile(passwords).start()) {
      link = start(MqttLinkOptions.of(broker.url(), "gw-good", MqttTls.trusting(platform.caFile()))
          .withCredentials("good-token", "secret"));
      awaitTrue(link::connected, () -> "connected with the token; lastError " + link.stats().lastError());
    }
  }

  @Test
  void anX509ClientCertificateLogsIn() throws Exception {
    try (MosquittoBroker broker = MosquittoBroker.builder()
        .tls(platform.caFile(), brokerCert.certFile(), brokerCert.keyFile()).requireClientCertificate().start()) {
      link = start(MqttLinkOptions.of(broker.url(), "gw-x509",
          MqttTls.trusting(platform.caFile()).withClientCertificate(gatewayCert.certFile(), gatewayCert.keyFile())));
      awaitTrue(link::connected, () -> "connected with a client certificate; lastError " + link.stats().lastError());
      String log = Files.readString(broker.logFile());
      assertTrue(log.contains("u'gw-xihu-haoyuan'"), "logged in as the certificate's CN:\n" + log);
    }
  }

  @Test
  void withoutAClientCertificateABrokerThatRequiresOneRefuses() throws Exception {
    try (MosquittoBroker broker = MosquittoBroker.builder()
        .tls(platform.caFile(), brokerCert.certFile(), brokerCert.keyFile()).requireClientCertificate().start()) {
      link = start(MqttLinkOptions.of(broker.url(), "gw-nocert", MqttTls.trusting(platform.caFile())));
      awaitTrue(() -> link.stats().lastError() != null, () -> "an error");
      assertFalse(link.connected());
      assertNotNull(link.stats().lastError());
    }
  }

  @Test
  void aMissingCaFileFailsTheStartNamingTheFile() {
    Path missing = dir.resolve("no-such-ca.pem");
    MqttLink l = new MqttLink(vertx, MqttLinkOptions.of("ssl://127.0.0.1:1", "gw", MqttTls.trusting(missing)));
    try {
      l.start().await();
      fail("started with a missing CA file");
    } catch (IllegalArgumentException e) {
      assertEquals("CA file " + missing + ": no such file", e.getMessage());
    }
  }

  private MqttLink start(MqttLinkOptions options) {
    MqttLink l = new MqttLink(vertx, options);
    l.start().await();
    return l;
  }

  /**
   * A Mosquitto password file with one login. Mosquitto 2.0 cannot log in a user name without
   * a password as ThingsBoard does with a token (a user in the file always has a password, and a
   * line without one is refused too), so the accepted login here carries a password.
   */
  private static Path passwordFile(String user, String password) throws Exception {
    Path file = dir.resolve("passwords-" + System.nanoTime());
    Files.writeString(file, "");
    Process p = new ProcessBuilder("mosquitto_passwd", "-b", file.toString(), user, password)
        .redirectErrorStream(true).start();
    assertTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0,
        "mosquitto_passwd: " + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    return file;
  }

  private static void awaitTrue(BooleanSupplier condition, Supplier<String> what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return;
      }
      Thread.sleep(20);
    }
    fail("timed out waiting for: " + what.get());
  }
}
