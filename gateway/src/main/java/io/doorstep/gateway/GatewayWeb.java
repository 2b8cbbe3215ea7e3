package io.doorstep.gateway;

import io.doorstep.drivers.modbus.LineStats;
import io.doorstep.drivers.mqtt.MqttLinkStats;
import io.doorstep.gateway.access.AccessControl;
import io.doorstep.gateway.config.GatewayConfig;
import io.doorstep.gateway.devices.DeviceRegistry;
import io.doorstep.gateway.devices.DeviceStatus;
import io.doorstep.gateway.devices.SerialLinesVerticle;
import io.doorstep.gateway.devices.TerminalLinkVerticle;
import io.doorstep.gateway.people.PeopleService;
import io.doorstep.gateway.store.Store;
import io.doorstep.gateway.store.StoreHealth;
import io.doorstep.gateway.store.StoredEvent;
import io.doorstep.gateway.sync.PersonSyncVerticle;
import io.doorstep.gateway.upstream.UpstreamVerticle;
import io.doorstep.gateway.web.WebServer;
import io.doorstep.gateway.web.WebModule;
import io.doorstep.gateway.web.WebSources;
import io.doorstep.gateway.web.board.BoardModule;
import io.doorstep.gateway.web.office.OfficeModule;
import io.doorstep.gateway.web.tech.TechModule;
import io.doorstep.gateway.web.auth.Accounts;
import io.doorstep.gateway.web.auth.AdminModule;
import io.doorstep.gateway.web.auth.Role;
import io.doorstep.gateway.web.auth.SessionPolicy;
import io.doorstep.gateway.web.auth.WebAuth;
import io.doorstep.gateway.web.tls.GatewayCertificate;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemKeyCertOptions;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Feeds the page from the gateway's parts; the web package itself knows none of them. */
final class GatewayWeb implements WebSources {
  private final GatewayConfig config;
  private final Store store;
  private final DeviceRegistry registry;
  private final TerminalLinkVerticle terminals;
  private final SerialLinesVerticle serialLines;
  private final UpstreamVerticle upstream;
  private final PrometheusMeterRegistry metrics;
  private WebServer server;

  private GatewayWeb(GatewayConfig config, Store store, DeviceRegistry registry, TerminalLinkVerticle terminals,
      SerialLinesVerticle serialLines, UpstreamVerticle upstream, PrometheusMeterRegistry metrics) {
    this.config = config;
    this.store = store;
    this.registry = registry;
    this.terminals = terminals;
    this.serialLines = serialLines;
    this.upstream = upstream;
    this.metrics = metrics;
  }

  static Future<GatewayWeb> start(Vertx vertx, GatewayConfig config, Store store, DeviceRegistry registry,
      TerminalLinkVerticle terminals, SerialLinesVerticle serialLines, UpstreamVerticle upstream,
      PrometheusMeterRegistry metrics, PeopleService people, PersonSyncVerticle sync, AccessControl access,
      TechModule techConsole) {
    GatewayWeb web = new GatewayWeb(config, store, registry, terminals, serialLines, upstream, metrics);
    WebAuth auth = new WebAuth(vertx, new Accounts(vertx, store), sessionPolicy(config.web().sessions()), metrics);
    List<WebModule> modules = new ArrayList<>();
    modules.add(new BoardModule(config.estate()));
    modules.add(new OfficeModule(people, sync::personStates, access.passes(), config.estate(), store));
    modules.add(techConsole);
    modules.add(new AdminModule(auth.accounts(), store));
    return vertx.executeBlocking(() -> listen(config))
        .compose(listen -> WebServer.start(vertx, listen, web, auth, modules))
        .compose(s -> {
          web.server = s;
          return auth.announceSetup("http://" + urlHost(config.web().bind()) + ":" + s.actualPort());
        })
        .map(link -> web);
  }

  /** HTTPS with the owner's certificate, or the gateway's own, made on the first start. Blocking. */
  private static WebServer.Listen listen(GatewayConfig config) throws java.io.IOException {
    GatewayConfig.WebConfig web = config.web();
    if (web.https() == null) {
      return new WebServer.Listen(web.bind(), web.port(), null);
    }
    GatewayConfig.WebHttps https = web.https();
    PemKeyCertOptions pem;
    if (https.certFile() != null) {
      pem = new PemKeyCertOptions().setCertPath(https.certFile().toString()).setKeyPath(https.keyFile().toString());
    } else {
      GatewayCertificate.PemFiles made = GatewayCertificate.ensure(config.dataDir(), https.hostNames());
      pem = new PemKeyCertOptions().setCertPath(made.cert().toString()).setKeyPath(made.key().toString());
    }
    return new WebServer.Listen(web.bind(), web.port(), new WebServer.Https(https.bind(), https.port(), pem));
  }

  private static SessionPolicy sessionPolicy(GatewayConfig.SessionIdle idle) {
    Map<Role, Long> ms = new EnumMap<>(Role.class);
    ms.put(Role.GUARD, idle.guardMinutes() * 60_000L);
    ms.put(Role.TECHNICIAN, idle.technicianMinutes() * 60_000L);
    ms.put(Role.OFFICE, idle.officeMinutes() * 60_000L);
    ms.put(Role.ADMIN, idle.adminMinutes() * 60_000L);
    return new SessionPolicy(ms);
  }

  private static String urlHost(String bind) {
    return bind.contains(":") ? "[" + bind + "]" : bind;
  }

  int port() {
    return server.actualPort();
  }

  @Override
  public Future<List<JsonObject>> recentEvents(int limit, Set<String> kinds) {
    return store.recentEvents(limit, kinds)
        .map(events -> events.stream().map(GatewayWeb::toJson).toList());
  }

  @Override
  public List<DeviceStatus> devices() {
    return registry.snapshot();
  }

  @Override
  public JsonObject health() {
    StoreHealth s = store.health();
    MqttLinkStats link = terminals.linkStats();
    // Connected is not enough: until the broker has confirmed the subscriptions, terminals go unheard.
    boolean brokerUp = terminals.serving();
    List<DeviceStatus> devices = registry.snapshot();
    long online = devices.stream().filter(DeviceStatus::online).count();
    JsonArray lines = new JsonArray();
    boolean linesUp = true;
    for (LineStats line : serialLines.lineStats()) {
      linesUp &= line.open();
      lines.add(new JsonObject().put("id", line.lineId()).put("open", line.open())
          .put("utilisation", line.utilisation()).put("timeouts", line.timeouts()).put("crcErrors", line.crcErrors()));
    }
    return new JsonObject()
        .put("status", s.ok() && brokerUp && linesUp ? "ok" : "degraded")
        .put("store", new JsonObject()
            .put("ok", s.ok())
            .put("queued", s.queued())
            .put("lastCommitMs", s.lastCommitMs())
            .put("lastError", s.lastError()))
        .put("broker", new JsonObject()
            .put("connected", brokerUp)
            .put("url", link == null ? config.broker().connectUrl() : link.url())
            .put("lastError", link == null ? null : link.lastError()))
        .put("devices", new JsonObject().put("total", devices.size()).put("online", online))
        .put("lines", lines)
        .put("upstream", upstreamHealth());
  }

  /** Null when upstream is off; a link that is down makes the gateway degraded no more than a slow platform would. */
  private JsonObject upstreamHealth() {
    UpstreamVerticle.Status u = upstream.status();
    if (u == null) {
      return null;
    }
    return new JsonObject()
        .put("connected", u.link().connected())
        .put("url", u.link().url())
        .put("lastError", u.link().lastError())
        .put("waitingAlarms", u.waitingAlarms())
        .put("waitingRoutine", u.waitingRoutine())
        .put("oldestPendingAgeS", u.oldestAgeS())
        .put("sent", u.sent())
        .put("publishRatePerS", Math.round(u.publishRatePerS() * 10) / 10.0)
        .put("dropped", u.dropped())
        .put("refused", u.refused());
  }

  @Override
  public String metrics() {
    return metrics.scrape();
  }

  @Override
  public JsonObject estate() {
    return new JsonObject().put("id", config.estate().id()).put("name", config.estate().name());
  }

  private static JsonObject toJson(StoredEvent e) {
    return e.event().toJson().put("seq", e.seq());
  }
}
