package io.doorstep.gateway.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.gateway.store.Store;
import io.doorstep.gateway.web.auth.Role;
import io.doorstep.gateway.web.tls.GatewayCertificate;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemKeyCertOptions;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page over HTTPS with the certificate the gateway makes for itself on its first start. */
class WebHttpsTest {
  private Vertx vertx;
  private Store store;
  private WebServer server;
  private GatewayCertificate.PemFiles pem;

  @BeforeEach
  void start(@TempDir Path dir) throws Exception {
    vertx = WebTestSupport.vertx();
    store = WebTestSupport.store(vertx, dir);
    pem = GatewayCertificate.ensure(dir.resolve("data"), List.of("doorstep.local", "192.168.10.2"));
    server = WebTestSupport.await(WebServer.start(vertx, new WebServer.Listen("127.0.0.1", 0,
        new WebServer.Https("127.0.0.1", 0, new PemKeyCertOptions().setCertPath(pem.cert().toString())
            .setKeyPath(pem.key().toString()))), new FakeWebSources(), WebTestSupport.auth(vertx, store), List.of()));
    WebLogin.createUser(vertx, store, "g1", Role.GUARD);
  }

  @AfterEach
  void stop() throws Exception {
    WebTestSupport.await(server.close());
    store.close();
    WebTestSupport.await(vertx.close());
  }

  private HttpClient trusting(X509Certificate certificate) throws Exception {
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    trust.setCertificateEntry("gateway", certificate);
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    return HttpClient.newBuilder().sslContext(ssl).build();
  }

  private X509Certificate certificate() throws Exception {
    try (InputStream in = Files.newInputStream(pem.cert())) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }

  @Test
  void aBrowserThatTrustsTheCertificateLogsInWithASecureCookie() throws Exception {
    HttpClient https = trusting(certificate());
    String base = "https://127.0.0.1:" + server.httpsPort();
    HttpResponse<String> page = https.send(HttpRequest.newBuilder(URI.create(base + "/login.html")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, page.statusCode());
    String xsrf = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN="))
        .findFirst().orElseThrow();
    String session = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("doorstep.session="))
        .findFirst().orElseThrow();
    assertTrue(xsrf.contains("Secure"), xsrf);
    assertTrue(session.contains("Secure"), session);

    HttpResponse<String> login = https.send(HttpRequest.newBuilder(URI.create(base + "/api/session/login"))
        .header("Cookie", xsrf.split(";")[0] + "; " + session.split(";")[0])
        .header("X-XSRF-TOKEN", xsrf.split(";")[0].substring("XSRF-TOKEN=".length()))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("name", "g1").put("password", WebLogin.PASSWORD)
            .encode())).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, login.statusCode(), login.body());
    String loggedIn = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("doorstep.session="))
        .findFirst().orElseThrow();
    assertTrue(loggedIn.contains("Secure") && loggedIn.toLowerCase().contains("httponly"), loggedIn);
  }

  @Test
  void aBrowserThatDoesNotTrustItIsRefused() {
    HttpClient ordinary = HttpClient.newHttpClient();
    assertThrows(SSLHandshakeException.class, () -> ordinary.send(HttpRequest.newBuilder(
        URI.create("https://127.0.0.1:" + server.httpsPort() + "/login.html")).build(), HttpResponse.BodyHandlers.ofString()));
  }

  @Test
  void theCertificateNamesTheGatewayAndItsKeyIsTheOwnersAlone() throws Exception {
    X509Certificate cert = certificate();
    List<String> names = cert.getSubjectAlternativeNames().stream().map(n -> String.valueOf(n.get(1))).toList();
    assertEquals(List.of("doorstep.local", "192.168.10.2", "localhost", "127.0.0.1"), names);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(pem.key())));
    assertTrue(cert.getNotAfter().getTime() - System.currentTimeMillis() > 9L * 365 * 24 * 3600 * 1000);

    byte[] before = Files.readAllBytes(pem.cert());
    GatewayCertificate.ensure(pem.cert().getParent(), List.of("other.local"));
    assertEquals(new String(before), Files.readString(pem.cert()), "a restart made a new certificate");
  }
}
