package io.doorstep.sim.faceterminal;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * {@code down/person-upsert} and {@code down/person-delete}, read as the interface states:
 * the whole message is checked before any person is applied, so a refused message changes
 * nothing; a person that fails on its own keeps its previous entry.
 */
final class PersonCommands {

  static final int MAX_PERSONS = 50;
  static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

  private PersonCommands() {
  }

  static Ack upsert(byte[] body, PersonList list) {
    String ackMsgId = Json.msgIdOrNull(body);
    if (body.length > MAX_BODY_BYTES) {
      return Ack.refused(ackMsgId, Ack.TOO_LARGE);
    }
    List<Upsert> upserts;
    try {
      JsonObject json = Json.parse(body);
      Json.requireEnvelope(json);
      JsonArray persons = Json.requireArray(json, "persons");
      if (persons.size() > MAX_PERSONS) {
        return Ack.refused(ackMsgId, Ack.TOO_LARGE);
      }
      upserts = new ArrayList<>(persons.size());
      for (Object entry : persons) {
        upserts.add(readUpsert(Json.requireObject(entry, "a person")));
      }
    } catch (BadRequestException e) {
      return Ack.refused(ackMsgId, Ack.BAD_REQUEST);
    }
    List<Ack.Failure> failed = new ArrayList<>();
    for (Upsert upsert : upserts) {
      String error = apply(upsert, list);
      if (error != null) {
        failed.add(new Ack.Failure(upsert.person().personId(), error));
      }
    }
    return Ack.applied(ackMsgId, failed);
  }

  static Ack delete(byte[] body, PersonList list) {
    String ackMsgId = Json.msgIdOrNull(body);
    List<String> ids = new ArrayList<>();
    try {
      JsonObject json = Json.parse(body);
      Json.requireEnvelope(json);
      for (Object id : Json.requireArray(json, "personIds")) {
        ids.add(Json.requireString(id, "a personId"));
      }
    } catch (BadRequestException e) {
      return Ack.refused(ackMsgId, Ack.BAD_REQUEST);
    }
    // Deleting an unknown person is not a failure: the gateway's goal (absent) is met.
    ids.forEach(list::remove);
    return Ack.applied(ackMsgId, List.of());
  }

  /** A person as read, with the photo still to be checked. */
  private record Upsert(Person person, String faceJpeg) {
  }

  private static Upsert readUpsert(JsonObject json) throws BadRequestException {
    String personId = Json.requireString(json, "personId");
    if (personId.isEmpty() || personId.length() > 64) {
      throw new BadRequestException("personId must have 1 to 64 characters");
    }
    String name = Json.requireString(json, "name");
    long validFrom = Json.requireLong(json, "validFrom", 0, Long.MAX_VALUE);
    long validTo = Json.requireLong(json, "validTo", 0, Long.MAX_VALUE);
    List<String> cards = new ArrayList<>();
    for (Object card : Json.requireArray(json, "cards")) {
      cards.add(requireHex(Json.requireString(card, "a card")));
    }
    String faceJpeg = Json.optionalString(json, "faceJpeg");
    return new Upsert(new Person(personId, name, validFrom, validTo, cards, faceJpeg != null),
        faceJpeg);
  }

  private static String requireHex(String uid) throws BadRequestException {
    if (uid.isEmpty() || uid.length() % 2 != 0 || !uid.chars().allMatch(PersonCommands::isHex)) {
      throw new BadRequestException("a card must be a UID in hex: " + uid);
    }
    return uid;
  }

  private static boolean isHex(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /** The error code for a person that is not applied, or null once it is. */
  private static String apply(Upsert upsert, PersonList list) {
    if (upsert.faceJpeg() != null && !isJpeg(upsert.faceJpeg())) {
      return Ack.BAD_IMAGE;
    }
    return list.put(upsert.person()) ? null : Ack.LIST_FULL;
  }

  // Every JPEG starts with SOI (FF D8) followed by the next marker's FF.
  private static boolean isJpeg(String base64) {
    byte[] bytes;
    try {
      bytes = Base64.getMimeDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8
        && (bytes[2] & 0xFF) == 0xFF;
  }
}
