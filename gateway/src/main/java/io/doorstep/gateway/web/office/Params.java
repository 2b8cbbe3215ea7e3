package io.doorstep.gateway.web.office;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/** Reads query parameters and JSON fields, refusing a wrong one by its name. */
final class Params {

  /** A parameter or field that cannot be read; its name is the field the page marks. */
  static final class Bad extends Exception {
    private final String field;

    Bad(String field, String message) {
      super(message, null, false, false);
      this.field = field;
    }

    String field() {
      return field;
    }
  }

  private Params() {}

  static int integer(RoutingContext ctx, String name, int fallback, int min, int max) throws Bad {
    String text = ctx.request().getParam(name);
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(text.strip());
      if (n < min || n > max) {
        throw new Bad(name, "must be from " + min + " to " + max + ", got " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new Bad(name, "'" + text + "' is not a whole number");
    }
  }

  /** The request's JSON object; an unreadable body is blamed on no field. */
  static JsonObject body(RoutingContext ctx) throws Bad {
    try {
      JsonObject body = ctx.body().asJsonObject();
      if (body == null) {
        throw new Bad(null, "the request has no JSON body");
      }
      return body;
    } catch (RuntimeException e) {
      throw new Bad(null, "the body is not a JSON object");
    }
  }

  /** A text field: absent or null reads as empty; a number is taken as its digits. */
  static String text(JsonObject body, String field) throws Bad {
    Object v = body.getValue(field);
    if (v == null) {
      return "";
    }
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof Number n) {
      return n.toString();
    }
    throw new Bad(field, "must be text");
  }

  /** A list of texts; a single text is split at line breaks, commas and semicolons, as people type lists. */
  static List<String> texts(JsonObject body, String field) throws Bad {
    Object v = body.getValue(field);
    List<String> out = new ArrayList<>();
    if (v == null) {
      return out;
    }
    if (v instanceof String s) {
      for (String part : s.split("[\\n,;，；]")) {
        if (!part.isBlank()) {
          out.add(part.strip());
        }
      }
      return out;
    }
    if (v instanceof JsonArray a) {
      for (Object o : a) {
        if (!(o instanceof String s)) {
          throw new Bad(field, "must be a list of texts");
        }
        out.add(s);
      }
      return out;
    }
    throw new Bad(field, "must be a list of texts");
  }
}
