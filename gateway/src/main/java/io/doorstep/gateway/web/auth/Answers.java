package io.doorstep.gateway.web.auth;

import io.doorstep.gateway.web.Replies;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Reading the login and account forms, and answering their failures in the API's shape. */
final class Answers {
  private Answers() {}

  static void fail(RoutingContext ctx, Throwable failure) {
    if (failure instanceof AccountProblem p) {
      Replies.field(ctx, p.status(), p.field(), p.getMessage());
    } else if (failure instanceof BadField b) {
      Replies.field(ctx, 400, b.field, b.getMessage());
    } else {
      ctx.fail(failure);
    }
  }

  /** A field the client sent wrong; answered 400 naming it. */
  static final class BadField extends RuntimeException {
    final String field;

    BadField(String field, String message) {
      super(message, null, false, false);
      this.field = field;
    }
  }

  /** The request's JSON object; a body that is not one is answered as a bad "body". */
  static JsonObject body(RoutingContext ctx) {
    try {
      JsonObject body = ctx.body().asJsonObject();
      if (body == null) {
        throw new BadField("body", "expected a JSON object");
      }
      return body;
    } catch (DecodeException | ClassCastException e) {
      throw new BadField("body", "expected a JSON object");
    }
  }

  /** A text field: required unless {@code optional}, at most {@code max} characters. */
  static String text(JsonObject body, String field, int max, boolean optional) {
    Object value = body.getValue(field);
    if (value == null) {
      if (optional) {
        return null;
      }
      throw new BadField(field, "required");
    }
    if (!(value instanceof String text)) {
      throw new BadField(field, "expected text");
    }
    if (text.length() > max) {
      throw new BadField(field, "at most " + max + " characters");
    }
    return text;
  }
}
