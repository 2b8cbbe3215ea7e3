package io.doorstep.gateway.upstream.codec;

import io.vertx.core.json.JsonObject;

/**
 * A command from the platform, on {@link Topics#RPC}:
 * {@code {"device": "Gate P1 lane 2", "data": {"id": 7, "method": "open", "params": {"openMs": 5000}}}}.
 * Whether the device exists and the method is allowed is the caller's decision, not the codec's.
 *
 * @param params an empty object when the platform sent none
 */
public record RpcRequest(String device, long id, String method, JsonObject params) {
  private static final String WHAT = "RPC request";

  /** @throws MalformedMessageException with the device and id when they were readable, to answer with an error */
  public static RpcRequest decode(byte[] body) throws MalformedMessageException {
    JsonObject o = Inbound.object(body, WHAT);
    String device = Inbound.text(o, "device", WHAT, null, null);
    JsonObject data = Inbound.object(o, "data", WHAT, device, null);
    long id = Inbound.integer(data, "id", WHAT, device);
    String method = Inbound.text(data, "method", WHAT, device, id);
    Object params = data.getValue("params");
    if (params != null && !(params instanceof JsonObject)) {
      throw new MalformedMessageException(WHAT + ": 'params' is not an object", device, id);
    }
    return new RpcRequest(device, id, method, params == null ? new JsonObject() : ((JsonObject) params).copy());
  }

  /** As the platform sends it; for simulators and tests. */
  public byte[] encode() {
    JsonObject data = new JsonObject().put("id", id).put("method", method).put("params", params);
    return new JsonObject().put("device", device).put("data", data).toBuffer().getBytes();
  }
}
