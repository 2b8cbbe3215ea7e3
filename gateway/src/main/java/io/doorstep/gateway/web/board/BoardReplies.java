package io.doorstep.gateway.web.board;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** The board's answers, in the API's one error shape: {"error": …, "field": …}. */
final class BoardReplies {
  static final String JSON = "application/json; charset=utf-8";

  private BoardReplies() {}

  static void json(RoutingContext ctx, int status, JsonObject body) {
    if (ctx.response().ended()) {
      return;
    }
    ctx.response().setStatusCode(status).putHeader("Content-Type", JSON).end(body.encode());
  }

  static void error(RoutingContext ctx, int status, String message) {
    json(ctx, status, new JsonObject().put("error", message));
  }

  /** A field the person must correct; the page puts the message beside it. */
  static void badField(RoutingContext ctx, String field, String message) {
    json(ctx, 400, new JsonObject().put("error", message).put("field", field));
  }

  /**
   * The request's JSON object; an empty body is an empty object. Null (and answered) when the
   * body is not a JSON object.
   */
  static JsonObject body(RoutingContext ctx) {
    String text = ctx.body().asString();
    if (text == null || text.isBlank()) {
      return new JsonObject();
    }
    try {
      return new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      error(ctx, 400, "the body must be a JSON object");
      return null;
    }
  }
}
