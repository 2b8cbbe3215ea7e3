package io.doorstep.gateway.doors;

import io.doorstep.device.CommandResult;
import io.doorstep.device.DeviceCommand;
import io.doorstep.device.DeviceEvent;
import io.doorstep.device.EventKinds;
import io.doorstep.device.Severity;
import io.doorstep.gateway.bus.Addresses;
import io.doorstep.gateway.bus.CommandFailures;
import io.doorstep.gateway.config.EstateConfig;
import io.doorstep.gateway.fire.FireMode;
import io.doorstep.gateway.store.Store;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a door or lane from the gateway, by door id: every device of the door is told to
 * release, and the answer waits for each to acknowledge. Who asked is in the audit trail and the
 * event log, whether the door opened or not.
 */
public final class DoorService extends VerticleBase {
  static final int MIN_OPEN_MS = 1_000;
  static final int MAX_OPEN_MS = 60_000;
  static final int MAX_NAME = 64;
  private static final Logger log = LoggerFactory.getLogger(DoorService.class);

  private final Store store;
  /** As the technician console last changed its devices; read and replaced on this verticle's context only. */
  private EstateConfig estate;
  private final FireMode fire;
  /** Each door's release when the request gives none; replaced on this verticle's context only. */
  private DoorTimings timings;

  public DoorService(Store store, EstateConfig estate, FireMode fire, DoorTimings timings) {
    this.store = store;
    this.estate = estate;
    this.fire = fire;
    this.timings = timings;
  }

  @Override
  public Future<?> start() {
    return Future.all(vertx.eventBus().<DoorBus.OpenDoor>consumer(DoorBus.OPEN, this::open).completion(),
        vertx.eventBus().<EstateConfig>consumer(Addresses.ESTATE_CHANGED, m -> estate = m.body()).completion(),
        vertx.eventBus().<DoorTimings>consumer(Addresses.DOOR_TIMINGS_CHANGED, m -> timings = m.body()).completion());
  }

  private void open(Message<DoorBus.OpenDoor> message) {
    DoorBus.OpenDoor request = message.body();
    String by = request.by() == null ? "" : request.by().strip();
    int openMs = request.openMs() == 0 ? timings.of(request.door()).remoteOpenMs() : request.openMs();
    if (by.isEmpty() || by.length() > MAX_NAME) {
      message.fail(DoorBus.INVALID, "say who opens the door (1 to " + MAX_NAME + " characters)");
      return;
    }
    if (openMs < MIN_OPEN_MS || openMs > MAX_OPEN_MS) {
      message.fail(DoorBus.INVALID, "openMs must be " + MIN_OPEN_MS + " to " + MAX_OPEN_MS + ", got " + openMs);
      return;
    }
    EstateConfig.Door door = estate.door(request.door()).orElse(null);
    if (door == null) {
      message.fail(DoorBus.NO_SUCH_DOOR, "no door " + request.door());
      return;
    }
    if (door.devices().isEmpty()) {
      message.fail(DoorBus.NO_DEVICE, "door " + door.id() + " has no device that could open it");
      return;
    }
    if (fire.holdsDoor(door.id())) {
      // Already open; a release would end with a re-lock on some devices, which fire mode forbids.
      done(message, door, by, new DoorBus.DoorOpened(door.id(), door.devices(), openMs, true));
      return;
    }
    List<Future<CommandResult>> sends = door.devices().stream()
        .map(d -> CommandFailures.send(vertx.eventBus(), new DeviceCommand.Open(d, openMs, "remote")))
        .toList();
    Future.join(sends).onComplete(all -> {
      OpenFailure failure = OpenFailure.first(door, sends);
      if (failure == null) {
        done(message, door, by, new DoorBus.DoorOpened(door.id(), door.devices(), openMs, false));
      } else {
        failed(message, door, by, openMs, failure);
      }
    });
  }

  private void done(Message<?> message, EstateConfig.Door door, String by, DoorBus.DoorOpened opened) {
    JsonObject outcome = new JsonObject().put("openMs", opened.openMs()).put("ok", true)
        .put("heldByFire", opened.heldByFire());
    record(door, by, outcome, Severity.INFO).onComplete(audited -> message.reply(opened));
  }

  private void failed(Message<?> message, EstateConfig.Door door, String by, int openMs, OpenFailure failure) {
    log.warn("remote open of {} by {} failed: {}", door.id(), by, failure.message());
    record(door, by, new JsonObject().put("openMs", openMs).put("ok", false).put("error", failure.message()),
        Severity.WARNING).onComplete(audited -> message.fail(failure.code(), failure.message()));
  }

  /** Completes once the audit row is written (or failed to be): the answer comes after it. */
  private Future<Void> record(EstateConfig.Door door, String by, JsonObject outcome, Severity severity) {
    vertx.eventBus().send(Addresses.EVENT_RECORD, DeviceEvent.of(door.devices().get(0), EventKinds.DOOR_REMOTE_OPEN,
        severity, outcome.copy().put("door", door.id()).put("by", by)));
    return store.audit(by, "door.open", door.id(), null, outcome.encode())
        .onFailure(e -> log.error("audit of the remote open of {} by {} not saved: {}", door.id(), by, e.getMessage()));
  }
}
