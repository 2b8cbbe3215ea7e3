package io.doorstep.gateway.web.board;

import io.doorstep.gateway.web.Replies;
import io.doorstep.gateway.alarms.Alarm;
import io.doorstep.gateway.alarms.AlarmBus;
import io.doorstep.gateway.config.EstateConfig;
import io.doorstep.gateway.web.auth.WebUser;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The alarms that need a person, and their acknowledgement. The alarm service owns both: it
 * checks that one acknowledgement wins, writes the audit row with the guard's name and records
 * the event every open board shows.
 *
 * <p>The note is required: it is the only record of what the guard found or did, and the
 * property company reads it when it judges how alarms were handled. The page offers a few
 * ready phrases, so a required note costs one click.
 */
final class AlarmActions {
  private final EstateMap map;

  AlarmActions(EstateMap map) {
    this.map = map;
  }

  void active(RoutingContext ctx) {
    ctx.vertx().eventBus().<AlarmBus.AlarmList>request(AlarmBus.ACTIVE, new AlarmBus.ActiveQuery())
        .onSuccess(reply -> {
          JsonArray alarms = new JsonArray();
          reply.body().alarms().forEach(a -> alarms.add(json(a)));
          Replies.json(ctx, 200, new JsonObject().put("alarms", alarms));
        })
        .onFailure(e -> Replies.error(ctx, 503, "alarms unavailable: " + e.getMessage()));
  }

  void acknowledge(RoutingContext ctx) {
    long id = Ids.alarm(ctx.pathParam("id"));
    if (id < 0) {
      Replies.field(ctx, 400, "id", "not an alarm id");
      return;
    }
    JsonObject body = Replies.body(ctx);
    if (body == null) {
      return;
    }
    Object raw = body.getValue("note");
    String note = raw instanceof String s ? s.strip() : null;
    if (raw != null && !(raw instanceof String)) {
      Replies.field(ctx, 400, "note", "the note must be text");
      return;
    }
    if (note == null || note.isEmpty()) {
      Replies.field(ctx, 400, "note", "say what you found or did");
      return;
    }
    if (note.length() > AlarmBus.MAX_NOTE) {
      Replies.field(ctx, 400, "note", "a note of at most " + AlarmBus.MAX_NOTE + " characters");
      return;
    }
    WebUser user = WebUser.of(ctx);
    ctx.vertx().eventBus().<Alarm>request(AlarmBus.ACK, new AlarmBus.Acknowledge(id, user.name(), note))
        .onSuccess(reply -> Replies.json(ctx, 200, json(reply.body())))
        .onFailure(e -> failed(ctx, e));
  }

  private static void failed(RoutingContext ctx, Throwable e) {
    int code = e instanceof ReplyException r ? r.failureCode() : AlarmBus.NOT_SAVED;
    switch (code) {
      case AlarmBus.INVALID -> Replies.field(ctx, 400, "note", e.getMessage());
      case AlarmBus.NOT_FOUND -> Replies.error(ctx, 404, e.getMessage());
      case AlarmBus.ALREADY_ACKNOWLEDGED -> Replies.error(ctx, 409, e.getMessage());
      default -> Replies.error(ctx, 503, "acknowledgement not saved: " + e.getMessage());
    }
  }

  /** The alarm with the door it is at, so the page can say where without another request. */
  private JsonObject json(Alarm alarm) {
    EstateConfig.Door door = map.doorOf(alarm.device());
    return alarm.toJson().put("door", door == null ? null : door.id()).put("doorName", door == null ? null : door.name());
  }
}
