package io.doorstep.gateway.upstream.codec;

import io.vertx.core.json.JsonObject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Device facts published as client attributes on {@link Topics#ATTRIBUTES}:
 * {@code {"ft-g1-l1": {"firmware": "1.4", "model": "EBC-10"}, …}}, several devices at once.
 */
public record DeviceAttributes(Map<String, JsonObject> byDevice) {
  private static final String WHAT = "device attributes";

  public DeviceAttributes {
    Map<String, JsonObject> copy = new LinkedHashMap<>();
    byDevice.forEach((device, values) -> copy.put(device, values.copy()));
    byDevice = Collections.unmodifiableMap(copy);
  }

  public byte[] encode() {
    JsonObject o = new JsonObject();
    byDevice.forEach(o::put);
    return o.toBuffer().getBytes();
  }

  public static DeviceAttributes decode(byte[] body) throws MalformedMessageException {
    JsonObject o = Inbound.object(body, WHAT);
    Map<String, JsonObject> byDevice = new LinkedHashMap<>();
    for (String device : o.fieldNames()) {
      byDevice.put(device, Inbound.object(o, device, WHAT, device, null));
    }
    return new DeviceAttributes(byDevice);
  }
}
