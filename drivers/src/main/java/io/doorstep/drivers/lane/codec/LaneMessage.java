package io.doorstep.drivers.lane.codec;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The barrier messages of a lane, as immutable records. {@link LaneCodec} turns bytes into these
 * and back; nothing else in the gateway sees the lane's JSON.
 */
public sealed interface LaneMessage {
  /** What a barrier can be told to do. */
  List<String> ACTIONS = List.of("raise", "lower", "hold-up", "release");
  /** What a barrier reports it is. */
  List<String> STATES = List.of("up", "down", "held-up");

  String msgId();

  long ts();

  /** The topic kind this message travels on. */
  String kind();

  JsonObject toJson();

  private static JsonObject head(LaneMessage m) {
    return new JsonObject().put("msgId", m.msgId()).put("ts", m.ts());
  }

  /** The retained {@code up/online}, or the last will with {@code online} false. */
  record Online(String msgId, long ts, boolean online, String model, String fw) implements LaneMessage {
    public String kind() {
      return "online";
    }

    public JsonObject toJson() {
      JsonObject j = head(this).put("online", online);
      if (model != null) {
        j.put("model", model);
      }
      if (fw != null) {
        j.put("fw", fw);
      }
      return j;
    }
  }

  /** {@code up/barrier}: sent on connecting and on every change. */
  record BarrierState(String msgId, long ts, String state) implements LaneMessage {
    public String kind() {
      return "barrier";
    }

    public JsonObject toJson() {
      return head(this).put("state", state);
    }
  }

  /** {@code up/ack}: the answer to a command; {@code error} only when refused. */
  record Ack(String msgId, long ts, String ackMsgId, boolean ok, String error) implements LaneMessage {
    public String kind() {
      return "ack";
    }

    public JsonObject toJson() {
      JsonObject j = head(this).put("ackMsgId", ackMsgId).put("ok", ok);
      if (error != null) {
        j.put("error", error);
      }
      return j;
    }
  }

  /** {@code down/barrier}: remote control of the arm. */
  record BarrierCommand(String msgId, long ts, String action) implements LaneMessage {
    public String kind() {
      return "barrier";
    }

    public JsonObject toJson() {
      return head(this).put("action", action);
    }
  }
}
