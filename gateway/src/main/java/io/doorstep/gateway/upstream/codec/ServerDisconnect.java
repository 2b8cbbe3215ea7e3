package io.doorstep.gateway.upstream.codec;

import io.vertx.core.json.JsonObject;

/**
 * The platform drops a device (or the gateway's whole session) on {@link Topics#DISCONNECT}:
 * {@code {"device": "…", "reason": 150}}; 150 means rate limited.
 *
 * @param device null when the message names none
 */
public record ServerDisconnect(String device, long reason) {
  public static final long RATE_LIMITED = 150;
  private static final String WHAT = "disconnect from the platform";

  public static ServerDisconnect decode(byte[] body) throws MalformedMessageException {
    JsonObject o = Inbound.object(body, WHAT);
    String device = o.containsKey("device") ? Inbound.text(o, "device", WHAT, null, null) : null;
    return new ServerDisconnect(device, Inbound.integer(o, "reason", WHAT, device));
  }

  public byte[] encode() {
    JsonObject o = new JsonObject();
    if (device != null) {
      o.put("device", device);
    }
    return o.put("reason", reason).toBuffer().getBytes();
  }

  public boolean rateLimited() {
    return reason == RATE_LIMITED;
  }
}
