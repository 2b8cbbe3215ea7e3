package io.doorstep.gateway.web;

import io.doorstep.device.CommandResult;
import io.doorstep.device.DeviceCommand;
import io.doorstep.device.DeviceEvent;
import io.doorstep.gateway.alarms.AlarmService;
import io.doorstep.gateway.bus.Addresses;
import io.doorstep.gateway.bus.BusCodecs;
import io.doorstep.gateway.bus.CommandFailures;
import io.doorstep.gateway.config.ConfigLoader;
import io.doorstep.gateway.config.EstateConfig;
import io.doorstep.gateway.devices.DeviceStatus;
import io.doorstep.gateway.doors.DoorService;
import io.doorstep.gateway.doors.DoorTimings;
import io.doorstep.gateway.events.EventLogVerticle;
import io.doorstep.gateway.fire.FireMode;
import io.doorstep.gateway.store.Store;
import io.doorstep.gateway.web.auth.Role;
import io.doorstep.gateway.web.board.BoardModule;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The board's server on the reference estate with the real store (a SQLite file), event log,
 * alarm service and door service; only the devices are stand-ins: each answers a command as its
 * driver would (accepted, or a chosen failure) and remembers it. The page's user is the test user
 * the conventions attach until the session check exists.
 */
final class BoardRig implements AutoCloseable {
  static final String USER = "王保安";
  static final Path ESTATE = Path.of("..", "config", "estates", "xihu-haoyuan.yaml");

  final Vertx vertx;
  final Store store;
  final EstateConfig estate;
  final WebServer server;
  /** Every command a device received, in order. */
  final List<DeviceCommand> commands = new CopyOnWriteArrayList<>();
  /** Devices that never answer (their driver times out); the rest accept. */
  final Set<String> silent = java.util.concurrent.ConcurrentHashMap.newKeySet();
  /** What the registry would say; the test fills it. */
  final List<DeviceStatus> devices;
  /** The guard {@link #USER}, logged in over HTTP. */
  WebLogin guard;

  private BoardRig(Vertx vertx, Store store, EstateConfig estate, WebServer server, List<DeviceStatus> devices) {
    this.vertx = vertx;
    this.store = store;
    this.estate = estate;
    this.server = server;
    this.devices = devices;
  }

  static BoardRig start(Path dir) throws Exception {
    EstateConfig estate = ConfigLoader.loadEstate(ESTATE);
    Vertx vertx = Vertx.vertx();
    BusCodecs.registerAll(vertx.eventBus());
    Store store = Store.open(vertx, dir.resolve("doorstep.db"));
    FireMode fire = new FireMode(estate);
    WebTestSupport.await(vertx.deployVerticle(new EventLogVerticle(store, new SimpleMeterRegistry())));
    WebTestSupport.await(vertx.deployVerticle(new AlarmService(store, estate, fire)));
    WebTestSupport.await(vertx.deployVerticle(new DoorService(store, estate, fire, DoorTimings.fromFile(estate))));
    List<DeviceStatus> devices = new CopyOnWriteArrayList<>();
    List<WebModule> modules = List.of(new BoardModule(estate));
    WebServer server = WebTestSupport.await(WebServer.start(vertx, new WebServer.Listen("127.0.0.1", 0, null),
        new StoreSources(store, devices, estate), WebTestSupport.auth(vertx, store), modules));
    WebLogin.createUser(vertx, store, USER, Role.GUARD);
    BoardRig rig = new BoardRig(vertx, store, estate, server, devices);
    rig.guard = WebLogin.login(server.actualPort(), USER, WebLogin.PASSWORD);
    vertx.eventBus().<DeviceCommand>consumer(Addresses.DEVICE_COMMAND, m -> {
      rig.commands.add(m.body());
      if (rig.silent.contains(m.body().device())) {
        m.fail(CommandFailures.DEVICE_TIMEOUT, "no acknowledgement from " + m.body().device());
      } else {
        m.reply(CommandResult.accepted());
      }
    });
    return rig;
  }

  int port() {
    return server.actualPort();
  }

  /** Stores an event as a driver's report would be, and returns it. */
  DeviceEvent record(DeviceEvent event) {
    vertx.eventBus().send(Addresses.EVENT_RECORD, event);
    return event;
  }

  /** The actors of the audit rows with this action and target. */
  List<String> auditActors(String action, String target) throws Exception {
    return WebTestSupport.await(store.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT actor FROM audit WHERE action = ? AND target = ?")) {
        ps.setString(1, action);
        ps.setString(2, target);
        try (ResultSet rs = ps.executeQuery()) {
          List<String> actors = new ArrayList<>();
          while (rs.next()) {
            actors.add(rs.getString(1));
          }
          return actors;
        }
      }
    }));
  }

  @Override
  public void close() throws Exception {
    WebTestSupport.await(server.close());
    store.close();
    WebTestSupport.await(vertx.close());
  }

  /** What the page reads, from the real store; devices as the test sets them. */
  private record StoreSources(Store store, List<DeviceStatus> devices, EstateConfig config) implements WebSources {
    @Override
    public Future<List<JsonObject>> recentEvents(int limit, Set<String> kinds) {
      return store.recentEvents(limit, kinds)
          .map(events -> events.stream().map(e -> e.event().toJson().put("seq", e.seq())).toList());
    }

    @Override
    public List<DeviceStatus> devices() {
      return List.copyOf(devices);
    }

    @Override
    public JsonObject health() {
      long online = devices.stream().filter(DeviceStatus::online).count();
      return new JsonObject().put("status", "ok")
          .put("store", new JsonObject().put("ok", store.health().ok()).put("queued", store.health().queued()))
          .put("broker", new JsonObject().put("connected", true))
          .put("devices", new JsonObject().put("total", devices.size()).put("online", online))
          .put("upstream", new JsonObject().put("connected", true).put("waitingAlarms", 0).put("waitingRoutine", 12)
              .put("oldestPendingAgeS", 3).put("sent", 48_210).put("publishRatePerS", 6.4).put("dropped", 0));
    }

    @Override
    public String metrics() {
      return "";
    }

    @Override
    public JsonObject estate() {
      return new JsonObject().put("id", config.id()).put("name", config.name());
    }
  }
}
