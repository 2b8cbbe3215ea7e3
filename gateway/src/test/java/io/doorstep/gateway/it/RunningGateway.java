package io.doorstep.gateway.it;

import io.doorstep.gateway.Gateway;
import io.doorstep.gateway.config.ConfigLoader;
import io.doorstep.gateway.config.GatewayConfig;
import io.doorstep.gateway.demo.DemoPopulation;
import io.doorstep.gateway.people.FaceVault;
import io.doorstep.gateway.people.PeopleService;
import io.doorstep.gateway.store.PersonRecord;
import io.doorstep.gateway.store.Store;
import io.doorstep.gateway.store.StoredEvent;
import io.doorstep.gateway.web.WebLogin;
import io.doorstep.gateway.web.auth.Role;
import io.doorstep.sim.broker.MosquittoBroker;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** A real Mosquitto and the gateway in this process, on the {@link TestEstate}. */
final class RunningGateway implements AutoCloseable {
  final MosquittoBroker broker;
  final Gateway gateway;
  final GatewayConfig config;
  private final HttpClient http = HttpClient.newHttpClient();
  /** A guard logged in on first use: every API but /health and /metrics needs a session. */
  private WebLogin guard;

  RunningGateway(MosquittoBroker broker, Gateway gateway, GatewayConfig config) {
    this.broker = broker;
    this.gateway = gateway;
    this.config = config;
  }

  /** Seeds the persons table before the gateway starts, as an office import would have. */
  static RunningGateway start(Path dir, int heartbeatIntervalS, List<PersonRecord> persons) throws Exception {
    return start(MosquittoBroker.start(), dir, heartbeatIntervalS, persons);
  }

  /** On a broker that is already running; closing the gateway closes it too. */
  static RunningGateway start(MosquittoBroker broker, Path dir, int heartbeatIntervalS, List<PersonRecord> persons)
      throws Exception {
    return start(broker, dir, heartbeatIntervalS, persons, "");
  }

  /** @param gatewayYaml more of the gateway file (an upstream section, say), appended as it is */
  static RunningGateway start(MosquittoBroker broker, Path dir, int heartbeatIntervalS, List<PersonRecord> persons,
      String gatewayYaml) throws Exception {
    Path file = TestEstate.write(dir, broker.url(), TestEstate.freePort(), heartbeatIntervalS);
    java.nio.file.Files.writeString(file, gatewayYaml, java.nio.file.StandardOpenOption.APPEND);
    GatewayConfig config = ConfigLoader.load(file);
    enrol(config, persons);
    return new RunningGateway(broker, Gateway.start(config), config);
  }

  /**
   * Puts persons into the gateway's store before it starts, as an office would have: each with a
   * face photo, since the gateway syncs terminals from what it holds and a person without a
   * photo becomes card-only on every terminal.
   */
  static void enrol(GatewayConfig config, List<PersonRecord> persons) throws Exception {
    Vertx vertx = Vertx.vertx();
    // The people service announces what it stored; with nobody listening, it must still be able to.
    io.doorstep.gateway.bus.BusCodecs.registerAll(vertx.eventBus());
    try (Store store = Store.open(vertx, config.dataDir().resolve(Gateway.DB_FILE))) {
      await(store.upsertPersons(persons));
      Map<String, byte[]> faces = new HashMap<>();
      persons.forEach(p -> faces.put(p.id(), DemoPopulation.facePhoto(p.id())));
      PeopleService people = new PeopleService(vertx, store, new FaceVault(vertx, store, config.dataDir()),
          config.estate(), config.estate().timeZone());
      await(people.setFaces("test", faces));
    } finally {
      await(vertx.close());
    }
  }

  List<StoredEvent> events(Set<String> kinds) throws Exception {
    return await(gateway.store().recentEvents(500, kinds));
  }

  /** before, after and actor of the audit rows with this action and target, newest first. */
  List<List<String>> audit(String action, String target) throws Exception {
    return audit(gateway, action, target);
  }

  /** As {@link #audit(String, String)}, for a gateway a test started itself. */
  static List<List<String>> audit(Gateway gateway, String action, String target) throws Exception {
    return await(gateway.store().read(c -> {
      try (java.sql.PreparedStatement ps = c.prepareStatement(
          "SELECT before_json, after_json, actor FROM audit WHERE action = ? AND target = ? ORDER BY seq DESC")) {
        ps.setString(1, action);
        ps.setString(2, target);
        List<List<String>> rows = new java.util.ArrayList<>();
        try (java.sql.ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rows.add(java.util.Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3)));
          }
        }
        return rows;
      }
    }));
  }

  String get(String path) throws Exception {
    HttpResponse<String> response;
    if (path.startsWith("/api/")) {
      if (guard == null) {
        guard = WebLogin.as(gateway.vertx(), gateway.store(), gateway.webPort(), "it-guard", Role.GUARD);
      }
      response = guard.get(path);
    } else {
      response = http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.webPort() + path)).build(),
          HttpResponse.BodyHandlers.ofString());
    }
    if (response.statusCode() != 200) {
      throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    gateway.close();
    broker.close();
  }
}
