package io.doorstep.gateway.web;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The API's replies, so every route of every area answers in one shape: JSON, errors as
 * {@code {"error": …}}, and a field the person must correct as {@code {"error": …, "field": …}}.
 */
public final class Replies {
  public static final String JSON = "application/json; charset=utf-8";

  private Replies() {}

  public static void json(RoutingContext ctx, int status, JsonObject body) {
    if (ctx.response().ended()) {
      return;
    }
    ctx.response().setStatusCode(status).putHeader("Content-Type", JSON).end(body.encode());
  }

  public static void error(RoutingContext ctx, int status, String message) {
    json(ctx, status, new JsonObject().put("error", message));
  }

  static void badParameter(RoutingContext ctx, BadParameterException e) {
    json(ctx, 400, new JsonObject()
        .put("error", "bad parameter '" + e.parameter() + "': " + e.getMessage())
        .put("parameter", e.parameter()));
  }

  /** A field the person must correct; the page puts the message beside it. */
  public static void field(RoutingContext ctx, int status, String field, String message) {
    json(ctx, status, new JsonObject().put("error", message).put("field", field));
  }

  /**
   * The request's JSON object; an empty body is an empty object. Null, and answered as a bad
   * {@code "body"}, when the body is not a JSON object.
   */
  public static JsonObject body(RoutingContext ctx) {
    String text = ctx.body().asString();
    if (text == null || text.isBlank()) {
      return new JsonObject();
    }
    try {
      return new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      field(ctx, 400, "body", "the request needs a JSON object");
      return null;
    }
  }
}
