package io.doorstep.gateway.upstream.codec;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Strict reading of a platform message's JSON: each fault has its own sentence. */
final class Inbound {
  /** Larger than any body the API sends to a gateway; a bigger one is refused unread. */
  static final int MAX_BODY_BYTES = 64 * 1024;

  private Inbound() {}

  static JsonObject object(byte[] body, String what) throws MalformedMessageException {
    if (body == null || body.length == 0) {
      throw new MalformedMessageException(what + ": empty body", null, null);
    }
    if (body.length > MAX_BODY_BYTES) {
      throw new MalformedMessageException(
          what + ": body of " + body.length + " bytes is over the " + MAX_BODY_BYTES + "-byte limit", null, null);
    }
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body));
    } catch (CharacterCodingException e) {
      throw new MalformedMessageException(what + ": body is not UTF-8 text", null, null);
    }
    Object value;
    try {
      value = Json.decodeValue(Buffer.buffer(body));
    } catch (DecodeException e) {
      throw new MalformedMessageException(what + ": body is not JSON", null, null);
    }
    if (!(value instanceof JsonObject object)) {
      throw new MalformedMessageException(what + ": body is not a JSON object", null, null);
    }
    return object;
  }

  static String text(JsonObject o, String key, String what, String device, Long id) throws MalformedMessageException {
    Object v = o.getValue(key);
    if (v == null) {
      throw new MalformedMessageException(what + ": '" + key + "' is missing", device, id);
    }
    if (!(v instanceof String s)) {
      throw new MalformedMessageException(what + ": '" + key + "' is not a string", device, id);
    }
    if (s.isBlank()) {
      throw new MalformedMessageException(what + ": '" + key + "' is empty", device, id);
    }
    return s;
  }

  static JsonObject object(JsonObject o, String key, String what, String device, Long id)
      throws MalformedMessageException {
    Object v = o.getValue(key);
    if (v == null) {
      throw new MalformedMessageException(what + ": '" + key + "' is missing", device, id);
    }
    if (!(v instanceof JsonObject j)) {
      throw new MalformedMessageException(what + ": '" + key + "' is not an object", device, id);
    }
    return j;
  }

  /** Integers only: 7, not 7.0, not "7", and within a long. */
  static long integer(JsonObject o, String key, String what, String device) throws MalformedMessageException {
    Object v = o.getValue(key);
    if (v == null) {
      throw new MalformedMessageException(what + ": '" + key + "' is missing", device, null);
    }
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    throw new MalformedMessageException(what + ": '" + key + "' is not an integer (" + Json.encode(v) + ")", device, null);
  }

  /** The object's members as JsonObject, JsonArray and scalars, never raw maps or lists. */
  static Map<String, Object> members(JsonObject o) {
    Map<String, Object> members = new LinkedHashMap<>();
    for (String key : o.fieldNames()) {
      members.put(key, o.getValue(key));
    }
    return members;
  }

  /** The device if it is readable, for an error answer; null otherwise. */
  static String deviceIfAny(JsonObject o) {
    return o.getValue("device") instanceof String s && !s.isBlank() ? s : null;
  }
}
