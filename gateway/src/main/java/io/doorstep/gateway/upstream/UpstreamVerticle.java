package io.doorstep.gateway.upstream;

import io.doorstep.device.DeviceEvent;
import io.doorstep.device.EventKinds;
import io.doorstep.device.Severity;
import io.doorstep.drivers.mqtt.MqttLink;
import io.doorstep.drivers.mqtt.MqttLinkOptions;
import io.doorstep.drivers.mqtt.MqttLinkStats;
import io.doorstep.drivers.mqtt.MqttTls;
import io.doorstep.gateway.bus.Addresses;
import io.doorstep.gateway.charging.SafetyLimits;
import io.doorstep.gateway.config.EstateConfig;
import io.doorstep.gateway.config.GatewayConfig.UpstreamConfig;
import io.doorstep.gateway.devices.DeviceRegistry;
import io.doorstep.gateway.devices.DeviceStatus;
import io.doorstep.gateway.people.PeopleService;
import io.doorstep.gateway.store.Store;
import io.doorstep.gateway.upstream.codec.AttributeUpdate;
import io.doorstep.gateway.upstream.codec.AttributesRequest;
import io.doorstep.gateway.upstream.codec.AttributesResponse;
import io.doorstep.gateway.upstream.codec.DeviceConnect;
import io.doorstep.gateway.upstream.codec.DeviceDisconnect;
import io.doorstep.gateway.upstream.codec.MalformedMessageException;
import io.doorstep.gateway.upstream.codec.RpcReply;
import io.doorstep.gateway.upstream.codec.RpcRequest;
import io.doorstep.gateway.upstream.codec.TelemetryBatches;
import io.doorstep.gateway.upstream.codec.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards the event log to the property company's platform over the ThingsBoard gateway API:
 * the outbox drained in order, alarms first; devices announced as they come and go; the
 * gateway's own health and any dropped events reported on the gateway's own telemetry. Takes
 * the platform's RPC requests and shared-attribute changes, each answered ({@link PlatformCommands},
 * {@link PlatformAttributes}). With upstream off it only makes sure nothing is queued.
 */
public final class UpstreamVerticle extends VerticleBase {
  private static final Logger log = LoggerFactory.getLogger(UpstreamVerticle.class);
  /** Events read from the outbox at once; a 64 KiB body holds a few hundred. */
  private static final int READ_LIMIT = 500;
  static final long HEALTH_EVERY_MS = 60_000;
  static final long ENFORCE_EVERY_MS = 60_000;
  static final long BACKLOG_SAMPLE_MS = 5_000;
  static final long LINK_CHECK_MS = 500;
  /** How MqttLink words a refusal, as opposed to a broker that is away. */
  private static final java.util.regex.Pattern REFUSALS =
      java.util.regex.Pattern.compile("^(not authorised|certificate not trusted|hostname mismatch)");

  private final Store store;
  private final UpstreamConfig config;
  private final EstateConfig estate;
  private final DeviceRegistry registry;
  private final MeterRegistry metrics;
  private final PeopleService people;
  private final long startedMs = System.currentTimeMillis();
  private final AtomicLong refusedEvents = new AtomicLong();
  /** Routine events dropped from a full or too old backlog since start. */
  private final AtomicLong droppedEvents = new AtomicLong();
  /** Events acknowledged per second over the last backlog sample, for the board's status strip. */
  private volatile double publishRate;
  private long rateSentAt = -1;
  private long rateSampledMs;
  private volatile OutboxRows.Backlog backlog = new OutboxRows.Backlog(0, 0, 0);
  private final OncePerMinute warnings = new OncePerMinute(log);
  private MqttLink link;
  private OutboxDrain drain;
  private PlatformCommands commands;
  private PlatformAttributes attributes;
  private Counter rpcMalformed;
  private Counter attributesMalformed;
  private Counter responsesMalformed;
  private final AttributeRequests requests = new AttributeRequests();
  private boolean wasUp;
  /** The connection (the link's count of connects) on which the platform was last asked for attributes. */
  private long askedOnConnect;
  /** The refusal last raised as an alarm, so that one refusal is one alarm, not one per retry. */
  private String refusal;

  public UpstreamVerticle(Store store, UpstreamConfig config, EstateConfig estate, DeviceRegistry registry,
      MeterRegistry metrics, PeopleService people) {
    this.store = store;
    this.config = config;
    this.estate = estate;
    this.registry = registry;
    this.metrics = metrics;
    this.people = people;
  }

  @Override
  public Future<?> start() {
    if (!config.enabled()) {
      return store.write(OutboxRows::uninstall);
    }
    link = new MqttLink(vertx, linkOptions(config));
    drain = new OutboxDrain(store, new LinkPublisher(), new EventBatcher(this::refused), config.maxInFlight(),
        READ_LIMIT);
    commands = new PlatformCommands(vertx.eventBus(), store, new RpcCheck(estate, config.rpc()),
        new PlatformPeople(people, estate.timeZone()));
    attributes = new PlatformAttributes(vertx.eventBus(), store, estate, config.rpc(), this::reportAttributes);
    registerMetrics();
    // Before the link starts: the link subscribes on every connect, the first one included.
    link.subscribe(Topics.RPC, Topics.QOS, (topic, body) -> onRpc(body));
    link.subscribe(Topics.ATTRIBUTES, Topics.QOS, (topic, body) -> onAttributes(body));
    link.subscribe(Topics.ATTRIBUTES_RESPONSE, Topics.QOS, (topic, body) -> onAttributesResponse(body));
    return store.write(OutboxRows::install).compose(v -> link.start()).compose(v -> {
      vertx.eventBus().<DeviceEvent>consumer(Addresses.EVENT_STORED, m -> drain.pump());
      vertx.eventBus().<DeviceStatus>consumer(Addresses.DEVICE_STATUS, m -> announce(m.body()));
      vertx.setPeriodic(LINK_CHECK_MS, id -> checkLink());
      vertx.setPeriodic(BACKLOG_SAMPLE_MS, id -> sampleBacklog());
      vertx.setPeriodic(ENFORCE_EVERY_MS, id -> enforceBounds());
      vertx.setPeriodic(HEALTH_EVERY_MS, id -> reportHealth());
      sampleBacklog();
      enforceBounds();
      log.info("upstream: forwarding to {}", config.url());
      return Future.succeededFuture();
    });
  }

  @Override
  public Future<?> stop() {
    return link == null ? Future.succeededFuture() : link.stop();
  }

  /** The link's state and what waits, readable from any thread; null when upstream is off. */
  public Status status() {
    if (link == null) {
      return null;
    }
    OutboxRows.Backlog b = backlog;
    long now = System.currentTimeMillis();
    return new Status(link.stats(), b.alarms(), b.routine(), b.oldestTs() == 0 ? 0 : (now - b.oldestTs()) / 1000,
        drain.sent(), publishRate, droppedEvents.get(), refusedEvents.get());
  }

  /**
   * @param oldestAgeS seconds the oldest waiting event has waited, 0 when none waits
   * @param sent events acknowledged by the platform's broker since start
   * @param publishRatePerS events acknowledged per second over the last few seconds
   * @param dropped routine events dropped from a full or too old backlog since start
   * @param refused events the platform's format cannot carry, removed since start
   */
  public record Status(MqttLinkStats link, long waitingAlarms, long waitingRoutine, long oldestAgeS, long sent,
      double publishRatePerS, long dropped, long refused) {}

  static MqttLinkOptions linkOptions(UpstreamConfig config) {
    MqttLinkOptions options = config.tls() == null
        ? MqttLinkOptions.of(config.url(), config.clientId())
        : MqttLinkOptions.of(config.url(), config.clientId(), tls(config));
    return config.accessToken() == null ? options : options.withAccessToken(config.accessToken());
  }

  private static MqttTls tls(UpstreamConfig config) {
    MqttTls tls = MqttTls.trusting(config.tls().caFile());
    return config.tls().clientCertFile() == null ? tls
        : tls.withClientCertificate(config.tls().clientCertFile(), config.tls().clientKeyFile());
  }

  /**
   * On the link coming up: every online device is announced, and what waits goes; once the
   * broker confirmed the subscriptions (so the answers reach the gateway), the platform is asked
   * for the shared attributes it may have changed while the link was down.
   */
  private void checkLink() {
    boolean up = link.connected();
    if (!up) {
      noticeRefusal(link.stats().lastError());
    }
    // Once per connection, also when the link dropped and came back between two looks.
    long connects = link.stats().connects();
    if (up && askedOnConnect != connects && link.subscribed()) {
      askedOnConnect = connects;
      askSharedAttributes();
    }
    if (up == wasUp) {
      return;
    }
    wasUp = up;
    drain.rewind();
    if (up) {
      if (refusal != null) {
        refusal = null;
        record(EventKinds.UPSTREAM_CONNECTED, Severity.INFO, new JsonObject().put("url", config.url()));
      }
      registry.snapshot().stream().filter(DeviceStatus::online).forEach(this::announce);
      reportDrops();
      drain.pump();
    }
  }

  /**
   * A broker that answers but refuses (token, certificate, host name) will not let the gateway in
   * by retrying: a person must act, so it is an alarm. A broker that is merely away is not.
   */
  private void noticeRefusal(String error) {
    if (error == null || refusal != null || !REFUSALS.matcher(error).find()) {
      return;
    }
    refusal = error;
    log.error("upstream: the platform's broker {} refuses the gateway: {}", config.url(), error);
    record(EventKinds.UPSTREAM_REFUSED, Severity.ALARM, new JsonObject().put("url", config.url()).put("reason", error));
  }

  private void record(String kind, Severity severity, JsonObject payload) {
    vertx.eventBus().send(Addresses.EVENT_RECORD, DeviceEvent.of("gateway", kind, severity, payload));
  }

  private void announce(DeviceStatus status) {
    if (!link.connected()) {
      return; // announced with every online device when the link returns
    }
    byte[] body = status.online()
        ? new DeviceConnect(status.id(), status.type()).encode()
        : new DeviceDisconnect(status.id()).encode();
    link.publish(status.online() ? Topics.CONNECT : Topics.DISCONNECT, body, Topics.QOS, false)
        .onFailure(e -> log.debug("announcing {} upstream failed: {}", status.id(), e.getMessage()));
  }

  /** Every request is answered when it names its device and id; the rest are counted and logged. */
  private void onRpc(byte[] body) {
    if (Echoes.rpcReply(body)) {
      return;
    }
    RpcRequest request;
    try {
      request = RpcRequest.decode(body);
    } catch (MalformedMessageException e) {
      rpcMalformed.increment();
      boolean answerable = e.device() != null && e.id() != null;
      warnings.warn("rpc", "malformed RPC request from the platform" + (answerable ? ", answered: " : ", unanswerable: ")
          + e.getMessage(), System.currentTimeMillis());
      if (answerable) {
        commands.malformed(e.device(), e.id(), e.getMessage()).onSuccess(this::reply);
      }
      return;
    }
    commands.handle(request).onSuccess(this::reply);
  }

  private void reply(RpcReply reply) {
    link.publish(Topics.RPC, reply.encode(), Topics.QOS, false)
        .onFailure(e -> log.warn("reply to RPC {} of {} not sent: {}", reply.id(), reply.device(), e.getMessage()));
  }

  private void onAttributes(byte[] body) {
    if (Echoes.clientAttributes(body)) {
      return;
    }
    try {
      attributes.handle(AttributeUpdate.decode(body));
    } catch (MalformedMessageException e) {
      attributesMalformed.increment();
      if (e.device() != null) {
        attributes.malformed(e.device(), e.getMessage());
      } else {
        warnings.warn("attributes", "malformed attribute update from the platform: " + e.getMessage(),
            System.currentTimeMillis());
      }
    }
  }

  /** Each pile's limits, where the platform may change them at all (as for pushed attributes). */
  private void askSharedAttributes() {
    if (!config.rpc().allows(RpcCheck.SET_LIMITS)) {
      return;
    }
    List<String> piles = estate.devicesOfType(EstateConfig.CHARGING_PILE).stream().map(EstateConfig.Device::id)
        .toList();
    requests.ask(piles, SafetyLimits.keys()).forEach(this::ask);
  }

  private void ask(AttributesRequest request) {
    link.publish(Topics.ATTRIBUTES_REQUEST, request.encode(), Topics.QOS, false)
        .onFailure(e -> log.warn("shared attributes of {} not asked for: {}", request.device(), e.getMessage()));
  }

  /** An answer is taken as a pushed update is; one that cannot be is counted and logged, and nothing applied. */
  private void onAttributesResponse(byte[] body) {
    AttributeRequests.Answer answer;
    try {
      answer = requests.answer(AttributesResponse.decode(body));
    } catch (MalformedMessageException e) {
      answer = new AttributeRequests.Answer.Unexpected("malformed " + e.getMessage());
    }
    if (answer instanceof AttributeRequests.Answer.Apply apply) {
      attributes.answered(apply.update());
    } else if (answer instanceof AttributeRequests.Answer.AskAgain again) {
      log.info("the platform answered one value for the {} limits asked of {}: asking for each alone",
          again.requests().size(), again.requests().get(0).device());
      again.requests().forEach(this::ask);
    } else if (answer instanceof AttributeRequests.Answer.Unexpected unexpected) {
      responsesMalformed.increment();
      warnings.warn("response", "attributes response from the platform ignored: " + unexpected.why(),
          System.currentTimeMillis());
    }
  }

  /** A device's client attributes, as the platform shows them beside the shared ones it set. */
  private void reportAttributes(String device, JsonObject values) {
    byte[] body = new JsonObject().put(device, values).encode().getBytes(StandardCharsets.UTF_8);
    link.publish(Topics.ATTRIBUTES, body, Topics.QOS, false)
        .onFailure(e -> log.warn("attributes of {} not reported: {}", device, e.getMessage()));
  }

  private void refused(List<TelemetryBatches.Refused> refused) {
    refused.forEach(r -> log.error("event {} of {} cannot go upstream: {}", r.event().eventId(), r.event().device(),
        r.reason()));
    refusedEvents.addAndGet(refused.size());
    List<String> ids = refused.stream().map(r -> r.event().eventId()).toList();
    store.write(c -> OutboxRows.remove(c, ids))
        .onFailure(e -> log.error("refused events not removed from the outbox: {}", e.getMessage()));
  }

  private void sampleBacklog() {
    store.read(OutboxRows::backlog).onSuccess(b -> backlog = b);
    sampleRate();
  }

  /** Runs on the verticle's event loop only, so the previous sample needs no lock. */
  private void sampleRate() {
    long now = System.currentTimeMillis();
    long sent = drain.sent();
    if (rateSentAt >= 0 && now > rateSampledMs) {
      publishRate = (sent - rateSentAt) * 1000.0 / (now - rateSampledMs);
    }
    rateSentAt = sent;
    rateSampledMs = now;
  }

  private void enforceBounds() {
    long now = System.currentTimeMillis();
    long oldestAllowed = now - config.backlog().maxAgeDays() * 86_400_000L;
    store.write(c -> OutboxRows.enforce(c, config.backlog().maxEvents(), oldestAllowed, now))
        .onSuccess(dropped -> {
          droppedEvents.addAndGet(dropped);
          if (dropped > 0) {
            log.warn("upstream backlog full: {} routine events dropped, oldest first; the platform is told", dropped);
          }
        })
        .onFailure(e -> log.error("upstream backlog bounds not kept: {}", e.getMessage()));
  }

  /** The gateway's own telemetry: what waits, and since when. */
  private void reportHealth() {
    if (!link.connected()) {
      return;
    }
    Status s = status();
    JsonObject values = new JsonObject()
        .put("uptimeS", (System.currentTimeMillis() - startedMs) / 1000)
        .put("backlogAlarms", s.waitingAlarms()).put("backlogRoutine", s.waitingRoutine())
        .put("oldestPendingAgeS", s.oldestAgeS()).put("sent", s.sent())
        .put("devicesOnline", registry.snapshot().stream().filter(DeviceStatus::online).count());
    link.publish(Topics.OWN_TELEMETRY, values.encode().getBytes(StandardCharsets.UTF_8), Topics.QOS, false);
    reportDrops();
  }

  /** Drops are told once acknowledged, and only then forgotten. */
  private void reportDrops() {
    store.read(OutboxRows::drops).onSuccess(drops -> {
      if (drops.isEmpty() || !link.connected()) {
        return;
      }
      JsonObject body = new JsonObject().put("droppedEvents", new JsonObject(Map.copyOf(drops)));
      link.publish(Topics.OWN_TELEMETRY, body.encode().getBytes(StandardCharsets.UTF_8), Topics.QOS, false)
          .compose(v -> store.write(c -> OutboxRows.reported(c, drops)))
          .onFailure(e -> log.debug("drops not reported yet: {}", e.getMessage()));
    });
  }

  private void registerMetrics() {
    Gauge.builder("doorstep.upstream.connected", this, v -> v.link.connected() ? 1 : 0)
        .description("1 while the link to the platform is up").register(metrics);
    Gauge.builder("doorstep.upstream.backlog", this, v -> v.backlog.alarms()).tag("lane", "alarms")
        .description("events waiting to go upstream").register(metrics);
    Gauge.builder("doorstep.upstream.backlog", this, v -> v.backlog.routine()).tag("lane", "routine")
        .register(metrics);
    Gauge.builder("doorstep.upstream.oldest.pending.age.seconds", this, v -> {
      long oldest = v.backlog.oldestTs();
      return oldest == 0 ? 0 : (System.currentTimeMillis() - oldest) / 1000.0;
    }).register(metrics);
    FunctionCounter.builder("doorstep.upstream.sent", this, v -> v.drain.sent())
        .description("events the platform's broker acknowledged").register(metrics);
    FunctionCounter.builder("doorstep.upstream.refused", this, v -> v.refusedEvents.get())
        .description("events too large to travel at all").register(metrics);
    rpcMalformed = Counter.builder("doorstep.upstream.rpc.malformed")
        .description("RPC requests from the platform that could not be read").register(metrics);
    attributesMalformed = Counter.builder("doorstep.upstream.attributes.malformed")
        .description("shared-attribute updates from the platform that could not be read").register(metrics);
    responsesMalformed = Counter.builder("doorstep.upstream.attributes.responses.malformed")
        .description("answers to the gateway's attribute requests that could not be read or placed")
        .register(metrics);
  }

  /** The drain's view of the link. */
  private final class LinkPublisher implements OutboxDrain.Publisher {
    @Override
    public boolean up() {
      return link.connected();
    }

    @Override
    public Future<Void> publish(String topic, byte[] body) {
      return link.publish(topic, body, Topics.QOS, false);
    }
  }
}
