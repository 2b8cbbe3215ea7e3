package io.doorstep.sim.faceterminal;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The bodies the terminal sends, field for field as the interface lists them. Each starts
 * with {@code msgId} and {@code ts} so that a captured message reads like the interface text.
 */
final class Messages {

  private Messages() {
  }

  static JsonObject envelope(String msgId, long ts) {
    return new JsonObject().put("msgId", msgId).put("ts", ts);
  }

  static JsonObject online(String msgId, long ts, FaceTerminalOptions o) {
    return envelope(msgId, ts).put("online", true).put("model", o.model()).put("fw", o.fw())
        .put("ip", o.ip());
  }

  static JsonObject offline(String msgId, long ts) {
    return envelope(msgId, ts).put("online", false);
  }

  static JsonObject heartbeat(String msgId, long ts, long uptimeS, int persons, String doorState) {
    return envelope(msgId, ts).put("uptimeS", uptimeS).put("persons", persons)
        .put("doorState", doorState);
  }

  static JsonObject door(String msgId, long ts, String state, boolean forced, long heldS) {
    return envelope(msgId, ts).put("state", state).put("forced", forced).put("heldS", heldS);
  }

  static JsonObject alarm(String msgId, long ts, String type) {
    return envelope(msgId, ts).put("type", type);
  }

  static JsonObject records(String msgId, long ts, List<JsonObject> records) {
    return envelope(msgId, ts).put("records", new JsonArray(List.copyOf(records)));
  }

  static JsonObject ack(String msgId, long ts, Ack ack) {
    JsonObject body = envelope(msgId, ts).put("ackMsgId", ack.ackMsgId()).put("ok", ack.ok());
    if (!ack.ok()) {
      return body.put("error", ack.error());
    }
    JsonArray failed = new JsonArray();
    ack.failed().forEach(f -> failed.add(
        new JsonObject().put("personId", f.personId()).put("error", f.error())));
    return body.put("failed", failed);
  }
}
