package io.doorstep.gateway.devices;

import io.doorstep.device.DeviceEvent;
import io.doorstep.device.EventKinds;
import io.doorstep.device.Severity;
import io.doorstep.gateway.bus.Addresses;
import io.doorstep.gateway.bus.Presence;
import io.doorstep.gateway.config.EstateConfig;
import io.doorstep.gateway.config.GatewayConfig;
import io.doorstep.gateway.store.Store;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Knows which configured devices are online. A device is online from its {@code online}
 * message or any heartbeat, and offline from its last will or after missing the configured
 * number of heartbeats (a device that sends none, such as a lane's barrier, only from its will). Every change is an event and a {@link DeviceStatus} on the bus.
 */
public final class DeviceRegistry extends VerticleBase {
  private static final Logger log = LoggerFactory.getLogger(DeviceRegistry.class);

  private final Store store;
  private final long silenceLimitMs;
  private final Map<String, DeviceStatus> statuses = new ConcurrentHashMap<>();

  public DeviceRegistry(Store store, EstateConfig estate, GatewayConfig.DeviceTiming timing, MeterRegistry metrics) {
    this.store = store;
    this.silenceLimitMs = timing.heartbeatIntervalS() * 1000L * timing.missedHeartbeats();
    for (EstateConfig.Device d : estate.devices()) {
      statuses.put(d.id(), new DeviceStatus(d.id(), d.type(), d.door(), false, 0, 0, null));
    }
    Gauge.builder("doorstep.devices.online", statuses, s -> s.values().stream().filter(DeviceStatus::online).count())
        .description("configured devices online now")
        .register(metrics);
    Gauge.builder("doorstep.devices.configured", statuses, Map::size).register(metrics);
  }

  /** Every device, offline ones first, then by id. Safe to call from any thread. */
  public List<DeviceStatus> snapshot() {
    return statuses.values().stream()
        .sorted(Comparator.comparing(DeviceStatus::online).thenComparing(DeviceStatus::id))
        .toList();
  }

  /**
   * The configured devices after a change on the console: a new one starts offline until it is
   * heard, a removed one is forgotten, a moved one keeps its presence at its new door. One in
   * {@code heardAgain} (a new serial number, say) is offline until the device under that name is heard.
   */
  public void configure(List<EstateConfig.Device> devices, Set<String> heardAgain) {
    // On the registry's own loop, so a presence report never lands between the two steps.
    context.runOnContext(v -> reconfigure(devices, heardAgain));
  }

  private void reconfigure(List<EstateConfig.Device> devices, Set<String> heardAgain) {
    Set<String> ids = new HashSet<>();
    for (EstateConfig.Device d : devices) {
      ids.add(d.id());
      DeviceStatus old = statuses.get(d.id());
      boolean online = old != null && old.online() && !heardAgain.contains(d.id());
      if (old == null || !Objects.equals(old.door(), d.door()) || online != old.online()) {
        statuses.put(d.id(), new DeviceStatus(d.id(), d.type(), d.door(), online,
            old == null ? 0 : old.lastSeenMs(), old == null ? 0 : old.changedMs(), old == null ? null : old.facts()));
      }
    }
    statuses.keySet().removeIf(id -> !ids.contains(id));
  }

  @Override
  public Future<?> start() {
    // Check often enough that a silent device is reported within a second of its limit.
    long period = Math.max(250, Math.min(1000, silenceLimitMs / 4));
    vertx.setPeriodic(period, id -> expireSilent(System.currentTimeMillis()));
    return vertx.eventBus().<Presence>consumer(Addresses.DEVICE_PRESENCE, m -> onPresence(m.body())).completion();
  }

  private void onPresence(Presence p) {
    DeviceStatus old = statuses.get(p.device());
    if (old == null) {
      return; // drivers only report configured devices
    }
    long now = System.currentTimeMillis();
    switch (p.state()) {
      case ONLINE -> update(old, true, now, p.facts(), "connected");
      case ALIVE -> {
        update(old, true, now, null, "heartbeat");
        vertx.eventBus().publish(Addresses.DEVICE_HEARTBEAT, p);
      }
      case OFFLINE -> update(old, false, old.lastSeenMs(), null, "disconnected");
    }
  }

  private void expireSilent(long now) {
    for (DeviceStatus s : statuses.values()) {
      if (s.online() && now - s.lastSeenMs() > silenceLimitMs && !EstateConfig.NO_HEARTBEAT_TYPES.contains(s.type())) {
        update(s, false, s.lastSeenMs(), null, "heartbeats missed");
      }
    }
  }

  private void update(DeviceStatus old, boolean online, long lastSeen, JsonObject facts, String why) {
    boolean changed = old.online() != online;
    long now = System.currentTimeMillis();
    JsonObject mergedFacts = old.facts().copy();
    if (facts != null) {
      mergedFacts.mergeIn(facts);
    }
    DeviceStatus next = new DeviceStatus(old.id(), old.type(), old.door(), online, lastSeen,
        changed ? now : old.changedMs(), mergedFacts);
    statuses.put(old.id(), next);
    if (!changed) {
      return;
    }
    log.info("{} is {} ({})", old.id(), online ? "online" : "offline", why);
    vertx.eventBus().publish(Addresses.DEVICE_STATUS, next);
    vertx.eventBus().send(Addresses.EVENT_RECORD, DeviceEvent.of(old.id(),
        online ? EventKinds.DEVICE_ONLINE : EventKinds.DEVICE_OFFLINE,
        online ? Severity.INFO : Severity.WARNING,
        new JsonObject().put("why", why).put("lastSeenMs", lastSeen)));
    store.saveDeviceState(old.id(), old.type(), online, lastSeen)
        .onFailure(e -> log.warn("state of {} not saved: {}", old.id(), e.getMessage()));
  }
}
