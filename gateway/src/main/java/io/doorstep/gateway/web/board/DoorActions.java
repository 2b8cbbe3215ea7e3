package io.doorstep.gateway.web.board;

import io.doorstep.gateway.web.Replies;
import io.doorstep.gateway.bus.CommandFailures;
import io.doorstep.gateway.doors.DoorBus;
import io.doorstep.gateway.web.auth.WebUser;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * A guard opens a door or lane from the booth. The door service sends the release to every
 * device of the door, waits for each to acknowledge, and audits the open with the guard's name
 * whether it worked or not; the page shows its answer as it is.
 */
final class DoorActions {
  /** Longer than the door service's own wait for the devices, so its answer always arrives. */
  private static final DeliveryOptions OPEN = new DeliveryOptions().setSendTimeout(30_000);

  void open(RoutingContext ctx) {
    String door = ctx.pathParam("id");
    if (!Ids.door(door)) {
      Replies.field(ctx, 400, "id", "not a door id");
      return;
    }
    JsonObject body = Replies.body(ctx);
    if (body == null) {
      return;
    }
    WebUser user = WebUser.of(ctx);
    // The door service's default release time: the same as a terminal's own open.
    ctx.vertx().eventBus().<DoorBus.DoorOpened>request(DoorBus.OPEN, new DoorBus.OpenDoor(door, user.name(), 0), OPEN)
        .onSuccess(reply -> {
          DoorBus.DoorOpened opened = reply.body();
          Replies.json(ctx, 200, new JsonObject().put("door", opened.door())
              .put("devices", new JsonArray(opened.devices())).put("openMs", opened.openMs())
              .put("heldByFire", opened.heldByFire()));
        })
        .onFailure(e -> failed(ctx, e));
  }

  /** The failure's code travels with it, so the page can word it for the guard. */
  private static void failed(RoutingContext ctx, Throwable e) {
    int code = e instanceof ReplyException r ? r.failureCode() : CommandFailures.OTHER;
    int status = switch (code) {
      case DoorBus.INVALID -> 400;
      case DoorBus.NO_SUCH_DOOR -> 404;
      case DoorBus.NO_DEVICE -> 409;
      case DoorBus.REFUSED -> 502;
      case CommandFailures.DEVICE_TIMEOUT -> 504;
      case CommandFailures.LINK_DOWN -> 503;
      default -> 500;
    };
    JsonObject reply = new JsonObject().put("error", e.getMessage()).put("reason", reason(code));
    if (status == 404) {
      reply.put("field", "id");
    }
    Replies.json(ctx, status, reply);
  }

  private static String reason(int code) {
    return switch (code) {
      case DoorBus.NO_SUCH_DOOR -> "no-such-door";
      case DoorBus.NO_DEVICE -> "no-device";
      case DoorBus.REFUSED -> "refused";
      case CommandFailures.DEVICE_TIMEOUT -> "timeout";
      case CommandFailures.LINK_DOWN -> "link-down";
      case DoorBus.INVALID -> "invalid";
      default -> "failed";
    };
  }
}
