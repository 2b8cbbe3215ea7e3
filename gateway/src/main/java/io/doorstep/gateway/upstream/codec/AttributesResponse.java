package io.doorstep.gateway.upstream.codec;

import io.vertx.core.json.JsonObject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The platform's answer to an {@link AttributesRequest}, on {@link Topics#ATTRIBUTES_RESPONSE}:
 * {@code {"id": 1, "device": "…", "value": 600}} when it holds one of the keys asked for (the key
 * is not repeated: when one key was asked, the request says which; when several were, the answer
 * does not), {@code "values": {…}} when it holds several, and neither when it holds none, as
 * ThingsBoard answers.
 *
 * @param value the single value, when {@code single}
 * @param values the values by key, when not {@code single}; empty otherwise, and when the platform holds none
 */
public record AttributesResponse(long id, String device, boolean single, Object value, Map<String, Object> values) {
  private static final String WHAT = "attributes response";

  public AttributesResponse {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  public static AttributesResponse one(long id, String device, Object value) {
    return new AttributesResponse(id, device, true, value, Map.of());
  }

  public static AttributesResponse several(long id, String device, Map<String, Object> values) {
    return new AttributesResponse(id, device, false, null, values);
  }

  /** The platform holds none of the keys asked for. */
  public static AttributesResponse none(long id, String device) {
    return several(id, device, Map.of());
  }

  public static AttributesResponse decode(byte[] body) throws MalformedMessageException {
    JsonObject o = Inbound.object(body, WHAT);
    String device = Inbound.text(o, "device", WHAT, null, null);
    long id = Inbound.integer(o, "id", WHAT, device);
    boolean hasValue = o.containsKey("value");
    boolean hasValues = o.containsKey("values");
    if (hasValue && hasValues) {
      throw new MalformedMessageException(WHAT + ": has both 'value' and 'values'", device, id);
    }
    if (!hasValue && !hasValues) {
      return none(id, device);
    }
    return hasValue ? one(id, device, o.getValue("value"))
        : several(id, device, Inbound.members(Inbound.object(o, "values", WHAT, device, id)));
  }

  public byte[] encode() {
    JsonObject o = new JsonObject().put("id", id).put("device", device);
    if (single) {
      o.put("value", value);
    } else if (!values.isEmpty()) {
      o.put("values", new JsonObject(new LinkedHashMap<>(values)));
    }
    return o.toBuffer().getBytes();
  }
}
