package io.doorstep.gateway.upstream;

import io.doorstep.gateway.charging.ChargingBus;
import io.doorstep.gateway.charging.StopReason;
import io.doorstep.gateway.doors.DoorBus;
import io.doorstep.gateway.store.Store;
import io.doorstep.gateway.upstream.codec.RpcReply;
import io.doorstep.gateway.upstream.codec.RpcRequest;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out the platform's RPC requests through the services that own each thing (the door
 * service opens, the charging rules stop and change limits, the people service adds and removes
 * persons) and answers every one. Each call, carried out or refused, leaves an audit row by
 * {@value #ACTOR} before the answer goes.
 */
final class PlatformCommands {
  static final String ACTOR = "platform";
  private static final Logger log = LoggerFactory.getLogger(PlatformCommands.class);

  private final EventBus bus;
  private final Store store;
  private final RpcCheck check;
  private final PlatformPeople people;

  PlatformCommands(EventBus bus, Store store, RpcCheck check, PlatformPeople people) {
    this.bus = bus;
    this.store = store;
    this.check = check;
    this.people = people;
  }

  /** Never fails: a refusal or a failure is an error reply. */
  Future<RpcReply> handle(RpcRequest r) {
    RpcCheck.Outcome outcome = check.check(r);
    if (outcome.refusal() != null) {
      log.warn("RPC {} on {} refused: {}", r.method(), r.device(), outcome.refusal());
      return audited(r, null, new JsonObject().put("params", withoutPhoto(r.params())).put("ok", false)
          .put("error", outcome.refusal()), RpcReply.failed(r.device(), r.id(), outcome.refusal()));
    }
    RpcCommand command = outcome.command();
    if (command instanceof RpcCommand.OpenDoor open) {
      return open(r, open);
    }
    if (command instanceof RpcCommand.StopPort stop) {
      return stop(r, stop);
    }
    if (command instanceof RpcCommand.PushPerson push) {
      return person(r, push.form().id(), people.push(ACTOR, push));
    }
    if (command instanceof RpcCommand.RemovePerson remove) {
      return person(r, remove.personId(), people.remove(ACTOR, remove));
    }
    return setLimits(r, (RpcCommand.SetLimits) command);
  }

  /** A request that could not be read but names its device and id: answered, and audited. */
  Future<RpcReply> malformed(String device, long id, String problem) {
    RpcReply reply = RpcReply.failed(device, id, problem);
    return store.audit(ACTOR, "rpc.malformed", device, null, new JsonObject().put("id", id).put("error", problem)
            .encode())
        .otherwise(e -> null).map(reply);
  }

  private Future<RpcReply> open(RpcRequest r, RpcCommand.OpenDoor open) {
    return bus.<DoorBus.DoorOpened>request(DoorBus.OPEN, new DoorBus.OpenDoor(open.door(), ACTOR, open.openMs()))
        .map(Message::body)
        .transform(done -> {
          JsonObject after = new JsonObject().put("door", open.door()).put("ok", done.succeeded());
          if (done.succeeded()) {
            after.put("openMs", done.result().openMs()).put("heldByFire", done.result().heldByFire());
            return audited(r, null, after, RpcReply.ok(r.device(), r.id()));
          }
          String error = done.cause().getMessage();
          return audited(r, null, after.put("error", error), RpcReply.failed(r.device(), r.id(), error));
        });
  }

  private Future<RpcReply> stop(RpcRequest r, RpcCommand.StopPort stop) {
    return bus.<ChargingBus.StopWritten>request(ChargingBus.STOP,
            new ChargingBus.StopRequest(stop.pile(), stop.port(), StopReason.REMOTE))
        .map(Message::body)
        .transform(done -> {
          JsonObject after = new JsonObject().put("port", stop.port()).put("ok", done.succeeded());
          if (done.succeeded()) {
            ChargingBus.StopWritten written = done.result();
            JsonObject result = new JsonObject().put("port", stop.port())
                .put("relayBefore", written.relayBefore().code());
            if (written.alreadyStopping()) {
              result.put("alreadyStopping", true);
            }
            after.put("alreadyStopping", written.alreadyStopping()).put("relayBefore", written.relayBefore().code());
            return audited(r, null, after, RpcReply.ok(r.device(), r.id(), result));
          }
          String error = done.cause().getMessage();
          return audited(r, null, after.put("error", error), RpcReply.failed(r.device(), r.id(), error));
        });
  }

  private Future<RpcReply> setLimits(RpcRequest r, RpcCommand.SetLimits set) {
    return LiveLimits.set(bus, set.pile(), set.changes()).transform(done -> {
      if (done.failed()) {
        String error = done.cause().getMessage();
        return audited(r, null, new JsonObject().put("params", r.params()).put("ok", false).put("error", error),
            RpcReply.failed(r.device(), r.id(), error));
      }
      ChargingBus.PileLimits limits = done.result();
      return audited(r, LiveLimits.changed(limits.before(), set.changes()),
          LiveLimits.changed(limits.effective(), set.changes()),
          RpcReply.ok(r.device(), r.id(), new JsonObject().put("limits", LiveLimits.json(limits.effective()))));
    });
  }

  /**
   * The person's own audit rows (person.add, .update, .face.set, .remove) hold what changed; the
   * RPC's row holds only whom it concerned and how it ended.
   */
  private Future<RpcReply> person(RpcRequest r, String personId, Future<JsonObject> done) {
    return done.transform(ar -> {
      JsonObject after = new JsonObject().put("personId", personId).put("ok", ar.succeeded());
      if (ar.succeeded()) {
        ar.result().forEach(e -> after.put(e.getKey(), e.getValue()));
        return audited(r, null, after, RpcReply.ok(r.device(), r.id(), ar.result()));
      }
      String error = ar.cause().getMessage();
      // The people rules' sentences quote names and card numbers, which stay out of the log as
      // with the office's imports; the audit row has the reason.
      log.warn("RPC {} of person {} on {} failed; the reason is in the audit trail", r.method(), personId,
          r.device());
      return audited(r, null, after.put("error", error), RpcReply.failed(r.device(), r.id(), error));
    });
  }

  /** A photo has no place in the audit trail: only that one came. */
  private static JsonObject withoutPhoto(JsonObject params) {
    if (!params.containsKey(PersonParams.FACE_JPEG)) {
      return params;
    }
    return params.copy().put(PersonParams.FACE_JPEG, "(a photo, left out)");
  }

  /** The reply waits for the audit row; a row that cannot be written is logged, the reply still goes. */
  private Future<RpcReply> audited(RpcRequest r, JsonObject before, JsonObject after, RpcReply reply) {
    String action = RpcCheck.METHODS.contains(r.method()) ? "rpc." + r.method() : "rpc.unknown";
    if (action.equals("rpc.unknown")) {
      after.put("method", r.method());
    }
    return store.audit(ACTOR, action, r.device(), before == null ? null : before.encode(), after.encode())
        .onFailure(e -> log.error("audit of RPC {} on {} not saved: {}", r.method(), r.device(), e.getMessage()))
        .otherwise(e -> null).map(reply);
  }
}
