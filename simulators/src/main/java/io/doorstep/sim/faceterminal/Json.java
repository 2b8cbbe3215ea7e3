package io.doorstep.sim.faceterminal;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;

/**
 * Strict readers for down messages. JsonObject's own getters convert (a number read as a
 * string gives "5"), which would accept what a real terminal refuses; these check the type.
 */
final class Json {

  static final int MAX_MSG_ID = 64;

  private Json() {
  }

  static JsonObject parse(byte[] body) throws BadRequestException {
    try {
      return new JsonObject(new String(body, StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      throw new BadRequestException("not a JSON object");
    }
  }

  /** The msgId if it can be read at all, so that even a refusal names what it refuses. */
  static String msgIdOrNull(byte[] body) {
    try {
      Object id = parse(body).getValue("msgId");
      return id instanceof String s ? s : null;
    } catch (BadRequestException e) {
      return null;
    }
  }

  /** Every message carries a msgId (at most 64 characters) and a ts. */
  static String requireEnvelope(JsonObject json) throws BadRequestException {
    String msgId = requireString(json, "msgId");
    if (msgId.isEmpty() || msgId.length() > MAX_MSG_ID) {
      throw new BadRequestException("msgId must have 1 to 64 characters");
    }
    requireLong(json, "ts", 0, Long.MAX_VALUE);
    return msgId;
  }

  static String requireString(JsonObject json, String key) throws BadRequestException {
    if (json.getValue(key) instanceof String s) {
      return s;
    }
    throw new BadRequestException(key + " must be a string");
  }

  static String optionalString(JsonObject json, String key) throws BadRequestException {
    Object value = json.getValue(key);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw new BadRequestException(key + " must be a string");
  }

  static long requireLong(JsonObject json, String key, long min, long max)
      throws BadRequestException {
    Object value = json.getValue(key);
    if (value instanceof Integer || value instanceof Long) {
      long n = ((Number) value).longValue();
      if (n >= min && n <= max) {
        return n;
      }
    }
    throw new BadRequestException(key + " must be a whole number from " + min + " to " + max);
  }

  static Long optionalLong(JsonObject json, String key, long min, long max)
      throws BadRequestException {
    return json.getValue(key) == null ? null : requireLong(json, key, min, max);
  }

  static boolean requireBoolean(JsonObject json, String key) throws BadRequestException {
    if (json.getValue(key) instanceof Boolean b) {
      return b;
    }
    throw new BadRequestException(key + " must be true or false");
  }

  static JsonArray requireArray(JsonObject json, String key) throws BadRequestException {
    if (json.getValue(key) instanceof JsonArray a) {
      return a;
    }
    throw new BadRequestException(key + " must be an array");
  }

  static JsonObject requireObject(Object value, String what) throws BadRequestException {
    if (value instanceof JsonObject o) {
      return o;
    }
    throw new BadRequestException(what + " must be an object");
  }

  static String requireString(Object value, String what) throws BadRequestException {
    if (value instanceof String s) {
      return s;
    }
    throw new BadRequestException(what + " must be a string");
  }
}
