package io.doorstep.gateway.upstream.codec;

import io.vertx.core.json.JsonObject;

/**
 * The answer to an {@link RpcRequest}, published on {@link Topics#RPC}:
 * {@code {"device": "…", "id": 7, "data": {"success": true}}},
 * {@code {"device": "…", "id": 7, "data": {"success": true, "result": {…}}}} when the command has
 * something to tell (a pile's limits now), or
 * {@code {"device": "…", "id": 7, "data": {"success": false, "error": "…"}}}.
 *
 * @param error null on success; a sentence for the platform's operator otherwise
 * @param result null unless a success has something to tell
 */
public record RpcReply(String device, long id, boolean success, String error, JsonObject result) {

  public RpcReply {
    if (success == (error != null)) {
      throw new IllegalArgumentException("a reply has an error exactly when it is not a success");
    }
    if (!success && result != null) {
      throw new IllegalArgumentException("a failed reply has no result");
    }
    result = result == null ? null : result.copy();
  }

  public RpcReply(String device, long id, boolean success, String error) {
    this(device, id, success, error, null);
  }

  public static RpcReply ok(String device, long id) {
    return new RpcReply(device, id, true, null);
  }

  public static RpcReply ok(String device, long id, JsonObject result) {
    return new RpcReply(device, id, true, null, result);
  }

  public static RpcReply failed(String device, long id, String error) {
    return new RpcReply(device, id, false, error);
  }

  public byte[] encode() {
    JsonObject data = new JsonObject().put("success", success);
    if (!success) {
      data.put("error", error);
    }
    if (result != null) {
      data.put("result", result.copy());
    }
    return new JsonObject().put("device", device).put("id", id).put("data", data).toBuffer().getBytes();
  }

  public static RpcReply decode(byte[] body) throws MalformedMessageException {
    String what = "RPC reply";
    JsonObject o = Inbound.object(body, what);
    String device = Inbound.text(o, "device", what, null, null);
    long id = Inbound.integer(o, "id", what, device);
    JsonObject data = Inbound.object(o, "data", what, device, id);
    if (!(data.getValue("success") instanceof Boolean success)) {
      throw new MalformedMessageException(what + ": 'success' is not true or false", device, id);
    }
    Object result = data.getValue("result");
    if (result != null && !(success && result instanceof JsonObject)) {
      throw new MalformedMessageException(what + ": 'result' is not an object of a success", device, id);
    }
    return new RpcReply(device, id, success, success ? null : Inbound.text(data, "error", what, device, id),
        (JsonObject) result);
  }
}
