package io.doorstep.gateway.charging;

import io.doorstep.device.CommandResult;
import io.doorstep.device.DeviceCommand;
import io.doorstep.device.DeviceEvent;
import io.doorstep.device.EventKinds;
import io.doorstep.device.Severity;
import io.doorstep.drivers.modbus.DeviceReading;
import io.doorstep.gateway.bus.Addresses;
import io.doorstep.gateway.bus.CommandFailures;
import io.doorstep.gateway.config.EstateConfig;
import io.doorstep.gateway.fire.FireMode;
import io.doorstep.gateway.store.Store;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the charging-safety rules of every shed on the piles' readings and carries out what they
 * decide: stops as urgent commands on the pile's line, read back at once; alarms, sessions and
 * the siren as events and rows. The rules decide; this only wires them to the bus and the store.
 *
 * <p>The piles follow the estate: one added on the technician console is watched by its shed's
 * rules from its next reading, with the limits of its entry and those the platform set for its id
 * laid over them, as at start; one removed is no longer watched; one changed is watched anew. The
 * console asks first ({@link ChargingBus#PORTS_CHARGING}) and does not let a pile with a port
 * charging leave the rules, unless it is offline and removed.
 */
public final class ChargingVerticle extends VerticleBase {
  private static final Logger log = LoggerFactory.getLogger(ChargingVerticle.class);
  /** Often enough that a stop no reading confirmed is an alarm within seconds of its limit. */
  static final long TICK_MS = 1_000;

  private final Store store;
  /** The estate the rules watch; only touched on this verticle's context. */
  private EstateConfig estate;
  private final FireMode fire;
  private final Map<String, ShedSafety> shedOfPile = new HashMap<>();
  /** Sheds with at least one pile, by id. */
  private final Map<String, ShedSafety> sheds = new LinkedHashMap<>();
  private final List<String> sirens;
  private boolean fireSeen;
  /** The limit change or estate change under way; the next one waits for it. */
  private Future<Void> limitChanges = Future.succeededFuture();

  public ChargingVerticle(Store store, EstateConfig estate, FireMode fire) {
    this.store = store;
    this.estate = estate;
    this.fire = fire;
    ShedConfigs.of(estate).forEach(c -> sheds.put(c.shedId(), new ShedSafety(c)));
    indexPiles();
    this.sirens = estate.devicesOfType(EstateConfig.SIREN).stream().map(EstateConfig.Device::id).toList();
  }

  private void indexPiles() {
    shedOfPile.clear();
    sheds.values().forEach(s -> s.config().piles().forEach(p -> shedOfPile.put(p.pileId(), s)));
  }

  @Override
  public Future<?> start() {
    // The platform's limits are back in place before the first reading reaches the rules.
    return store.read(LimitRows::all).compose(kept -> {
      kept.forEach(this::restoreLimits);
      return listen();
    });
  }

  private Future<?> listen() {
    Future<Void> limits = vertx.eventBus().<ChargingBus.SetLimits>consumer(ChargingBus.LIMITS,
        m -> limitChanges = limitChanges.transform(v -> setLimits(m))).completion();
    Future<Void> stops = vertx.eventBus().<ChargingBus.StopRequest>consumer(ChargingBus.STOP, this::stopRequest)
        .completion();
    Future<Void> charging = vertx.eventBus().<ChargingBus.PortsCharging>consumer(ChargingBus.PORTS_CHARGING,
        m -> m.reply(new ChargingBus.ChargingPorts(m.body().pile(), chargingPorts(m.body().pile())))).completion();
    // After a limit change under way, so that a pile watched anew starts from the limits as saved.
    Future<Void> estates = vertx.eventBus().<EstateConfig>consumer(Addresses.ESTATE_CHANGED,
        m -> limitChanges = limitChanges.transform(v -> follow(m.body()))).completion();
    // Even with no pile yet: one may be added on the console.
    vertx.setPeriodic(TICK_MS, id -> tick());
    return Future.all(limits, stops, charging, estates,
        vertx.eventBus().<DeviceReading>consumer(Addresses.DEVICE_READING, m -> onReading(m.body())).completion());
  }

  private List<Integer> chargingPorts(String pile) {
    ShedSafety shed = shedOfPile.get(pile);
    return shed == null ? List.of() : shed.chargingPorts(pile);
  }

  /**
   * The piles of the estate now. A pile whose entry is new or changed (another address, profile,
   * shed, breaker or limits) is watched anew, with the platform's kept limits for its id laid
   * over its entry's, as at start.
   */
  private Future<Void> follow(EstateConfig changed) {
    Map<String, EstateConfig.Device> before = piles(estate);
    Map<String, EstateConfig.Device> after = piles(changed);
    Set<String> renewed = new HashSet<>();
    before.forEach((id, d) -> {
      if (!d.equals(after.get(id))) {
        renewed.add(id);
      }
    });
    after.forEach((id, d) -> {
      if (!d.equals(before.get(id))) {
        renewed.add(id);
      }
    });
    estate = changed;
    if (renewed.isEmpty()) {
      return Future.succeededFuture();
    }
    return store.read(LimitRows::all)
        .recover(e -> {
          log.error("limits the platform set could not be read ({}); piles changed on the console run on the"
              + " estate's limits", e.getMessage());
          return Future.succeededFuture(Map.of());
        })
        .map(kept -> {
          watch(changed, renewed, kept);
          return null;
        });
  }

  private void watch(EstateConfig changed, Set<String> renewed, Map<String, Map<String, Number>> kept) {
    long now = System.currentTimeMillis();
    Map<String, ShedConfig> configs = new LinkedHashMap<>();
    ShedConfigs.of(changed).forEach(c -> configs.put(c.shedId(), c));
    for (ShedSafety shed : List.copyOf(sheds.values())) {
      ShedConfig old = shed.config();
      ShedConfig next = configs.getOrDefault(old.shedId(), new ShedConfig(old.shedId(), old.nameZh(), old.nameEn(),
          old.budgetW(), old.breaker(), List.of()));
      carryOut(shed, shed.follow(next, renewed, now));
      if (next.piles().isEmpty()) {
        sheds.remove(old.shedId());
      }
    }
    for (ShedConfig c : configs.values()) {
      if (!sheds.containsKey(c.shedId())) {
        ShedSafety shed = new ShedSafety(c);
        sheds.put(c.shedId(), shed);
        if (fireSeen) {
          carryOut(shed, shed.onFireMode(true, now));
        }
      }
    }
    indexPiles();
    for (String pile : renewed) {
      if (shedOfPile.containsKey(pile) && kept.containsKey(pile)) {
        restoreLimits(pile, kept.get(pile));
      }
    }
    log.info("charging rules follow the estate: {} piles in {} sheds ({} watched anew or no longer)",
        shedOfPile.size(), sheds.size(), renewed.size());
  }

  private static Map<String, EstateConfig.Device> piles(EstateConfig estate) {
    Map<String, EstateConfig.Device> piles = new HashMap<>();
    estate.devicesOfType(EstateConfig.CHARGING_PILE).forEach(d -> piles.put(d.id(), d));
    return piles;
  }

  /**
   * A pile's limits replaced live, from the next reading on, once they are saved: a change the
   * caller is told of holds across a restart. One change at a time, each from the limits the one
   * before left. The caller audits.
   */
  private Future<Void> setLimits(Message<ChargingBus.SetLimits> message) {
    ChargingBus.SetLimits request = message.body();
    ShedSafety shed = shedOfPile.get(request.pile());
    if (shed == null) {
      message.fail(ChargingBus.NO_SUCH_PILE, "no charging pile " + request.pile() + " in any shed");
      return Future.succeededFuture();
    }
    SafetyLimits before = shed.limits(request.pile());
    SafetyLimits after;
    try {
      after = before.withOverrides(request.changes());
    } catch (IllegalArgumentException e) {
      message.fail(ChargingBus.INVALID, e.getMessage());
      return Future.succeededFuture();
    }
    if (request.changes().isEmpty()) {
      message.reply(new ChargingBus.PileLimits(request.pile(), before.asMap(), before.asMap()));
      return Future.succeededFuture();
    }
    Map<String, Number> kept = new LinkedHashMap<>();
    request.changes().keySet().forEach(k -> kept.put(k, after.asMap().get(k)));
    return store.write(c -> LimitRows.save(c, request.pile(), kept, System.currentTimeMillis())).transform(saved -> {
      if (saved.failed()) {
        log.error("limits of {} not changed: they could not be saved: {}", request.pile(), saved.cause().getMessage());
        message.fail(ChargingBus.NOT_SAVED, "limits not changed: they could not be saved (" + saved.cause().getMessage()
            + ")");
        return Future.succeededFuture();
      }
      shed.setLimits(request.pile(), request.changes());
      log.warn("limits of {} changed: {}", request.pile(), request.changes());
      message.reply(new ChargingBus.PileLimits(request.pile(), before.asMap(), after.asMap()));
      return Future.succeededFuture();
    });
  }

  /**
   * The platform's limits of a pile laid over the estate file's, all or none: the file may have
   * changed since, and a pile whose kept limits no longer fit it runs on the file's.
   */
  private void restoreLimits(String pile, Map<String, Number> kept) {
    ShedSafety shed = shedOfPile.get(pile);
    if (shed == null) {
      log.warn("limits the platform set for {} are kept, but {} is in no shed any more: ignored", pile, pile);
      return;
    }
    try {
      shed.setLimits(pile, kept);
      log.info("limits of {} as the platform set them: {}", pile, kept);
    } catch (IllegalArgumentException e) {
      log.error("limits the platform set for {} ({}) do not fit the estate file's: {}; the file's apply", pile, kept,
          e.getMessage());
    }
  }

  /**
   * A stop asked from outside the rules (the platform): the rules learn why, so that the session
   * ends with that reason and the stop is verified like any other.
   */
  private void stopRequest(Message<ChargingBus.StopRequest> message) {
    ChargingBus.StopRequest request = message.body();
    ShedSafety shed = shedOfPile.get(request.pile());
    if (shed == null) {
      message.fail(ChargingBus.NO_SUCH_PILE, "no charging pile " + request.pile() + " in any shed");
      return;
    }
    List<SafetyAction> actions;
    ChargingBus.Relay before;
    try {
      before = shed.relay(request.pile(), request.port());
      actions = shed.onStopRequest(request.pile(), request.port(), request.reason(), System.currentTimeMillis());
    } catch (IllegalArgumentException e) {
      message.fail(ChargingBus.INVALID, e.getMessage());
      return;
    }
    if (actions.isEmpty()) {
      message.reply(new ChargingBus.StopWritten(request.pile(), request.port(), true, before));
      return;
    }
    // The rules may decide more than the stop (an alarm, a session's end): all of it is carried
    // out; the caller is answered once, when the stop of the asked port is written.
    boolean answered = false;
    for (SafetyAction action : actions) {
      if (!answered && action instanceof SafetyAction.StopPort stop && stop.port() == request.port()) {
        answered = true;
        stop(shed, stop).onComplete(done -> {
          if (done.succeeded()) {
            message.reply(new ChargingBus.StopWritten(request.pile(), request.port(), false, before));
          } else {
            message.fail(CommandFailures.code(done.cause()), done.cause().getMessage());
          }
        });
      } else {
        carryOut(shed, List.of(action));
      }
    }
    if (!answered) {
      message.reply(new ChargingBus.StopWritten(request.pile(), request.port(), true, before));
    }
  }

  private void onReading(DeviceReading reading) {
    ShedSafety shed = shedOfPile.get(reading.deviceId());
    if (shed == null) {
      return;
    }
    long now = System.currentTimeMillis();
    checkFire(now);
    carryOut(shed, shed.onReading(PileReading.from(reading), now));
  }

  private void tick() {
    long now = System.currentTimeMillis();
    checkFire(now);
    List.copyOf(sheds.values()).forEach(shed -> carryOut(shed, shed.onTick(now)));
  }

  /** Fire mode is read where it is kept; a change reaches every shed at the next reading or tick. */
  private void checkFire(long now) {
    boolean active = fire.active();
    if (active != fireSeen) {
      fireSeen = active;
      log.warn("fire mode {}: charging {}", active ? "on" : "off", active ? "stopped in every shed" : "may resume");
      List.copyOf(sheds.values()).forEach(shed -> carryOut(shed, shed.onFireMode(active, now)));
    }
  }

  private void carryOut(ShedSafety shed, List<SafetyAction> actions) {
    for (SafetyAction action : actions) {
      if (action instanceof SafetyAction.StopPort stop) {
        stop(shed, stop);
      } else if (action instanceof SafetyAction.RaiseAlarm raise) {
        record(place(raise.shedId(), raise.pileId(), raise.port()), EventKinds.CHARGING_ALARM, raise.severity(),
            alarmPayload(raise.kind(), raise.shedId(), raise.pileId(), raise.port())
                .put("textZh", raise.textZh()).put("textEn", raise.textEn())
                .put("details", new JsonObject(new HashMap<>(raise.details()))));
      } else if (action instanceof SafetyAction.ClearAlarm clear) {
        record(place(clear.shedId(), clear.pileId(), clear.port()), EventKinds.CHARGING_ALARM_CLEARED, Severity.INFO,
            alarmPayload(clear.kind(), clear.shedId(), clear.pileId(), clear.port()));
      } else if (action instanceof SafetyAction.Siren siren) {
        siren(siren);
      } else if (action instanceof SafetyAction.SessionStarted started) {
        sessionStarted(shed, started);
      } else if (action instanceof SafetyAction.SessionEnded ended) {
        sessionEnded(shed, ended.session());
      }
    }
  }

  /** Urgent: it goes ahead of every poll queued on the pile's line; then read the pile back at once. */
  private Future<CommandResult> stop(ShedSafety shed, SafetyAction.StopPort stop) {
    log.warn("stopping {} port {}: {}", stop.pileId(), stop.port(), stop.reason().code());
    Future<CommandResult> sent = CommandFailures.send(vertx.eventBus(),
        new DeviceCommand.Invoke(stop.pileId(), "port" + stop.port() + ".stop", true));
    sent.onComplete(done -> {
      boolean written = done.succeeded();
      JsonObject payload = new JsonObject().put("pile", stop.pileId()).put("port", stop.port())
          .put("reason", stop.reason().code()).put("ok", written);
      if (!written) {
        payload.put("error", done.cause().getMessage());
        log.error("stop of {} port {} not written: {}", stop.pileId(), stop.port(), done.cause().getMessage());
      }
      record(stop.pileId(), EventKinds.CHARGING_STOP, written ? Severity.INFO : Severity.ALARM, payload);
      // The pile may have left the rules while its stop was on the line.
      if (shedOfPile.get(stop.pileId()) == shed) {
        carryOut(shed, shed.onStopResult(stop.pileId(), stop.port(), written, System.currentTimeMillis()));
      }
      if (written) {
        CommandFailures.send(vertx.eventBus(), new DeviceCommand.Refresh(stop.pileId()))
            .onFailure(e -> log.debug("read-back of {} failed: {}", stop.pileId(), e.getMessage()));
      }
    });
    return sent;
  }

  private void siren(SafetyAction.Siren siren) {
    record(siren.shedId(), EventKinds.CHARGING_SIREN, siren.on() ? Severity.CRITICAL : Severity.INFO,
        new JsonObject().put("shed", siren.shedId()).put("on", siren.on()));
    for (String device : sirens) {
      CommandFailures.send(vertx.eventBus(), new DeviceCommand.HoldOpen(device, siren.on()))
          .onFailure(e -> log.error("siren {} not switched {}: {}", device, siren.on() ? "on" : "off", e.getMessage()));
    }
  }

  private void sessionStarted(ShedSafety shed, SafetyAction.SessionStarted s) {
    String shedId = shed.config().shedId();
    store.write(c -> SessionRows.start(c, shedId, s))
        .onFailure(e -> log.error("session of {} port {} not saved: {}", s.pileId(), s.port(), e.getMessage()));
    record(s.pileId(), EventKinds.CHARGING_SESSION_STARTED, Severity.INFO, new JsonObject()
        .put("pile", s.pileId()).put("port", s.port()).put("shed", shedId)
        .put("startedAt", s.startedAt()).put("reconstructed", s.reconstructed()));
  }

  private void sessionEnded(ShedSafety shed, ChargingSession s) {
    String shedId = shed.config().shedId();
    store.write(c -> SessionRows.end(c, shedId, s))
        .onFailure(e -> log.error("end of the session of {} port {} not saved: {}", s.pileId(), s.port(),
            e.getMessage()));
    record(s.pileId(), EventKinds.CHARGING_SESSION_ENDED, Severity.INFO, new JsonObject()
        .put("pile", s.pileId()).put("port", s.port()).put("shed", shedId)
        .put("startedAt", s.startedAt()).put("endedAt", s.endedAt())
        .put("energyWh", Math.round(s.energyWh())).put("peakPowerW", Math.round(s.peakPowerW()))
        .put("peakPlugC", s.peakPlugTemperature())
        .put("reason", s.reason() == null ? null : s.reason().code()));
  }

  private void record(String device, String kind, Severity severity, JsonObject payload) {
    vertx.eventBus().send(Addresses.EVENT_RECORD, DeviceEvent.of(device, kind, severity, payload));
  }

  private static JsonObject alarmPayload(ChargingAlarm kind, String shed, String pile, int port) {
    return new JsonObject().put("type", kind.code()).put("shed", shed).put("pile", pile).put("port", port);
  }

  /**
   * Where an alarm is: a port is a part of its pile ({@code pile/3}), so that two hot plugs on one
   * pile are two alarms a guard sees and each ends on its own.
   */
  static String place(String shed, String pile, int port) {
    if (pile == null) {
      return shed;
    }
    return port > 0 ? pile + "/" + port : pile;
  }
}
