package io.doorstep.gateway.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small estate for end-to-end tests: one building, a pedestrian gate with two terminals and
 * a unit door with one, on a broker of the test's choosing.
 */
final class TestEstate {
  static final String GATE_IN_SN = "FT8-G1L1";
  static final String GATE_OUT_SN = "FT8-G1L2";
  static final String UNIT_SN = "FT8-B01U1";
  static final String GATE_IN = "ft-g1-l1";
  static final String GATE_OUT = "ft-g1-l2";
  static final String UNIT = "ft-b01-u1";

  private TestEstate() {}

  /** Writes gateway.yaml and its estate into {@code dir}; returns the gateway file. */
  static Path write(Path dir, String brokerUrl, int webPort, int heartbeatIntervalS) throws IOException {
    Files.createDirectories(dir.resolve("estates"));
    Files.writeString(dir.resolve("estates/test.yaml"), String.join("\n",
        "estate: {id: test-estate, name: 测试小区}",
        "buildings:",
        "  - {id: B01, name: 1栋, floors: 6, units: [U1]}",
        "doors:",
        "  - {id: G1-L1, name: 南门 1号通道, kind: pedestrian-gate, devices: [" + GATE_IN + "]}",
        "  - {id: G1-L2, name: 南门 2号通道, kind: pedestrian-gate, devices: [" + GATE_OUT + "]}",
        "  - {id: B01-U1, name: 1栋1单元, kind: unit-door, building: B01, unit: U1, devices: [" + UNIT + "]}",
        "devices:",
        "  - {id: " + GATE_IN + ", type: face-terminal, sn: " + GATE_IN_SN + ", link: mqtt}",
        "  - {id: " + GATE_OUT + ", type: face-terminal, sn: " + GATE_OUT_SN + ", link: mqtt}",
        "  - {id: " + UNIT + ", type: face-terminal, sn: " + UNIT_SN + ", link: mqtt}",
        ""), StandardCharsets.UTF_8);
    Path gateway = dir.resolve("gateway.yaml");
    Files.writeString(gateway, String.join("\n",
        "dataDir: " + dir.resolve("data"),
        "estate: estates/test.yaml",
        "web: {bind: 127.0.0.1, port: " + webPort + "}",
        "broker: {url: '" + brokerUrl + "', clientId: doorstep-test-gateway}",
        "devices: {heartbeatIntervalS: " + heartbeatIntervalS + ", missedHeartbeats: 3}",
        "logging: {level: INFO}",
        ""), StandardCharsets.UTF_8);
    return gateway;
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
