package io.doorstep.drivers.mqtt;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.util.function.BiFunction;

/** The first step of every device codec on the broker: a body within its size, and a JSON object. */
public final class JsonBodies {
  private JsonBodies() {}

  /**
   * @param limit the size limit as a person reads it ("4 MiB")
   * @param failure the codec's exception for a reason code and a message
   */
  public static <E extends BadMessageException> JsonObject object(byte[] body, int maxBytes, String limit,
      BiFunction<String, String, E> failure) throws E {
    if (body.length > maxBytes) {
      throw failure.apply(BadMessageException.TOO_LARGE, "body of " + body.length + " bytes is over " + limit);
    }
    Object decoded;
    try {
      decoded = Json.decodeValue(Buffer.buffer(body));
    } catch (DecodeException e) {
      decoded = null;
    }
    if (!(decoded instanceof JsonObject json)) {
      throw failure.apply(BadMessageException.MALFORMED_JSON, "not a JSON object");
    }
    return json;
  }
}
