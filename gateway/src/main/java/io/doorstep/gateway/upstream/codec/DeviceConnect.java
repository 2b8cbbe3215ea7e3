package io.doorstep.gateway.upstream.codec;

import io.vertx.core.json.JsonObject;

/**
 * A device came online: {@code {"device": "ft-g1-l1", "type": "face-terminal"}} on {@link Topics#CONNECT}.
 * The name upstream is the gateway's device id (see {@link TelemetryEvent}); the type its device type.
 */
public record DeviceConnect(String device, String type) {
  private static final String WHAT = "device connect";

  public byte[] encode() {
    return new JsonObject().put("device", device).put("type", type).toBuffer().getBytes();
  }

  public static DeviceConnect decode(byte[] body) throws MalformedMessageException {
    JsonObject o = Inbound.object(body, WHAT);
    String device = Inbound.text(o, "device", WHAT, null, null);
    return new DeviceConnect(device, Inbound.text(o, "type", WHAT, device, null));
  }
}
