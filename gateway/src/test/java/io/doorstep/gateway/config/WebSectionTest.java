package io.doorstep.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.doorstep.gateway.config.GatewayConfig.SessionIdle;
import io.doorstep.gateway.config.GatewayConfig.WebConfig;
import io.doorstep.gateway.config.GatewayConfig.WebHttps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code web} section: plain HTTP on loopback only, HTTPS for the network, session idle times. */
class WebSectionTest {
  @TempDir
  Path dir;
  private Path gateway;

  @BeforeEach
  void files() throws IOException {
    gateway = dir.resolve("gateway.yaml");
    Files.writeString(dir.resolve("estate.yaml"), "estate: {id: test, name: Test}\n");
    Files.createDirectories(dir.resolve("tls"));
    Files.writeString(dir.resolve("tls/web.pem"), "pem");
    Files.writeString(dir.resolve("tls/web.key"), "pem");
  }

  private WebConfig load(String web) throws Exception {
    Files.writeString(gateway, "estate: estate.yaml\n" + web);
    return ConfigLoader.load(gateway).web();
  }

  private List<ConfigProblem> problems(String web) throws IOException {
    Files.writeString(gateway, "estate: estate.yaml\n" + web);
    return assertThrows(ConfigException.class, () -> ConfigLoader.load(gateway)).problems();
  }

  @Test
  void anOldFileStillMeansPlainHttpOnLoopbackWithDefaultSessions() throws Exception {
    WebConfig web = load("web: {bind: 127.0.0.1, port: 8080}\n");
    assertEquals(new WebConfig("127.0.0.1", 8080), web);
    assertNull(web.https());
    assertEquals(new SessionIdle(720, 30, 30, 30), web.sessions());
  }

  @Test
  void plainHttpOnTheNetworkIsRefusedWithFileAndLine() throws Exception {
    List<ConfigProblem> problems = problems("web:\n  bind: 0.0.0.0\n");
    assertEquals(1, problems.size(), problems.toString());
    ConfigProblem p = problems.get(0);
    assertEquals(3, p.line());
    assertEquals("web.bind", p.path());
    assertEquals(gateway, p.file());
    assertEquals(true, p.message().contains("web.https"), p.message());
  }

  @Test
  void httpsWithTheGatewaysOwnCertificate() throws Exception {
    WebConfig web = load("""
        web:
          https:
            hostNames: [doorstep.local, 192.168.10.2]
          sessions:
            idleMinutes: {guard: 600, admin: 15}
        """);
    assertEquals(new WebHttps("0.0.0.0", 8443, List.of("doorstep.local", "192.168.10.2"), null, null), web.https());
    assertEquals(new SessionIdle(600, 30, 30, 15), web.sessions());
  }

  @Test
  void anInstalledCertificateIsResolvedBesideTheFileAndMustExist() throws Exception {
    WebConfig web = load("web:\n  https: {bind: 192.168.10.2, port: 443, certFile: tls/web.pem, keyFile: tls/web.key}\n");
    assertEquals(dir.resolve("tls/web.pem").toAbsolutePath(), web.https().certFile());
    assertEquals(443, web.https().port());

    List<ConfigProblem> missing = problems("web:\n  https:\n    certFile: tls/nothing.pem\n    keyFile: tls/web.key\n");
    assertEquals("web.https.certFile", missing.get(0).path());
    assertEquals(4, missing.get(0).line());
  }

  @Test
  void mistakesAreEachNamed() throws Exception {
    List<String> paths = problems("""
        web:
          port: 8443
          https: {certFile: tls/web.pem, hostNames: [bad_host!]}
          sessions: {idleMinutes: {guard: 0, janitor: 5}}
        """).stream().map(ConfigProblem::path).toList();
    assertEquals(List.of("web.https.port", "web.https.keyFile", "web.https.hostNames[0]",
        "web.sessions.idleMinutes.janitor", "web.sessions.idleMinutes.guard"), paths);
  }
}
