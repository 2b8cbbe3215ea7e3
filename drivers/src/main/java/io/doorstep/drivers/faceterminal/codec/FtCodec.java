package io.doorstep.drivers.faceterminal.codec;

import io.doorstep.drivers.faceterminal.codec.FtMessage.Ack;
import io.doorstep.drivers.faceterminal.codec.FtMessage.Alarm;
import io.doorstep.drivers.faceterminal.codec.FtMessage.Door;
import io.doorstep.drivers.faceterminal.codec.FtMessage.Heartbeat;
import io.doorstep.drivers.faceterminal.codec.FtMessage.HoldOpen;
import io.doorstep.drivers.faceterminal.codec.FtMessage.Online;
import io.doorstep.drivers.faceterminal.codec.FtMessage.Open;
import io.doorstep.drivers.faceterminal.codec.FtMessage.PersonFailure;
import io.doorstep.drivers.faceterminal.codec.FtMessage.RecordAck;
import io.doorstep.drivers.faceterminal.codec.FtMessage.RecordEntry;
import io.doorstep.drivers.faceterminal.codec.FtMessage.Records;
import io.doorstep.drivers.faceterminal.codec.FtMessage.Verify;
import io.doorstep.drivers.faceterminal.codec.FtMessage.VerifyResult;
import io.doorstep.drivers.mqtt.JsonBodies;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Bytes to {@link FtMessage} and back, exactly as face-terminal-mqtt.md describes them. Pure:
 * no I/O, no clock, no state. Decoding is strict: a message that breaks the interface is
 * refused with a reason instead of half-understood, because a half-understood verify is a
 * door opened or kept shut for the wrong reason.
 */
public final class FtCodec {
  public static final int MAX_BODY_BYTES = 4 * 1024 * 1024;
  public static final int MAX_MSG_ID_CHARS = 64;
  public static final int MAX_RECORDS = 200;
  /** 200 KiB of JPEG, as base64 text. */
  public static final int MAX_SNAPSHOT_CHARS = (200 * 1024 + 2) / 3 * 4;

  static final Set<String> LANES = Set.of("in", "out");
  static final Set<String> METHODS = Set.of("face", "card", "qr");
  static final Set<String> BODY_TYPES = Set.of("pedestrian", "ebike", "bicycle", "stroller", "wheelchair");
  static final Set<String> DOOR_STATES = Set.of("open", "closed");
  static final Set<String> ALARM_TYPES = Set.of("TAMPER", "FORCED", "HELD_OPEN");
  static final Set<String> DECISIONS = Set.of("open", "deny");
  private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]{2,40}");
  private static final int MAX_ID_CHARS = 64;
  private static final int MAX_QR_CHARS = 2048;

  private FtCodec() {}

  public static byte[] encode(FtMessage message) {
    return message.toJson().encode().getBytes(StandardCharsets.UTF_8);
  }

  /** Decodes the body of a message of the given topic kind (up or down). */
  public static FtMessage decode(String kind, byte[] body) throws FtDecodeException {
    JsonObject json = JsonBodies.object(body, MAX_BODY_BYTES, "4 MiB", FtDecodeException::new);
    Fields f = new Fields(json);
    String msgId = f.requiredString("msgId");
    if (msgId.isEmpty() || msgId.length() > MAX_MSG_ID_CHARS) {
      throw new FtDecodeException(FtDecodeException.BAD_MSG_ID, "msgId must have 1 to 64 characters, has " + msgId.length());
    }
    long ts = f.requiredNonNegative("ts");
    return switch (kind) {
      case "online" -> new Online(msgId, ts, f.requiredBoolean("online"),
          f.optionalString("model"), f.optionalString("fw"), f.optionalString("ip"));
      case "heartbeat" -> new Heartbeat(msgId, ts, f.requiredNonNegative("uptimeS"),
          f.requiredNonNegative("persons"), f.requiredString("doorState"));
      case "verify" -> verify(msgId, ts, f, true);
      case "record" -> records(msgId, ts, f);
      case "door" -> new Door(msgId, ts, f.oneOf("state", DOOR_STATES), f.requiredBoolean("forced"),
          f.requiredNonNegative("heldS"));
      case "alarm" -> new Alarm(msgId, ts, f.oneOf("type", ALARM_TYPES));
      case "ack" -> ack(msgId, ts, f);
      case "verify-result" -> verifyResult(msgId, ts, f);
      case "record-ack" -> new RecordAck(msgId, ts, f.requiredString("ackMsgId"));
      case "open" -> new Open(msgId, ts, (int) f.requiredNonNegative("openMs"), f.optionalString("reason"));
      case "hold-open" -> new HoldOpen(msgId, ts, f.requiredBoolean("open"));
      case "person-upsert" -> personUpsert(msgId, ts, f);
      case "person-delete" -> new FtMessage.PersonDelete(msgId, ts, strings(f.requiredArray("personIds"), "personIds"));
      default -> throw new FtDecodeException(FtDecodeException.UNKNOWN_TOPIC, "no such message kind: " + kind);
    };
  }

  private static Verify verify(String msgId, long ts, Fields f, boolean snapshotAllowed) throws FtDecodeException {
    String lane = f.oneOf("lane", LANES);
    String method = f.oneOf("method", METHODS);
    String personId = f.optionalString("personId");
    if (personId != null && (personId.isEmpty() || personId.length() > MAX_ID_CHARS)) {
      throw Fields.bad("personId", "must have 1 to 64 characters");
    }
    Double score = f.optionalFraction("score");
    Boolean liveness = f.optionalBoolean("liveness");
    String card = f.optionalString("card");
    String qr = f.optionalString("qr");
    String bodyType = f.oneOf("bodyType", BODY_TYPES);
    switch (method) {
      case "card" -> {
        if (card == null || !HEX.matcher(card).matches()) {
          throw Fields.bad("card", "a card read needs the UID in hex");
        }
      }
      case "qr" -> {
        if (qr == null || qr.isEmpty() || qr.length() > MAX_QR_CHARS) {
          throw Fields.bad("qr", "a QR read needs its text (1 to 2048 characters)");
        }
      }
      default -> {
        // A face: score and liveness say how sure the terminal is; they may be null.
      }
    }
    String snapshot = snapshotAllowed ? f.optionalString("snapshotJpeg") : null;
    if (snapshot != null && snapshot.length() > MAX_SNAPSHOT_CHARS) {
      throw Fields.bad("snapshotJpeg", "over 200 KiB");
    }
    return new Verify(msgId, ts, lane, method, personId, score, liveness,
        card == null ? null : card.toUpperCase(java.util.Locale.ROOT), qr, bodyType, snapshot);
  }

  private static Records records(String msgId, long ts, Fields f) throws FtDecodeException {
    JsonArray array = f.requiredArray("records");
    if (array.size() > MAX_RECORDS) {
      throw Fields.bad("records", "at most 200 a message, got " + array.size());
    }
    List<RecordEntry> entries = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      if (!(array.getValue(i) instanceof JsonObject item)) {
        throw Fields.bad("records[" + i + "]", "an object is required");
      }
      Fields rf = new Fields(item);
      try {
        String entryId = rf.requiredString("msgId");
        if (entryId.isEmpty() || entryId.length() > MAX_MSG_ID_CHARS) {
          throw Fields.bad("msgId", "must have 1 to 64 characters");
        }
        Verify v = verify(entryId, rf.requiredNonNegative("ts"), rf, false);
        entries.add(new RecordEntry(v, rf.oneOf("decision", DECISIONS).equals("open")));
      } catch (FtDecodeException e) {
        throw new FtDecodeException(e.reason(), "records[" + i + "]: " + e.getMessage());
      }
    }
    return new Records(msgId, ts, entries);
  }

  private static Ack ack(String msgId, long ts, Fields f) throws FtDecodeException {
    String ackMsgId = f.requiredString("ackMsgId");
    boolean ok = f.requiredBoolean("ok");
    String error = f.optionalString("error");
    List<PersonFailure> failed = new ArrayList<>();
    if (f.optionalArrayPresent("failed")) {
      JsonArray a = f.requiredArray("failed");
      for (int i = 0; i < a.size(); i++) {
        if (!(a.getValue(i) instanceof JsonObject item)) {
          throw Fields.bad("failed[" + i + "]", "an object is required");
        }
        Fields ff = new Fields(item);
        failed.add(new PersonFailure(ff.requiredString("personId"), ff.requiredString("error")));
      }
    }
    return new Ack(msgId, ts, ackMsgId, ok, error, failed);
  }

  private static FtMessage.PersonUpsert personUpsert(String msgId, long ts, Fields f) throws FtDecodeException {
    JsonArray array = f.requiredArray("persons");
    List<FtMessage.PersonEntry> persons = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      if (!(array.getValue(i) instanceof JsonObject item)) {
        throw Fields.bad("persons[" + i + "]", "an object is required");
      }
      Fields pf = new Fields(item);
      persons.add(new FtMessage.PersonEntry(pf.requiredString("personId"), pf.requiredString("name"),
          pf.requiredNonNegative("validFrom"), pf.requiredNonNegative("validTo"),
          strings(pf.requiredArray("cards"), "persons[" + i + "].cards"), pf.optionalString("faceJpeg")));
    }
    return new FtMessage.PersonUpsert(msgId, ts, persons);
  }

  private static List<String> strings(JsonArray array, String field) throws FtDecodeException {
    List<String> out = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      if (!(array.getValue(i) instanceof String s)) {
        throw Fields.bad(field + "[" + i + "]", "a string is required");
      }
      out.add(s);
    }
    return out;
  }

  private static VerifyResult verifyResult(String msgId, long ts, Fields f) throws FtDecodeException {
    boolean open = f.oneOf("decision", DECISIONS).equals("open");
    int openMs = open ? (int) f.requiredNonNegative("openMs") : 0;
    String reason = open ? null : f.requiredString("reason");
    return new VerifyResult(msgId, ts, f.requiredString("reqMsgId"), open, openMs, reason,
        f.optionalString("voice"), f.optionalString("text"));
  }
}
