package io.doorstep.gateway.web.tech;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** The console's answers in the API's shapes: JSON, and {"error", "field"} for what went wrong. */
final class TechReplies {
  static final String JSON = "application/json; charset=utf-8";

  private TechReplies() {}

  static void json(RoutingContext ctx, int status, JsonObject body) {
    if (!ctx.response().ended()) {
      ctx.response().setStatusCode(status).putHeader("Content-Type", JSON).end(body.encode());
    }
  }

  static void error(RoutingContext ctx, int status, String message) {
    json(ctx, status, new JsonObject().put("error", message));
  }

  static void badField(RoutingContext ctx, FieldException e) {
    json(ctx, 400, new JsonObject().put("error", e.getMessage()).put("field", e.field()));
  }

  /** The body as JSON, or a 400 naming the body; null when answered. */
  static JsonObject body(RoutingContext ctx) {
    try {
      JsonObject body = ctx.body().asJsonObject();
      if (body != null) {
        return body;
      }
    } catch (RuntimeException e) {
      // answered below
    }
    badField(ctx, new FieldException("body", "the request needs a JSON object"));
    return null;
  }
}
