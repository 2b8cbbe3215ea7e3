package io.doorstep.drivers.faceterminal.codec;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Every message of the face-terminal interface, as immutable records. {@link FtCodec} turns
 * bytes into these and back; nothing else in the gateway sees the terminal's JSON.
 */
public sealed interface FtMessage {
  String msgId();

  long ts();

  /** The topic kind this message travels on. */
  String kind();

  JsonObject toJson();

  private static JsonObject head(FtMessage m) {
    return new JsonObject().put("msgId", m.msgId()).put("ts", m.ts());
  }

  // ---- terminal to gateway ----

  record Online(String msgId, long ts, boolean online, String model, String fw, String ip) implements FtMessage {
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
      if (ip != null) {
        j.put("ip", ip);
      }
      return j;
    }
  }

  record Heartbeat(String msgId, long ts, long uptimeS, long persons, String doorState) implements FtMessage {
    public String kind() {
      return "heartbeat";
    }

    public JsonObject toJson() {
      return head(this).put("uptimeS", uptimeS).put("persons", persons).put("doorState", doorState);
    }
  }

  /**
   * A request to open. {@code snapshotJpeg} is kept as the base64 text the terminal sent; it
   * is never logged or stored by the driver.
   */
  record Verify(
      String msgId,
      long ts,
      String lane,
      String method,
      String personId,
      Double score,
      Boolean liveness,
      String card,
      String qr,
      String bodyType,
      String snapshotJpeg)
      implements FtMessage {
    public String kind() {
      return "verify";
    }

    public JsonObject toJson() {
      JsonObject j = head(this)
          .put("lane", lane)
          .put("method", method)
          .put("personId", personId)
          .put("score", score)
          .put("liveness", liveness)
          .put("card", card)
          .put("qr", qr)
          .put("bodyType", bodyType);
      if (snapshotJpeg != null) {
        j.put("snapshotJpeg", snapshotJpeg);
      }
      return j;
    }
  }

  /** One passage the terminal decided alone: the verify it would have sent, and what it did. */
  record RecordEntry(Verify verify, boolean opened) {
    JsonObject toJson() {
      return verify.toJson().put("decision", opened ? "open" : "deny");
    }
  }

  record Records(String msgId, long ts, List<RecordEntry> records) implements FtMessage {
    public Records {
      records = List.copyOf(records);
    }

    public String kind() {
      return "record";
    }

    public JsonObject toJson() {
      JsonArray a = new JsonArray();
      records.forEach(r -> a.add(r.toJson()));
      return head(this).put("records", a);
    }
  }

  record Door(String msgId, long ts, String state, boolean forced, long heldS) implements FtMessage {
    public String kind() {
      return "door";
    }

    public JsonObject toJson() {
      return head(this).put("state", state).put("forced", forced).put("heldS", heldS);
    }
  }

  record Alarm(String msgId, long ts, String type) implements FtMessage {
    public String kind() {
      return "alarm";
    }

    public JsonObject toJson() {
      return head(this).put("type", type);
    }
  }

  /** A person the terminal could not apply, with why. */
  record PersonFailure(String personId, String error) {}

  record Ack(String msgId, long ts, String ackMsgId, boolean ok, String error, List<PersonFailure> failed)
      implements FtMessage {
    public Ack {
      failed = List.copyOf(failed);
    }

    public String kind() {
      return "ack";
    }

    public JsonObject toJson() {
      JsonArray a = new JsonArray();
      failed.forEach(f -> a.add(new JsonObject().put("personId", f.personId()).put("error", f.error())));
      JsonObject j = head(this).put("ackMsgId", ackMsgId).put("ok", ok).put("failed", a);
      if (error != null) {
        j.put("error", error);
      }
      return j;
    }
  }

  // ---- gateway to terminal ----

  /** The answer to a verify; {@code reason} is sent with a deny only. */
  record VerifyResult(
      String msgId, long ts, String reqMsgId, boolean open, int openMs, String reason, String voice, String text)
      implements FtMessage {
    public String kind() {
      return "verify-result";
    }

    public JsonObject toJson() {
      JsonObject j = head(this).put("reqMsgId", reqMsgId).put("decision", open ? "open" : "deny");
      if (open) {
        j.put("openMs", openMs);
      } else {
        j.put("reason", reason);
      }
      return j.put("voice", voice).put("text", text);
    }
  }

  record RecordAck(String msgId, long ts, String ackMsgId) implements FtMessage {
    public String kind() {
      return "record-ack";
    }

    public JsonObject toJson() {
      return head(this).put("ackMsgId", ackMsgId);
    }
  }

  record Open(String msgId, long ts, int openMs, String reason) implements FtMessage {
    public String kind() {
      return "open";
    }

    public JsonObject toJson() {
      return head(this).put("openMs", openMs).put("reason", reason);
    }
  }

  record HoldOpen(String msgId, long ts, boolean open) implements FtMessage {
    public String kind() {
      return "hold-open";
    }

    public JsonObject toJson() {
      return head(this).put("open", open);
    }
  }

  /** One entry of a terminal's person list; {@code faceJpeg} is base64 text, or null for card only. */
  record PersonEntry(String personId, String name, long validFrom, long validTo, List<String> cards, String faceJpeg) {
    public PersonEntry {
      cards = List.copyOf(cards);
    }

    JsonObject toJson() {
      JsonObject j = new JsonObject().put("personId", personId).put("name", name).put("validFrom", validFrom)
          .put("validTo", validTo).put("cards", new JsonArray(List.copyOf(cards)));
      if (faceJpeg != null) {
        j.put("faceJpeg", faceJpeg);
      }
      return j;
    }
  }

  record PersonUpsert(String msgId, long ts, List<PersonEntry> persons) implements FtMessage {
    public PersonUpsert {
      persons = List.copyOf(persons);
    }

    public String kind() {
      return "person-upsert";
    }

    public JsonObject toJson() {
      JsonArray a = new JsonArray();
      persons.forEach(p -> a.add(p.toJson()));
      return head(this).put("persons", a);
    }
  }

  record PersonDelete(String msgId, long ts, List<String> personIds) implements FtMessage {
    public PersonDelete {
      personIds = List.copyOf(personIds);
    }

    public String kind() {
      return "person-delete";
    }

    public JsonObject toJson() {
      return head(this).put("personIds", new JsonArray(List.copyOf(personIds)));
    }
  }
}
