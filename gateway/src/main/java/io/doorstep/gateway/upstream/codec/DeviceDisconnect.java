package io.doorstep.gateway.upstream.codec;

import io.vertx.core.json.JsonObject;

/** A device went offline: {@code {"device": "ft-g1-l1"}} on {@link Topics#DISCONNECT}. */
public record DeviceDisconnect(String device) {
  private static final String WHAT = "device disconnect";

  public byte[] encode() {
    return new JsonObject().put("device", device).toBuffer().getBytes();
  }

  public static DeviceDisconnect decode(byte[] body) throws MalformedMessageException {
    return new DeviceDisconnect(Inbound.text(Inbound.object(body, WHAT), "device", WHAT, null, null));
  }
}
