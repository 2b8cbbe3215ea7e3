package io.doorstep.gateway.upstream.codec;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Asks the platform for a device's attributes, on {@link Topics#ATTRIBUTES_REQUEST}:
 * {@code {"id": 1, "device": "…", "client": false, "keys": ["port.maxPowerW"]}}.
 *
 * @param client true for client-side attributes, false for shared ones
 */
public record AttributesRequest(long id, String device, boolean client, List<String> keys) {
  public AttributesRequest {
    keys = List.copyOf(keys);
  }

  public byte[] encode() {
    return new JsonObject().put("id", id).put("device", device).put("client", client)
        .put("keys", new JsonArray(List.copyOf(keys))).toBuffer().getBytes();
  }
}
