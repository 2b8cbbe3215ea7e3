package io.doorstep.gateway.alarms;

import io.doorstep.device.DeviceEvent;
import io.doorstep.gateway.bus.Addresses;
import io.doorstep.gateway.config.EstateConfig;
import io.doorstep.gateway.fire.FireMode;
import io.doorstep.gateway.store.Store;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what doors, terminals and fire mode report into alarms a person must see: raised,
 * cleared when the condition ends, acknowledged by someone. It reads only stored events, so an
 * alarm never points at an event a restart could take back.
 */
public final class AlarmService extends VerticleBase {
  private static final Logger log = LoggerFactory.getLogger(AlarmService.class);

  private final Store store;
  private final Map<String, EstateConfig.Device> devices;
  private final FireMode fire;
  /**
   * (device, type) of every open alarm, including ones still being written: the one place that
   * keeps a second report of the same condition from raising a second alarm.
   */
  private final Set<String> open = new HashSet<>();

  public AlarmService(Store store, EstateConfig estate, FireMode fire) {
    this.store = store;
    this.devices = estate.devicesById();
    this.fire = fire;
  }

  @Override
  public Future<?> start() {
    return store.read(AlarmRows::open).compose(alarms -> {
      alarms.forEach(a -> open.add(key(a.device(), a.type())));
      EventBus bus = vertx.eventBus();
      return Future.all(
          bus.<DeviceEvent>consumer(Addresses.EVENT_STORED, m -> onStored(m.body())).completion(),
          bus.<AlarmBus.ActiveQuery>consumer(AlarmBus.ACTIVE, this::active).completion(),
          bus.<AlarmBus.Acknowledge>consumer(AlarmBus.ACK, this::acknowledge).completion());
    });
  }

  private void onStored(DeviceEvent event) {
    for (AlarmRules.Change change : AlarmRules.changesFor(event)) {
      if (change instanceof AlarmRules.Raise r) {
        raise(event, r.type());
      } else if (change instanceof AlarmRules.Clear c) {
        clear(event, c.types(), c.anyDevice());
      }
    }
  }

  private void raise(DeviceEvent cause, AlarmType type) {
    if (type == AlarmType.DOOR_HELD_OPEN && fire.holdsDevice(cause.device())) {
      return; // held open on purpose: in a fire, dozens of these would bury the one alarm that matters
    }
    String key = key(cause.device(), type);
    if (!open.add(key)) {
      return;
    }
    String eventId = AlarmEvents.raisedId(cause);
    long now = System.currentTimeMillis();
    store.write(c -> AlarmRows.insert(c, eventId, cause.device(), type, now))
        .onSuccess(id -> {
          Alarm alarm = new Alarm(id, eventId, cause.device(), type, now, null, null, null, null);
          log.warn("alarm {}: {} at {}", id, type.code(), cause.device());
          record(AlarmEvents.raised(alarm, doorOf(alarm), cause.id()));
        })
        .onFailure(e -> {
          open.remove(key);
          log.error("{} at {} not raised: {}", type.code(), cause.device(), e.getMessage());
        });
  }

  private void clear(DeviceEvent cause, List<AlarmType> types, boolean anyDevice) {
    String device = anyDevice ? null : cause.device();
    // Doors close all day long: only a close that ends something open costs a write.
    boolean any = false;
    for (AlarmType type : types) {
      any |= device == null ? open.removeIf(k -> k.endsWith("\n" + type.code())) : open.remove(key(device, type));
    }
    if (!any) {
      return;
    }
    long now = System.currentTimeMillis();
    store.write(c -> AlarmRows.clear(c, device, types, now))
        .onSuccess(cleared -> cleared.forEach(a -> record(AlarmEvents.cleared(a, doorOf(a), cause.id()))))
        .onFailure(e -> log.error("alarms {} of {} not cleared: {}", types, device, e.getMessage()));
  }

  private void active(Message<AlarmBus.ActiveQuery> message) {
    store.read(AlarmRows::needingAttention)
        .onSuccess(alarms -> message.reply(new AlarmBus.AlarmList(alarms)))
        .onFailure(e -> message.fail(AlarmBus.NOT_SAVED, "alarms not readable: " + e.getMessage()));
  }

  private void acknowledge(Message<AlarmBus.Acknowledge> message) {
    AlarmBus.Acknowledge ack = message.body();
    String problem = AlarmAcks.problem(ack);
    if (problem != null) {
      message.fail(AlarmBus.INVALID, problem);
      return;
    }
    long now = System.currentTimeMillis();
    store.write(c -> AlarmAcks.apply(c, ack, now)).onComplete(done -> {
      if (done.failed()) {
        message.fail(AlarmBus.NOT_SAVED, "acknowledgement not saved: " + done.cause().getMessage());
        return;
      }
      AlarmAcks.Outcome outcome = done.result();
      if (outcome.before() == null) {
        message.fail(AlarmBus.NOT_FOUND, "no alarm " + ack.alarmId());
      } else if (outcome.after() == null) {
        message.fail(AlarmBus.ALREADY_ACKNOWLEDGED, "alarm " + ack.alarmId() + " was already acknowledged by "
            + outcome.before().ackedBy());
      } else {
        acknowledged(outcome.before(), outcome.after()).onComplete(audited -> message.reply(outcome.after()));
      }
    });
  }

  /** Completes once the audit row is written (or failed to be): the answer comes after it. */
  private Future<Void> acknowledged(Alarm before, Alarm after) {
    String door = doorOf(after);
    record(AlarmEvents.acknowledged(after, door));
    if (before.open() && !after.open()) {
      open.remove(key(after.device(), after.type()));
      record(AlarmEvents.cleared(after, door, after.eventId()));
    }
    return store.audit(after.ackedBy(), "alarm.ack", "alarm:" + after.id(), before.toJson().encode(),
            after.toJson().encode())
        .onFailure(e -> log.error("audit of the acknowledgement of alarm {} not saved: {}", after.id(),
            e.getMessage()));
  }

  private void record(DeviceEvent event) {
    vertx.eventBus().send(Addresses.EVENT_RECORD, event);
  }

  private String doorOf(Alarm alarm) {
    EstateConfig.Device d = devices.get(alarm.device());
    return d == null ? null : d.door();
  }

  private static String key(String device, AlarmType type) {
    return device + "\n" + type.code();
  }
}
