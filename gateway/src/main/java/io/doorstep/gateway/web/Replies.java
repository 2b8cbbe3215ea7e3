package io.doorstep.gateway.web;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** The API's replies, so every route answers errors in one JSON shape: {"error": …}. */
final class Replies {
  static final String JSON = "application/json; charset=utf-8";

  private Replies() {}

  static void json(RoutingContext ctx, int status, JsonObject body) {
    if (ctx.response().ended()) {
      return;
    }
    ctx.response().setStatusCode(status).putHeader("Content-Type", JSON).end(body.encode());
  }

  static void error(RoutingContext ctx, int status, String message) {
    json(ctx, status, new JsonObject().put("error", message));
  }

  static void badParameter(RoutingContext ctx, BadParameterException e) {
    json(ctx, 400, new JsonObject()
        .put("error", "bad parameter '" + e.parameter() + "': " + e.getMessage())
        .put("parameter", e.parameter()));
  }
}
