package io.doorstep.gateway.web.office;

import io.doorstep.gateway.access.AccessControl;
import io.doorstep.gateway.bus.BusCodecs;
import io.doorstep.gateway.config.ConfigLoader;
import io.doorstep.gateway.config.EstateConfig;
import io.doorstep.gateway.config.GatewayConfig;
import io.doorstep.gateway.devices.DeviceRegistry;
import io.doorstep.gateway.devices.DeviceStatus;
import io.doorstep.gateway.people.FaceVault;
import io.doorstep.gateway.people.PeopleService;
import io.doorstep.gateway.store.Store;
import io.doorstep.gateway.sync.PersonSyncVerticle;
import io.doorstep.gateway.web.WebLogin;
import io.doorstep.gateway.web.WebServer;
import io.doorstep.gateway.web.WebSources;
import io.doorstep.gateway.web.auth.Accounts;
import io.doorstep.gateway.web.auth.Role;
import io.doorstep.gateway.web.auth.SessionPolicy;
import io.doorstep.gateway.web.auth.WebAuth;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The office's side of a real gateway in a temporary directory: the SQLite store, the face vault,
 * the people service and visitor passes over the reference estate, the person sync (its terminals
 * never connect, so what it owes them waits), and the web server on a free loopback port with the
 * office module behind a stand-in for the session check that names the office user {@link #USER}.
 */
final class OfficeRig implements AutoCloseable {
  static final String USER = "王芳";
  static final Path CONFIG = Path.of("..", "config");

  final Vertx vertx;
  final Store store;
  final PeopleService people;
  final WebServer server;
  /** The office user {@link #USER}, logged in over HTTP. */
  WebLogin login;

  private OfficeRig(Vertx vertx, Store store, PeopleService people, WebServer server) {
    this.vertx = vertx;
    this.store = store;
    this.people = people;
    this.server = server;
  }

  static OfficeRig start(Path dataDir) throws Exception {
    Vertx vertx = Vertx.vertx();
    BusCodecs.registerAll(vertx.eventBus());
    Store store = Store.open(vertx, dataDir.resolve("doorstep.db"));
    EstateConfig estate = ConfigLoader.loadEstate(CONFIG.resolve("estates/xihu-haoyuan.yaml"));
    SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    FaceVault faces = new FaceVault(vertx, store, dataDir);
    PeopleService people = new PeopleService(vertx, store, faces, estate, estate.timeZone());
    AccessControl access = AccessControl.create(vertx, store, estate, dataDir, metrics);
    DeviceRegistry registry = new DeviceRegistry(store, estate, new GatewayConfig.DeviceTiming(30, 3), metrics);
    PersonSyncVerticle sync = new PersonSyncVerticle(store, estate, access.scope(), faces, registry, metrics);
    await(vertx.deployVerticle(sync));
    OfficeModule office = new OfficeModule(people, sync::personStates, access.passes(), estate, store);
    WebAuth auth = new WebAuth(vertx, new Accounts(vertx, store), SessionPolicy.defaults(), null);
    WebServer server = await(WebServer.start(vertx, new WebServer.Listen("127.0.0.1", 0, null), new NoBoard(), auth,
        List.of(office)));
    OfficeRig rig = new OfficeRig(vertx, store, people, server);
    rig.login = WebLogin.as(vertx, store, server.actualPort(), USER, Role.OFFICE);
    return rig;
  }

  int port() {
    return server.actualPort();
  }

  String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  record Reply(int status, String type, String body) {
    JsonObject json() {
      return new JsonObject(body);
    }
  }

  Reply get(String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(url(path))).GET());
  }

  Reply delete(String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(url(path))).DELETE());
  }

  Reply post(String path, JsonObject body) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.encode())));
  }

  Reply put(String path, JsonObject body) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(body.encode())));
  }

  Reply postBytes(String path, String type, byte[] body) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", type)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  Reply putBytes(String path, String type, byte[] body) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", type)
        .PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  private Reply send(HttpRequest.Builder request) throws Exception {
    HttpResponse<String> r = login.exchange(request.timeout(java.time.Duration.ofSeconds(30)),
        HttpResponse.BodyHandlers.ofString());
    return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
  }

  /** The audit log as an operator reads it: actor, action, target, before, after; oldest first. */
  List<List<String>> audit() throws Exception {
    return await(store.read(c -> {
      List<List<String>> rows = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT actor, action, target, before_json, after_json FROM audit"
              // the office user's own account and logins are the admin area's, not this test's
              + " WHERE action NOT LIKE 'user.%' AND action NOT LIKE 'login%' AND action <> 'logout'"
              + " ORDER BY rowid");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(java.util.Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
              rs.getString(5)));
        }
      }
      return rows;
    }));
  }

  static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws Exception {
    await(server.close());
    await(vertx.close());
    store.close();
  }

  /** The board's sources, which the office never reads. */
  private static final class NoBoard implements WebSources {
    @Override
    public Future<List<JsonObject>> recentEvents(int limit, Set<String> kinds) {
      return Future.succeededFuture(List.of());
    }

    @Override
    public List<DeviceStatus> devices() {
      return List.of();
    }

    @Override
    public JsonObject health() {
      return new JsonObject().put("status", "ok");
    }

    @Override
    public String metrics() {
      return "";
    }

    @Override
    public JsonObject estate() {
      return new JsonObject().put("id", "xihu-haoyuan").put("name", "西湖豪苑");
    }
  }
}
