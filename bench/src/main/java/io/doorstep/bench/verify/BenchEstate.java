package io.doorstep.bench.verify;

import io.doorstep.gateway.Gateway;
import io.doorstep.gateway.config.ConfigLoader;
import io.doorstep.gateway.config.EstateConfig;
import io.doorstep.gateway.demo.DemoPopulation;
import io.doorstep.gateway.people.FaceVault;
import io.doorstep.gateway.people.PeopleService;
import io.doorstep.gateway.store.Store;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.HashMap;
import java.util.concurrent.TimeUnit;

/**
 * A gateway file and an estate for the run: one pedestrian gate lane per terminal, the broker
 * of the run, a free web port and a data directory of its own, the store seeded beforehand as
 * an office import would have.
 */
public final class BenchEstate {
  private final Path gatewayFile;
  private final Path dataDir;
  private final int webPort;
  private final List<String> sns;

  private BenchEstate(Path gatewayFile, Path dataDir, int webPort, List<String> sns) {
    this.gatewayFile = gatewayFile;
    this.dataDir = dataDir;
    this.webPort = webPort;
    this.sns = List.copyOf(sns);
  }

  public static BenchEstate write(Path dir, String brokerUrl, int terminals) throws IOException {
    return write(dir, brokerUrl, terminals, "");
  }

  /** @param extraYaml further top-level sections of the gateway file (e.g. {@code upstream:}), each line ending in a newline */
  public static BenchEstate write(Path dir, String brokerUrl, int terminals, String extraYaml) throws IOException {
    List<String> sns = new ArrayList<>();
    StringBuilder doors = new StringBuilder("doors:\n");
    StringBuilder devices = new StringBuilder("devices:\n");
    for (int n = 1; n <= terminals; n++) {
      String sn = String.format(Locale.ROOT, "BENCH-%02d", n);
      String device = String.format(Locale.ROOT, "ft-b%d", n);
      String door = String.format(Locale.ROOT, "G1-L%02d", n);
      sns.add(sn);
      doors.append("  - {id: ").append(door).append(", name: 南门 ").append(n)
          .append("号通道, kind: pedestrian-gate, devices: [").append(device).append("]}\n");
      devices.append("  - {id: ").append(device).append(", type: face-terminal, sn: ").append(sn)
          .append(", link: mqtt}\n");
    }
    Files.createDirectories(dir.resolve("estates"));
    Files.writeString(dir.resolve("estates/bench.yaml"),
        "estate: {id: bench-estate, name: 基准小区}\n"
            + "buildings:\n  - {id: B01, name: 1栋, floors: 24, units: [U1, U2]}\n"
            + doors + devices, StandardCharsets.UTF_8);
    Path dataDir = dir.resolve("data");
    int webPort = freePort();
    Path gatewayFile = dir.resolve("gateway.yaml");
    Files.writeString(gatewayFile, String.join("\n",
        "dataDir: " + dataDir,
        "estate: estates/bench.yaml",
        "web: {bind: 127.0.0.1, port: " + webPort + "}",
        "broker: {url: '" + brokerUrl + "', clientId: doorstep-bench-gateway}",
        "devices: {heartbeatIntervalS: 30, missedHeartbeats: 3}",
        "logging: {level: INFO}",
        "") + extraYaml, StandardCharsets.UTF_8);
    return new BenchEstate(gatewayFile, dataDir, webPort, sns);
  }

  /**
   * Writes the persons, each with a face photo, into the store the gateway will open, then
   * closes it again. Without photos the gateway's person sync would make them card-only on the
   * terminals, and every face would be a stranger.
   */
  public void seed(Residents residents) throws Exception {
    Vertx vertx = Vertx.vertx();
    try (Store store = Store.open(vertx, dataDir.resolve(Gateway.DB_FILE))) {
      store.upsertPersons(residents.records()).toCompletionStage().toCompletableFuture()
          .get(60, TimeUnit.SECONDS);
      Map<String, byte[]> faces = new HashMap<>();
      residents.records().forEach(p -> faces.put(p.id(), DemoPopulation.facePhoto(p.id())));
      EstateConfig estate = ConfigLoader.load(gatewayFile).estate();
      new PeopleService(vertx, store, new FaceVault(vertx, store, dataDir), estate, estate.timeZone())
          .setFaces("bench", faces).toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  public Path dataDir() {
    return dataDir;
  }

  public Path gatewayFile() {
    return gatewayFile;
  }

  public int webPort() {
    return webPort;
  }

  public List<String> sns() {
    return sns;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }
}
