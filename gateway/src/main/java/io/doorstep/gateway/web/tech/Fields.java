package io.doorstep.gateway.web.tech;

import io.doorstep.gateway.web.BadParameterException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Whole numbers from a body or a query, each checked against its range, the field named on failure. */
final class Fields {
  private Fields() {}

  static int body(JsonObject body, String field, int min, int max) {
    Object value = body.getValue(field);
    if (value == null) {
      throw new BadParameterException(field, field + " is missing (" + min + "-" + max + ")");
    }
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return inRange(field, n.longValue(), min, max);
    }
    if (value instanceof String s) {
      return parse(field, s, min, max);
    }
    throw new BadParameterException(field, field + " must be a whole number (" + min + "-" + max + "), got " + value);
  }

  static int query(RoutingContext ctx, String field, int min, int max) {
    String value = ctx.request().getParam(field);
    if (value == null || value.isBlank()) {
      throw new BadParameterException(field, field + " is missing (" + min + "-" + max + ")");
    }
    return parse(field, value, min, max);
  }

  /** Decimal, or hexadecimal written 0x…, as register maps are. */
  private static int parse(String field, String text, int min, int max) {
    String t = text.trim().toLowerCase(java.util.Locale.ROOT);
    try {
      long v = t.startsWith("0x") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
      return inRange(field, v, min, max);
    } catch (NumberFormatException e) {
      throw new BadParameterException(field, field + " must be a whole number (" + min + "-" + max + "), got '" + text + "'");
    }
  }

  private static int inRange(String field, long v, int min, int max) {
    if (v < min || v > max) {
      throw new BadParameterException(field, field + " must be between " + min + " and " + max + ", got " + v);
    }
    return (int) v;
  }
}
