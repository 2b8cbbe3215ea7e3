package io.doorstep.gateway.devices;

import io.doorstep.device.DeviceCommand;
import io.doorstep.device.DeviceListener;
import io.doorstep.gateway.bus.Addresses;
import io.doorstep.gateway.bus.CommandFailures;
import io.doorstep.drivers.faceterminal.FaceTerminalDriver;
import io.doorstep.drivers.faceterminal.FaceTerminalStats;
import io.doorstep.drivers.lane.BarrierDriver;
import io.doorstep.drivers.mqtt.MqttLink;
import io.doorstep.drivers.mqtt.MqttLinkOptions;
import io.doorstep.drivers.mqtt.MqttLinkStats;
import io.doorstep.gateway.config.EstateConfig;
import io.doorstep.gateway.config.GatewayConfig;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The devices on the estate's MQTT broker: owns the link and the drivers that use it, all on
 * this verticle's event loop.
 */
public final class TerminalLinkVerticle extends VerticleBase {
  /** Terminals answer commands within a second or two; a person list of 4 MiB takes longer to apply. */
  static final long ACK_TIMEOUT_MS = 15_000;
  static final long BARRIER_ACK_TIMEOUT_MS = 5_000;
  static final Duration LOCAL_BROKER_MAX_BACKOFF = Duration.ofSeconds(5);

  private final GatewayConfig.BrokerConfig broker;
  private final EstateConfig estate;
  private final DeviceListener listener;
  private final MeterRegistry metrics;
  private MqttLink link;
  private FaceTerminalDriver faceTerminals;
  private BarrierDriver barriers;

  public TerminalLinkVerticle(
      GatewayConfig.BrokerConfig broker, EstateConfig estate, DeviceListener listener, MeterRegistry metrics) {
    this.broker = broker;
    this.estate = estate;
    this.listener = listener;
    this.metrics = metrics;
  }

  @Override
  public Future<?> start() {
    // The estate's broker sits beside the gateway and every door waits on it: knock again at
    // least every 5 s, not at the 30 s a remote peer would get.
    MqttLinkOptions options = MqttLinkOptions.of(broker.connectUrl(), broker.clientId())
        .withCredentials(broker.username(), broker.password())
        .withBackoff(Duration.ofMillis(500), LOCAL_BROKER_MAX_BACKOFF);
    link = new MqttLink(vertx, options);
    faceTerminals = new FaceTerminalDriver(vertx, link, terminalsOf(estate), listener, ACK_TIMEOUT_MS);
    faceTerminals.start();
    vertx.eventBus().<DeviceCommand>consumer(Addresses.deviceCommandsOf(EstateConfig.FACE_TERMINAL), this::onCommand);
    // An arm moves in a few seconds; a lane that has not answered by then will not.
    barriers = new BarrierDriver(vertx, link, lanesOf(estate), listener, BARRIER_ACK_TIMEOUT_MS);
    barriers.start();
    vertx.eventBus().<DeviceCommand>consumer(Addresses.deviceCommandsOf(EstateConfig.BARRIER),
        m -> CommandFailures.reply(m, barriers.execute(m.body())));
    registerMetrics();
    return link.start();
  }

  @Override
  public Future<?> stop() {
    return link == null ? Future.succeededFuture() : link.stop();
  }

  /**
   * The face terminals and barriers of a changed estate, served from their next message on (a
   * barrier added from its retained online message). Safe from any thread.
   */
  public void configure(EstateConfig changed) {
    Map<String, String> terminals = terminalsOf(changed);
    Map<String, String> lanes = lanesOf(changed);
    context.runOnContext(v -> {
      faceTerminals.configure(terminals);
      barriers.configure(lanes);
    });
  }

  private static Map<String, String> lanesOf(EstateConfig estate) {
    Map<String, String> lanes = new HashMap<>();
    estate.devicesOfType(EstateConfig.BARRIER).forEach(d -> lanes.put(d.lane(), d.id()));
    return lanes;
  }

  private static Map<String, String> terminalsOf(EstateConfig estate) {
    Map<String, String> terminals = new HashMap<>();
    estate.devicesOfType(EstateConfig.FACE_TERMINAL).forEach(d -> terminals.put(d.sn(), d.id()));
    return terminals;
  }

  /** Connected and subscribed: terminals' messages reach the gateway. Readable from any thread. */
  public boolean serving() {
    MqttLink l = link;
    return l != null && l.subscribed();
  }

  /**
   * Completes when the link serves, when its first attempt has failed (the broker is away: the
   * gateway does not wait for it), or after {@code limitMs}. Lets start-up report ready only
   * once a terminal's first message would be heard.
   */
  public Future<Void> firstAttempt(long limitMs) {
    io.vertx.core.Promise<Void> done = io.vertx.core.Promise.promise();
    long deadline = System.currentTimeMillis() + limitMs;
    vertx.setPeriodic(20, id -> {
      MqttLinkStats stats = linkStats();
      if (serving() || (stats != null && stats.lastError() != null) || System.currentTimeMillis() > deadline) {
        vertx.cancelTimer(id);
        done.tryComplete();
      }
    });
    return done.future();
  }

  /** The link's state, readable from any thread. */
  public MqttLinkStats linkStats() {
    MqttLink l = link;
    return l == null ? null : l.stats();
  }

  public FaceTerminalDriver faceTerminals() {
    return faceTerminals;
  }

  private void onCommand(Message<DeviceCommand> message) {
    CommandFailures.reply(message, faceTerminals.execute(message.body()));
  }

  private void registerMetrics() {
    Gauge.builder("doorstep.broker.connected", this, v -> v.link.connected() ? 1 : 0)
        .description("1 while the gateway is connected to the estate's broker")
        .register(metrics);
    linkCounter("doorstep.broker.connects", MqttLinkStats::connects);
    linkCounter("doorstep.broker.connection.losses", MqttLinkStats::connectionLosses);
    linkCounter("doorstep.broker.messages.received", MqttLinkStats::received);
    linkCounter("doorstep.broker.messages.published", MqttLinkStats::published);
    linkCounter("doorstep.broker.publish.failures", MqttLinkStats::publishFailures);
    driverCounter("doorstep.faceterminal.verifies", FaceTerminalStats::verifies);
    driverCounter("doorstep.faceterminal.duplicates", FaceTerminalStats::duplicates);
    driverCounter("doorstep.faceterminal.answered", FaceTerminalStats::answered);
    driverCounter("doorstep.faceterminal.undecided", FaceTerminalStats::undecided);
    driverCounter("doorstep.faceterminal.record.messages", FaceTerminalStats::recordMessages);
  }

  private void linkCounter(String name, ToDoubleFunction<MqttLinkStats> f) {
    FunctionCounter.builder(name, this, v -> f.applyAsDouble(v.link.stats())).register(metrics);
  }

  private void driverCounter(String name, ToDoubleFunction<FaceTerminalStats> f) {
    FunctionCounter.builder(name, this, v -> f.applyAsDouble(v.faceTerminals.stats())).register(metrics);
  }
}
