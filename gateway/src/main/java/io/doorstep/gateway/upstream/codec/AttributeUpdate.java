package io.doorstep.gateway.upstream.codec;

import io.vertx.core.json.JsonObject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shared attributes changed on the platform, pushed on {@link Topics#ATTRIBUTES}:
 * {@code {"device": "Pile S1-03", "data": {"port.maxPowerW": 600}}}. Values are as JSON gives
 * them (String, Integer/Long, Double, Boolean, JsonObject, JsonArray, null for a deleted one);
 * checking them against the configuration is the caller's job.
 */
public record AttributeUpdate(String device, Map<String, Object> values) {
  private static final String WHAT = "attribute update";

  public AttributeUpdate {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  public static AttributeUpdate decode(byte[] body) throws MalformedMessageException {
    JsonObject o = Inbound.object(body, WHAT);
    String device = Inbound.text(o, "device", WHAT, null, null);
    JsonObject data = Inbound.object(o, "data", WHAT, device, null);
    if (data.isEmpty()) {
      throw new MalformedMessageException(WHAT + ": 'data' names no attribute", device, null);
    }
    return new AttributeUpdate(device, Inbound.members(data));
  }

  public byte[] encode() {
    return new JsonObject().put("device", device).put("data", new JsonObject(new LinkedHashMap<>(values)))
        .toBuffer().getBytes();
  }
}
