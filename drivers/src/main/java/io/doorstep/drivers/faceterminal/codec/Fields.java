package io.doorstep.drivers.faceterminal.codec;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/** Typed, checked access to a decoded JSON object; every failure names the field. */
final class Fields {
  private final JsonObject json;

  Fields(JsonObject json) {
    this.json = json;
  }

  String requiredString(String name) throws FtDecodeException {
    Object v = json.getValue(name);
    if (!(v instanceof String s)) {
      throw bad(name, "a string is required");
    }
    return s;
  }

  String optionalString(String name) throws FtDecodeException {
    Object v = json.getValue(name);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String s)) {
      throw bad(name, "must be a string or null");
    }
    return s;
  }

  String oneOf(String name, Set<String> allowed) throws FtDecodeException {
    String s = requiredString(name);
    if (!allowed.contains(s)) {
      throw bad(name, "must be one of " + allowed + ", got '" + FtTopic.clip(s) + "'");
    }
    return s;
  }

  long requiredLong(String name) throws FtDecodeException {
    Object v = json.getValue(name);
    if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      throw bad(name, "an integer is required");
    }
    return n.longValue();
  }

  long requiredNonNegative(String name) throws FtDecodeException {
    long v = requiredLong(name);
    if (v < 0) {
      throw bad(name, "must not be negative");
    }
    return v;
  }

  Double optionalFraction(String name) throws FtDecodeException {
    Object v = json.getValue(name);
    if (v == null) {
      return null;
    }
    if (!(v instanceof Number n) || n.doubleValue() < 0 || n.doubleValue() > 1) {
      throw bad(name, "must be a number from 0 to 1, or null");
    }
    return n.doubleValue();
  }

  boolean requiredBoolean(String name) throws FtDecodeException {
    Object v = json.getValue(name);
    if (!(v instanceof Boolean b)) {
      throw bad(name, "true or false is required");
    }
    return b;
  }

  Boolean optionalBoolean(String name) throws FtDecodeException {
    Object v = json.getValue(name);
    if (v == null) {
      return null;
    }
    if (!(v instanceof Boolean b)) {
      throw bad(name, "must be true, false or null");
    }
    return b;
  }

  JsonArray requiredArray(String name) throws FtDecodeException {
    Object v = json.getValue(name);
    if (!(v instanceof JsonArray a)) {
      throw bad(name, "an array is required");
    }
    return a;
  }

  boolean optionalArrayPresent(String name) {
    return json.getValue(name) != null;
  }

  static FtDecodeException bad(String field, String what) {
    return new FtDecodeException(FtDecodeException.BAD_FIELD, "field '" + field + "': " + what);
  }
}
