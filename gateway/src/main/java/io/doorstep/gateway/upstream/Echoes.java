package io.doorstep.gateway.upstream;

import io.doorstep.gateway.upstream.codec.MalformedMessageException;
import io.doorstep.gateway.upstream.codec.RpcReply;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * The gateway's own messages coming back. The API has the gateway publish its RPC replies and
 * client attributes on the very topics it subscribes to; ThingsBoard does not echo them, but a
 * plain MQTT 3.1.1 broker in front of a platform does. An echo is not a malformed request and
 * must not be answered: answering a reply would answer the answer, for ever.
 */
final class Echoes {
  private Echoes() {}

  /** A reply has {@code id} and {@code data.success} at the top; a request has neither. */
  static boolean rpcReply(byte[] body) {
    try {
      RpcReply.decode(body);
      return true;
    } catch (MalformedMessageException e) {
      return false;
    }
  }

  /**
   * Client attributes are {@code {"<device>": {…}, …}}; an update from the platform is
   * {@code {"device": "…", "data": {…}}}.
   */
  static boolean clientAttributes(byte[] body) {
    try {
      JsonObject o = new JsonObject(Buffer.buffer(body));
      return !o.isEmpty() && !o.containsKey("device") && !o.containsKey("data")
          && o.fieldNames().stream().allMatch(k -> o.getValue(k) instanceof JsonObject);
    } catch (RuntimeException e) {
      return false;
    }
  }
}
