package io.doorstep.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.gateway.config.GatewayConfig.UpstreamConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code upstream} section of the gateway file, as an installer writes it. */
class UpstreamSectionTest {
  private static final String ESTATE = """
      estate: {id: test, name: Test}
      """;

  @TempDir
  Path dir;
  private Path gateway;

  @BeforeEach
  void files() throws IOException {
    gateway = dir.resolve("gateway.yaml");
    Files.writeString(dir.resolve("estate.yaml"), ESTATE);
    Files.createDirectories(dir.resolve("tls"));
    for (String f : List.of("ca.pem", "gateway.pem", "gateway.key")) {
      Files.writeString(dir.resolve("tls").resolve(f), "pem");
    }
  }

  private UpstreamConfig load(String upstream) throws Exception {
    Files.writeString(gateway, "estate: estate.yaml\n" + upstream);
    return ConfigLoader.load(gateway).upstream();
  }

  private List<ConfigProblem> problems(String upstream) throws IOException {
    Files.writeString(gateway, "estate: estate.yaml\n" + upstream);
    return assertThrows(ConfigException.class, () -> ConfigLoader.load(gateway)).problems();
  }

  private void assertOnly(String upstream, int line, String path, String message) throws IOException {
    List<ConfigProblem> problems = problems(upstream);
    assertEquals(List.of(new ConfigProblem(gateway, line, path, message)), problems);
  }

  @Test
  void leftOutItIsDisabledWithTheDefaults() throws Exception {
    UpstreamConfig u = load("");
    assertEquals(UpstreamConfig.disabled(), u);
    assertFalse(u.enabled());
    assertEquals(32, u.maxInFlight());
    assertEquals(1_000_000, u.backlog().maxEvents());
    assertEquals(30, u.backlog().maxAgeDays());
    assertEquals(List.of(), u.rpc().allow());
    assertFalse(u.rpc().allows("open"));
  }

  @Test
  void aFullTlsSectionWithTokenIsRead() throws Exception {
    UpstreamConfig u = load("""
        upstream:
          enabled: true
          url: ssl://platform.example.com:8883
          clientId: gw-xihu-haoyuan
          accessToken: A1b2C3d4
          tls: {caFile: tls/ca.pem}
          maxInFlight: 64
          backlog: {maxEvents: 2000000, maxAgeDays: 7}
          rpc:
            allow: [openDoor, stopPort]
        """);
    assertTrue(u.enabled());
    assertEquals("ssl://platform.example.com:8883", u.url());
    assertEquals("gw-xihu-haoyuan", u.clientId());
    assertEquals("A1b2C3d4", u.accessToken());
    assertEquals(dir.resolve("tls/ca.pem").toAbsolutePath().normalize(), u.tls().caFile());
    assertNull(u.tls().clientCertFile());
    assertEquals(64, u.maxInFlight());
    assertEquals(2_000_000, u.backlog().maxEvents());
    assertEquals(7, u.backlog().maxAgeDays());
    assertEquals(List.of("openDoor", "stopPort"), u.rpc().allow());
    assertTrue(u.rpc().allows("stopPort"));
  }

  @Test
  void aClientCertificateReplacesTheToken() throws Exception {
    UpstreamConfig u = load("""
        upstream:
          enabled: true
          url: ssl://10.0.0.5:8883
          tls: {caFile: tls/ca.pem, clientCertFile: tls/gateway.pem, clientKeyFile: tls/gateway.key}
        """);
    assertNull(u.accessToken());
    assertEquals(dir.resolve("tls/gateway.key").toAbsolutePath().normalize(), u.tls().clientKeyFile());
  }

  @Test
  void enabledNeedsATokenOrACertificate() throws IOException {
    assertOnly("upstream:\n  enabled: true\n  url: tcp://10.0.0.5:1883\n", 2, "upstream.accessToken",
        "required when upstream.enabled is true, unless tls.clientCertFile and tls.clientKeyFile log the gateway in");
  }

  @Test
  void anSslUrlNeedsACaFile() throws IOException {
    assertOnly("upstream:\n  url: ssl://10.0.0.5:8883\n", 2, "upstream.tls",
        "required for an ssl:// url: tls.caFile, the CA the platform's broker certificate is signed by");
    assertOnly("upstream:\n  url: ssl://10.0.0.5:8883\n  tls: {clientCertFile: tls/gateway.pem, clientKeyFile: tls/gateway.key}\n",
        4, "upstream.tls.caFile", "required for an ssl:// url: the CA the platform's broker certificate is signed by");
  }

  @Test
  void tlsWithAPlainUrlIsAMistake() throws IOException {
    assertOnly("upstream:\n  url: tcp://10.0.0.5:1883\n  tls: {caFile: tls/ca.pem}\n", 4, "upstream.tls",
        "TLS needs an ssl:// url; the url is tcp://10.0.0.5:1883");
  }

  @Test
  void aCertificateNeedsItsKey() throws IOException {
    assertOnly("upstream:\n  url: ssl://10.0.0.5:8883\n  tls: {caFile: tls/ca.pem, clientCertFile: tls/gateway.pem}\n",
        4, "upstream.tls.clientKeyFile", "a client certificate needs both tls.clientCertFile and tls.clientKeyFile");
  }

  @Test
  void filesMustExistAndBeReadable() throws IOException {
    Path missing = dir.resolve("tls/nope.pem").toAbsolutePath().normalize();
    assertOnly("upstream:\n  url: ssl://10.0.0.5:8883\n  tls:\n    caFile: tls/nope.pem\n", 5, "upstream.tls.caFile",
        "no such file: " + missing + " (a relative path is resolved against the directory of this file)");
    assertOnly("upstream:\n  url: ssl://10.0.0.5:8883\n  tls:\n    caFile: tls\n", 5, "upstream.tls.caFile",
        "not a file: " + dir.resolve("tls").toAbsolutePath().normalize());
    Path key = dir.resolve("tls/gateway.key");
    Files.setPosixFilePermissions(key, Set.of());
    if (!Files.isReadable(key)) { // root reads anything: then this case cannot be shown
      assertOnly("upstream:\n  url: ssl://10.0.0.5:8883\n  tls: {caFile: tls/ca.pem, clientCertFile: tls/gateway.pem,"
          + " clientKeyFile: tls/gateway.key}\n", 4, "upstream.tls.clientKeyFile",
          "cannot read " + key.toAbsolutePath().normalize() + ": give the gateway's user read access");
    }
    Files.setPosixFilePermissions(key, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
  }

  @Test
  void theUrlIsABrokerUrl() throws IOException {
    assertOnly("upstream:\n  url: https://platform.example.com\n", 3, "upstream.url",
        "expected tcp://host:port or ssl://host:port (port 1..65535), got 'https://platform.example.com'");
  }

  @Test
  void rangesAndMethodNames() throws IOException {
    List<ConfigProblem> problems = problems("""
        upstream:
          maxInFlight: 0
          backlog: {maxEvents: 0, maxAgeDays: 4000}
          rpc: {allow: [open door, open, open]}
        """);
    assertEquals(5, problems.size(), problems.toString());
    assertEquals(new ConfigProblem(gateway, 3, "upstream.maxInFlight", "must be 1..1000, got 0"), problems.get(0));
    assertEquals("upstream.backlog.maxEvents", problems.get(1).path());
    assertEquals("upstream.backlog.maxAgeDays", problems.get(2).path());
    assertEquals("upstream.rpc.allow[0]", problems.get(3).path());
    assertEquals(new ConfigProblem(gateway, 5, "upstream.rpc.allow[2]", "'open' is listed twice, first at line 5"),
        problems.get(4));
  }

  @Test
  void anUnknownKeyIsReported() throws IOException {
    List<ConfigProblem> problems = problems("upstream:\n  acessToken: x\n");
    assertEquals(1, problems.size(), problems.toString());
    assertEquals("upstream.acessToken", problems.get(0).path());
  }
}
