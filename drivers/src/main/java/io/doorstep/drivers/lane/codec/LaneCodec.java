package io.doorstep.drivers.lane.codec;

import io.doorstep.drivers.mqtt.JsonBodies;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Bytes to {@link LaneMessage} and back, as mqtt-peripherals.md describes a lane's barrier. Pure.
 * Strict like the face terminal's codec: a state or an ack half-understood would show a guard a
 * barrier up that is down.
 */
public final class LaneCodec {
  /** Barrier messages are a few dozen bytes; anything near this is not one. */
  public static final int MAX_BODY_BYTES = 64 * 1024;
  public static final int MAX_MSG_ID_CHARS = 64;

  private LaneCodec() {}

  public static byte[] encode(LaneMessage message) {
    return message.toJson().encode().getBytes(StandardCharsets.UTF_8);
  }

  /** Decodes the body of a message of the given topic (its kind and direction). */
  public static LaneMessage decode(LaneTopic topic, byte[] body) throws LaneDecodeException {
    JsonObject json = JsonBodies.object(body, MAX_BODY_BYTES, "64 KiB", LaneDecodeException::new);
    String msgId = string(json, "msgId");
    if (msgId.isEmpty() || msgId.length() > MAX_MSG_ID_CHARS) {
      throw new LaneDecodeException(LaneDecodeException.BAD_MSG_ID,
          "msgId must have 1 to 64 characters, has " + msgId.length());
    }
    long ts = timestamp(json);
    if (!topic.up()) {
      return new LaneMessage.BarrierCommand(msgId, ts, oneOf(json, "action", LaneMessage.ACTIONS));
    }
    return switch (topic.kind()) {
      case "online" -> new LaneMessage.Online(msgId, ts, bool(json, "online"),
          optionalString(json, "model"), optionalString(json, "fw"));
      case "barrier" -> new LaneMessage.BarrierState(msgId, ts, oneOf(json, "state", LaneMessage.STATES));
      default -> ack(json, msgId, ts);
    };
  }

  private static LaneMessage.Ack ack(JsonObject json, String msgId, long ts) throws LaneDecodeException {
    String ackMsgId = string(json, "ackMsgId");
    boolean ok = bool(json, "ok");
    String error = optionalString(json, "error");
    if (!ok && (error == null || error.isBlank())) {
      throw LaneDecodeException.badField("error", "a refusal must say why");
    }
    return new LaneMessage.Ack(msgId, ts, ackMsgId, ok, error);
  }

  private static String string(JsonObject json, String name) throws LaneDecodeException {
    if (!(json.getValue(name) instanceof String s)) {
      throw LaneDecodeException.badField(name, "a string is required");
    }
    return s;
  }

  private static String optionalString(JsonObject json, String name) throws LaneDecodeException {
    Object v = json.getValue(name);
    if (v != null && !(v instanceof String)) {
      throw LaneDecodeException.badField(name, "must be a string or null");
    }
    return (String) v;
  }

  private static String oneOf(JsonObject json, String name, List<String> allowed) throws LaneDecodeException {
    String s = string(json, name);
    if (!allowed.contains(s)) {
      throw LaneDecodeException.badField(name, "must be one of " + allowed + ", got '" + LaneTopic.clip(s) + "'");
    }
    return s;
  }

  private static boolean bool(JsonObject json, String name) throws LaneDecodeException {
    if (!(json.getValue(name) instanceof Boolean b)) {
      throw LaneDecodeException.badField(name, "true or false is required");
    }
    return b;
  }

  private static long timestamp(JsonObject json) throws LaneDecodeException {
    Object v = json.getValue("ts");
    if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.longValue() < 0) {
      throw LaneDecodeException.badField("ts", "Unix ms, a whole number not below 0, is required");
    }
    return n.longValue();
  }
}
