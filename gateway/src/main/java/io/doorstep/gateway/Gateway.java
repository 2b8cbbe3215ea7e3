package io.doorstep.gateway;

import io.doorstep.gateway.bus.BusCodecs;
import io.doorstep.device.DeviceEvent;
import io.doorstep.device.EventKinds;
import io.doorstep.device.Severity;
import io.doorstep.gateway.access.AccessControl;
import io.doorstep.gateway.alarms.AlarmService;
import io.doorstep.gateway.bus.Addresses;
import io.doorstep.gateway.bus.BusDeviceListener;
import io.doorstep.gateway.bus.PersonsChanged;
import io.doorstep.gateway.charging.ChargingVerticle;
import io.doorstep.gateway.config.DeviceEdits;
import io.doorstep.gateway.config.GatewayConfig;
import io.doorstep.gateway.devices.BoothGpioVerticle;
import io.doorstep.gateway.devices.DeviceCommandRouter;
import io.doorstep.gateway.devices.DeviceEditor;
import io.doorstep.gateway.devices.DeviceRegistry;
import io.doorstep.gateway.devices.SerialLineMetrics;
import io.doorstep.gateway.devices.SerialLinesVerticle;
import io.doorstep.gateway.devices.TerminalLinkVerticle;
import io.doorstep.gateway.doors.DoorService;
import io.doorstep.gateway.doors.DoorTimingEditor;
import io.doorstep.gateway.events.BadInputMonitor;
import io.doorstep.gateway.events.EventLogVerticle;
import io.doorstep.gateway.fire.FireMode;
import io.doorstep.gateway.fire.FireService;
import io.doorstep.gateway.fire.FireTiming;
import io.doorstep.gateway.fire.ResetRequestWatcher;
import io.doorstep.gateway.people.FaceVault;
import io.doorstep.gateway.people.PeopleService;
import io.doorstep.gateway.store.Store;
import io.doorstep.gateway.sync.PersonSyncVerticle;
import io.doorstep.gateway.trends.Trends;
import io.doorstep.gateway.web.tech.RecentLog;
import io.doorstep.gateway.web.tech.TechModule;
import io.doorstep.gateway.web.tech.TechParts;
import io.doorstep.gateway.upstream.UpstreamVerticle;
import io.doorstep.gateway.store.StoreException;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: opens the store, starts the broker link, the domain services and the
 * page, and wires them with the addresses of {@link Addresses}. Nothing else knows how the
 * parts are put together.
 */
public final class Gateway implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Gateway.class);
  public static final String DB_FILE = "doorstep.db";
  /** How long start-up waits for the broker link to serve before it goes on without it. */
  static final long TERMINALS_READY_LIMIT_MS = 3_000;

  private final GatewayConfig config;
  private final Vertx vertx;
  private final PrometheusMeterRegistry metrics;
  private final Store store;
  private final AutoCloseable broker;
  private DeviceRegistry registry;
  private FaceVault faces;
  private PeopleService people;
  private PersonSyncVerticle sync;
  private AccessControl access;
  private TerminalLinkVerticle terminals;
  private SerialLinesVerticle serialLines;
  private UpstreamVerticle upstream;
  private TechModule techConsole;
  private List<DeviceEdits.Edit> keptEdits = List.of();
  private Map<String, Map<String, Integer>> keptDoorTimings = Map.of();
  private final Restarts restarts = new Restarts();
  private Map<String, String> portStandIns = Map.of();
  private GatewayWeb web;

  private Gateway(GatewayConfig config, Vertx vertx, PrometheusMeterRegistry metrics, Store store, AutoCloseable broker) {
    this.config = config;
    this.vertx = vertx;
    this.metrics = metrics;
    this.store = store;
    this.broker = broker;
  }

  /** Starts everything; returns once the page answers. Blocking: call from {@code main}. */
  public static Gateway start(GatewayConfig config) throws StartupException {
    return start(config, Map.of());
  }

  /**
   * As {@link #start(GatewayConfig)}, with serial ports standing in for those the files name (the
   * demo's pseudo-terminals): the lines keep the files' ports everywhere but where they are opened.
   */
  public static Gateway start(GatewayConfig config, Map<String, String> portStandIns) throws StartupException {
    try {
      Files.createDirectories(config.dataDir());
    } catch (IOException e) {
      throw new StartupException("cannot create the data directory " + config.dataDir() + ": " + e.getMessage(), e);
    }
    // Small pools: the target is a Raspberry Pi, and the work is I/O-bound.
    Vertx vertx = Vertx.vertx(new VertxOptions()
        .setEventLoopPoolSize(Math.min(4, Runtime.getRuntime().availableProcessors()))
        .setWorkerPoolSize(4)
        .setInternalBlockingPoolSize(4));
    BusCodecs.registerAll(vertx.eventBus());
    PrometheusMeterRegistry metrics = newMetrics();
    Store store = null;
    AutoCloseable broker = null;
    try {
      store = Store.open(vertx, config.dataDir().resolve(DB_FILE));
      store.bindMetrics(metrics);
      broker = config.broker().embedded() ? EmbeddedBrokerStarter.start(config.broker()) : null;
      // Devices changed on the technician console are laid over the file before anything reads it.
      DeviceEditor.Start edited = DeviceEditor.startingEstate(store, config.sourceFile(), config.estate());
      Gateway gateway = new Gateway(config.withEstate(edited.estate()), vertx, metrics, store, broker);
      gateway.portStandIns = Map.copyOf(portStandIns);
      gateway.keptEdits = edited.edits();
      gateway.keptDoorTimings = DoorTimingEditor.kept(store, config.estate());
      await(gateway.deploy());
      return gateway;
    } catch (StoreException e) {
      closeQuietly(broker, store, vertx);
      throw new StartupException("cannot open the store: " + e.getMessage(), e);
    } catch (IOException e) {
      closeQuietly(broker, store, vertx);
      throw new StartupException("cannot read a key file: " + e.getMessage(), e);
    } catch (StartupException e) {
      closeQuietly(broker, store, vertx);
      throw e;
    } catch (RuntimeException e) {
      closeQuietly(broker, store, vertx);
      throw new StartupException("start-up failed: " + e.getMessage(), e);
    }
  }

  private Future<Void> deploy() throws IOException {
    DoorTimingEditor doorTimings = new DoorTimingEditor(vertx, store, config.estate(), keptDoorTimings);
    access = AccessControl.create(vertx, store, config.estate(), doorTimings.timings(), config.dataDir(), metrics);
    faces = new FaceVault(vertx, store, config.dataDir());
    people = new PeopleService(vertx, store, faces, config.estate(), config.estate().timeZone());
    registry = new DeviceRegistry(store, config.estate(), config.devices(), metrics);
    sync = new PersonSyncVerticle(store, config.estate(), access.scope(), faces, registry, metrics);
    terminals = new TerminalLinkVerticle(config.broker(), config.estate(), new BusDeviceListener(vertx.eventBus()), metrics);
    serialLines = new SerialLinesVerticle(config.estate(), portStandIns, config.devices().heartbeatIntervalS() * 1000L,
        new SerialLineMetrics(metrics));
    upstream = new UpstreamVerticle(store, config.upstream(), config.estate(), registry, metrics, people);
    FireMode fire = new FireMode(config.estate());
    Trends trends = new Trends(() -> {
      UpstreamVerticle.Status u = upstream.status();
      return u == null ? -1 : u.waitingAlarms() + u.waitingRoutine();
    });
    serialLines.onStats(trends::lineSampled);
    DeviceEditor editor = new DeviceEditor(vertx, config.sourceFile(), store, registry, terminals, fire, keptEdits,
        config.estate());
    techConsole = new TechModule(new TechParts(config, store, registry, serialLines, trends, RecentLog.install(),
        editor, doorTimings, restarts));
    // A missing or exposed face key stops start-up here, before any device is served.
    return faces.unlock()
        .compose(v -> vertx.deployVerticle(new EventLogVerticle(store, metrics)))
        .compose(id -> vertx.deployVerticle(new BadInputMonitor(metrics)))
        .compose(id -> vertx.deployVerticle(registry))
        .compose(id -> vertx.deployVerticle(access.verticle()))
        .compose(id -> vertx.deployVerticle(new DeviceCommandRouter(config.estate())))
        // Before any driver: a fire source reporting at start-up must find fire mode listening.
        .compose(id -> vertx.deployVerticle(new FireService(store, config.estate(), fire, FireTiming.DEFAULT)))
        .compose(id -> vertx.deployVerticle(new ResetRequestWatcher(config.dataDir())))
        .compose(id -> vertx.deployVerticle(new AlarmService(store, config.estate(), fire)))
        .compose(id -> vertx.deployVerticle(new DoorService(store, config.estate(), fire, doorTimings.timings())))
        // Before the lines: the first reading of a pile must find the safety rules listening.
        .compose(id -> vertx.deployVerticle(new ChargingVerticle(store, config.estate(), fire)))
        .compose(id -> vertx.deployVerticle(sync))
        .compose(id -> vertx.deployVerticle(terminals))
        .compose(id -> terminals.firstAttempt(TERMINALS_READY_LIMIT_MS))
        .compose(id -> vertx.deployVerticle(serialLines))
        .compose(id -> vertx.deployVerticle(new BoothGpioVerticle(config.estate(), config.devices(), doorTimings.timings(),
            new BusDeviceListener(vertx.eventBus()), metrics)))
        // Last of the services: it forwards what the others record, and never holds them up.
        .compose(id -> vertx.deployVerticle(upstream))
        .compose(id -> vertx.deployVerticle(trends))
        .compose(id -> GatewayWeb.start(vertx, config, store, registry, terminals, serialLines, upstream, metrics,
            people, sync, access, techConsole))
        .map(w -> {
          web = w;
          vertx.eventBus().send(Addresses.EVENT_RECORD, DeviceEvent.of("gateway", EventKinds.GATEWAY_STARTED,
              Severity.INFO, new JsonObject().put("estate", config.estate().id())));
          log.info("Doorstep is up: {} devices configured, page on http://{}:{}/", config.estate().devices().size(),
              config.web().bind(), w.port());
          return null;
        });
  }

  public Vertx vertx() {
    return vertx;
  }

  public Store store() {
    return store;
  }

  public int webPort() {
    return web.port();
  }

  public PeopleService people() {
    return people;
  }

  public PersonSyncVerticle sync() {
    return sync;
  }

  public DeviceRegistry devices() {
    return registry;
  }

  /** Decisions, access lists, visitor passes and the person lists' scope. */
  public AccessControl access() {
    return access;
  }

  /** The console's way to restart the gateway; the launcher hands over how the process leaves. */
  public Restarts restarts() {
    return restarts;
  }

  /** The persons table changed: whoever caches persons reloads. */
  public void personsChanged() {
    vertx.eventBus().publish(Addresses.PERSONS_CHANGED, PersonsChanged.all());
  }

  @Override
  public void close() {
    try {
      await(vertx.close());
    } catch (StartupException e) {
      log.warn("stopping: {}", e.getMessage());
    }
    closeQuietly(broker, store);
    metrics.close();
  }


  private static PrometheusMeterRegistry newMetrics() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    return registry;
  }

  private static <T> T await(Future<T> future) throws StartupException {
    try {
      return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new StartupException(e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StartupException("interrupted", e);
    } catch (TimeoutException e) {
      throw new StartupException("timed out", e);
    }
  }

  private static void closeQuietly(Object... resources) {
    for (Object r : resources) {
      try {
        if (r instanceof Vertx v) {
          v.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } else if (r instanceof AutoCloseable c) {
          c.close();
        }
      } catch (Exception e) {
        log.debug("closing {} failed: {}", r, e.getMessage());
      }
    }
  }
}
