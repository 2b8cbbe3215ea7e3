package io.doorstep.gateway.fire;

import io.doorstep.device.DeviceEvent;
import io.doorstep.device.EventIds;
import io.doorstep.device.EventKinds;
import io.doorstep.device.Severity;
import io.doorstep.gateway.bus.Addresses;
import io.doorstep.gateway.bus.CommandFailures;
import io.doorstep.gateway.config.EstateConfig;
import io.doorstep.gateway.devices.DeviceStatus;
import io.doorstep.gateway.store.Store;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fire release (GB 50396, GB 51348): a fire alarm releases every egress door and lane at once
 * and holds them open until a person with the right role resets it after the alarm has
 * cleared. Nothing else ends it: not the panel clearing, not a restart (the state is in SQLite
 * and is applied again at start), not a device that was away (it is told when it returns).
 *
 * <p>The doors are told first and the disk second: a store that is slow or broken must never
 * delay a release. A reset goes the other way: it is stored first, and refused if it cannot be.
 */
public final class FireService extends VerticleBase {
  private static final Logger log = LoggerFactory.getLogger(FireService.class);
  /** The event device of a fire mode a person started by hand. */
  static final String MANUAL_SOURCE = "gateway";
  static final int MAX_NAME = 64;

  private final Store store;
  private final FireMode mode;
  private final FireTiming timing;
  private final List<String> egressDevices;
  private final List<String> egressDoors;
  private final Map<String, Boolean> online = new HashMap<>();
  /** What each fire source says now; sorted so that messages name them in a stable order. */
  private final Map<String, Boolean> sources = new TreeMap<>();
  private FireRecord record = FireRecord.NEVER;
  private HoldReconciler holds;
  private FireEventTap tap;
  private boolean resetting;
  /** Why fire mode was started by hand while a reset was being saved: it starts again right after. */
  private String triggeredDuringReset;

  public FireService(Store store, EstateConfig estate, FireMode mode, FireTiming timing) {
    this.store = store;
    this.mode = mode;
    this.timing = timing;
    this.egressDoors = estate.egressDoors().stream().map(EstateConfig.Door::id).toList();
    this.egressDevices = estate.egressDoors().stream().flatMap(d -> d.devices().stream()).toList();
  }

  @Override
  public Future<?> start() {
    EventBus bus = vertx.eventBus();
    holds = new HoldReconciler(vertx, egressDevices, c -> CommandFailures.send(bus, c), timing,
        id -> online.getOrDefault(id, false), this::confirmed);
    return store.read(FireRows::load).compose(loaded -> {
      resume(loaded);
      vertx.setPeriodic(timing.reassertMs(), id -> holds.reassert());
      tap = new FireEventTap(bus);
      bus.addOutboundInterceptor(tap);
      return Future.all(
          bus.<DeviceEvent>consumer(FireBus.SOURCE_EVENTS, m -> onSource(m.body())).completion(),
          bus.<DeviceStatus>consumer(Addresses.DEVICE_STATUS, m -> onStatus(m.body())).completion(),
          bus.<FireBus.Trigger>consumer(FireBus.TRIGGER, this::trigger).completion(),
          bus.<FireBus.Reset>consumer(FireBus.RESET, this::reset).completion(),
          bus.<FireBus.StatusQuery>consumer(FireBus.STATUS, m -> m.reply(status())).completion());
    });
  }

  @Override
  public Future<?> stop() {
    if (tap != null) {
      vertx.eventBus().removeOutboundInterceptor(tap);
    }
    return Future.succeededFuture();
  }

  private void resume(FireRows.Loaded loaded) {
    sources.putAll(loaded.sources());
    record = loaded.mode();
    if (record.active()) {
      log.error("FIRE MODE is active since {} (source {}): holding {} egress devices open again",
          record.startedTs(), record.source(), egressDevices.size());
      mode.set(true);
      holds.want(true);
      record(EventKinds.FIRE_MODE_RESUMED, record.source(), Severity.WARNING, new JsonObject()
          .put("startedTs", record.startedTs()).put("cause", record.eventId()));
    } else if (!alarming().isEmpty()) {
      // Written before the gateway went down and never cleared: the panel was in alarm.
      enter(alarming().get(0), "fire source " + alarming().get(0) + " still reported fire at start-up", null);
    } else if (record.restorePending()) {
      holds.want(false);
    }
  }

  private void onSource(DeviceEvent event) {
    boolean fire = EventKinds.FIRE_ALARM.equals(event.kind());
    Boolean before = sources.put(event.device(), fire);
    if (fire && !record.active()) {
      enter(event.device(), "fire alarm from " + event.device(), null);
    }
    if (before == null || before != fire) {
      store.write(c -> FireRows.saveSource(c, event.device(), fire, event.ts()))
          .onFailure(e -> log.error("state of fire source {} not saved: {}", event.device(), e.getMessage()));
    }
  }

  private void onStatus(DeviceStatus status) {
    online.put(status.id(), status.online());
    if (status.online()) {
      holds.deviceOnline(status.id());
    }
  }

  /** Starts fire mode: the doors first, then the disk, then the log. */
  private void enter(String source, String reason, String by) {
    long now = System.currentTimeMillis();
    record = FireRecord.started(now, source, reason, EventIds.next());
    mode.set(true);
    holds.want(true);
    log.error("FIRE MODE: {}; releasing {} egress devices of {} doors", reason, egressDevices.size(),
        egressDoors.size());
    FireRecord saved = record;
    store.write(c -> FireRows.saveMode(c, saved))
        .onFailure(e -> log.error("fire mode not saved, a restart now would not hold the doors again: {}",
            e.getMessage()));
    vertx.eventBus().send(Addresses.EVENT_RECORD, new DeviceEvent(record.eventId(), now, source,
        EventKinds.FIRE_MODE_STARTED, Severity.CRITICAL, new JsonObject().put("reason", reason).put("by", by)
            .put("doors", new JsonArray(egressDoors)).put("devices", egressDevices.size())));
  }

  private void trigger(Message<FireBus.Trigger> message) {
    String by = message.body().by();
    if (by == null || by.isBlank() || by.length() > MAX_NAME) {
      message.fail(FireBus.INVALID, "say who starts fire mode (1 to " + MAX_NAME + " characters)");
      return;
    }
    String reason = "started by hand by " + by.strip()
        + (message.body().reason() == null ? "" : ": " + message.body().reason());
    if (resetting) {
      triggeredDuringReset = reason;
    } else if (!record.active()) {
      enter(MANUAL_SOURCE, reason, by.strip());
    }
    audit(by.strip(), "fire.trigger", null, new JsonObject().put("reason", reason));
    message.reply(status());
  }

  private void reset(Message<FireBus.Reset> message) {
    FireBus.Reset r = message.body();
    String by = r.by() == null ? "" : r.by().strip();
    String role = FireRoles.normalize(r.role());
    if (by.isEmpty() || by.length() > MAX_NAME || role.isEmpty()) {
      message.fail(FireBus.INVALID, "a reset names the person (1 to " + MAX_NAME + " characters) and their role");
      return;
    }
    if (!record.active()) {
      message.reply(new FireBus.ResetDone(by, role, false, 0));
      return;
    }
    Refusal refusal = refusal(role);
    if (refusal != null) {
      refuse(message, by, role, refusal);
      return;
    }
    resetting = true;
    FireRecord before = record;
    FireRecord after = record.ended(System.currentTimeMillis(), by, role);
    store.write(c -> FireRows.saveMode(c, after)).onComplete(saved -> {
      resetting = false;
      if (saved.failed()) {
        log.error("reset by {} not saved, fire mode goes on: {}", by, saved.cause().getMessage());
        message.fail(FireBus.NOT_SAVED, "the reset could not be saved, so fire mode goes on: "
            + saved.cause().getMessage());
        return;
      }
      ended(before, after);
      String again = !alarming().isEmpty() ? "fire alarm from " + alarming().get(0) : triggeredDuringReset;
      triggeredDuringReset = null;
      if (again != null) {
        // Fire was reported again while the reset was being saved: that is a new fire, and the
        // doors, never told to end their hold, stay open.
        enter(alarming().isEmpty() ? MANUAL_SOURCE : alarming().get(0), again + " during a reset", null);
        message.fail(FireBus.STILL_ALARMING, again + " came during the reset; fire mode started again");
        return;
      }
      mode.set(false);
      holds.want(false);
      message.reply(new FireBus.ResetDone(by, role, true, egressDevices.size()));
    });
  }

  /** Why a reset by this role cannot happen now, or null. */
  private Refusal refusal(String role) {
    if (!FireRoles.mayReset(role)) {
      return new Refusal(FireBus.NOT_ALLOWED,
          "the role '" + role + "' may not reset fire mode; an admin or a technician must");
    }
    if (!alarming().isEmpty()) {
      return new Refusal(FireBus.STILL_ALARMING, "the fire alarm is still reported by "
          + String.join(", ", alarming()) + "; reset once the panel has cleared");
    }
    return resetting ? new Refusal(FireBus.STILL_ALARMING, "another reset is being saved") : null;
  }

  private record Refusal(int code, String why) {}

  private void refuse(Message<?> message, String by, String role, Refusal refusal) {
    log.warn("fire mode reset by {} ({}) refused: {}", by, role, refusal.why());
    audit(by, "fire.reset.refused", null, new JsonObject().put("role", role).put("why", refusal.why()));
    record(EventKinds.FIRE_RESET_REFUSED, MANUAL_SOURCE, Severity.WARNING,
        new JsonObject().put("by", by).put("role", role).put("why", refusal.why()));
    message.fail(refusal.code(), refusal.why());
  }

  private void ended(FireRecord before, FireRecord after) {
    record = after;
    log.warn("fire mode reset by {} ({}); ending the hold of {} egress devices", after.endedBy(), after.endedRole(),
        egressDevices.size());
    audit(after.endedBy(), "fire.reset", before.toJson(), after.toJson());
    record(EventKinds.FIRE_MODE_ENDED, before.source(), Severity.WARNING, new JsonObject()
        .put("by", after.endedBy()).put("role", after.endedRole()).put("startedTs", before.startedTs())
        .put("cause", before.eventId()));
  }

  private void confirmed(boolean open, List<String> refused) {
    JsonObject payload = new JsonObject().put("devices", holds.size()).put("refused", new JsonArray(refused));
    if (open) {
      log.warn("fire mode: {} egress devices confirmed their hold{}", holds.size() - refused.size(),
          refused.isEmpty() ? "" : "; these cannot take one: " + refused);
      record(EventKinds.FIRE_DOORS_RELEASED, MANUAL_SOURCE, Severity.WARNING, payload);
      return;
    }
    log.info("every egress device confirmed the end of its fire hold");
    record(EventKinds.FIRE_DOORS_RESTORED, MANUAL_SOURCE, Severity.INFO, payload);
    record = record.restored();
    FireRecord saved = record;
    store.write(c -> FireRows.saveMode(c, saved))
        .onFailure(e -> log.warn("end of the hold not saved; a restart will send it again: {}", e.getMessage()));
  }

  private FireBus.FireStatus status() {
    return new FireBus.FireStatus(record.active(), record.active() ? record.startedTs() : 0,
        record.active() ? record.source() : null, record.active() ? record.reason() : null, alarming(),
        holds.unconfirmed(), egressDevices.size());
  }

  private List<String> alarming() {
    return sources.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
  }

  private void record(String kind, String device, Severity severity, JsonObject payload) {
    vertx.eventBus().send(Addresses.EVENT_RECORD, DeviceEvent.of(device, kind, severity, payload));
  }

  private void audit(String by, String action, JsonObject before, JsonObject after) {
    store.audit(by, action, "fire-mode", before == null ? null : before.encode(), after == null ? null : after.encode())
        .onFailure(e -> log.error("audit of {} by {} not saved: {}", action, by, e.getMessage()));
  }
}
