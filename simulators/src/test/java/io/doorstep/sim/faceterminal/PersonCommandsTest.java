package io.doorstep.sim.faceterminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GIVEN a person list and a down message, THEN the ack and the list are as the interface says. */
class PersonCommandsTest {

  static final String JPEG = Base64.getEncoder().encodeToString(
      new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'});
  static final String PNG = Base64.getEncoder().encodeToString(
      new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});

  private final PersonList list = new PersonList(10_000);

  static JsonObject person(String id, String face, String... cards) {
    JsonObject p = new JsonObject().put("personId", id).put("name", "住户" + id)
        .put("validFrom", 0).put("validTo", 0).put("cards", new JsonArray(List.of(cards)));
    return face == null ? p : p.put("faceJpeg", face);
  }

  static byte[] upsert(JsonObject... persons) {
    return new JsonObject().put("msgId", "up-1").put("ts", 1734572000000L)
        .put("persons", new JsonArray(List.of((Object[]) persons))).encode()
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void fiftyPersonsApplyAndFiftyOneAreTooLarge() {
    JsonObject[] fifty = new JsonObject[50];
    for (int i = 0; i < 50; i++) {
      fifty[i] = person("R" + i, JPEG);
    }
    assertEquals(Ack.applied("up-1", List.of()), PersonCommands.upsert(upsert(fifty), list));
    assertEquals(50, list.size());

    JsonObject[] fiftyOne = new JsonObject[51];
    for (int i = 0; i < 51; i++) {
      fiftyOne[i] = person("S" + i, JPEG);
    }
    assertEquals(Ack.refused("up-1", Ack.TOO_LARGE), PersonCommands.upsert(upsert(fiftyOne), list));
    assertEquals(50, list.size(), "a refused message changes nothing");
  }

  @Test
  void aBodyOver4MiBIsTooLarge() {
    String bigFace = "A".repeat(PersonCommands.MAX_BODY_BYTES);
    Ack ack = PersonCommands.upsert(upsert(person("R1", bigFace)), list);
    assertEquals(Ack.refused("up-1", Ack.TOO_LARGE), ack);
  }

  @Test
  void aBadFaceFailsAloneAndKeepsThePreviousEntry() {
    PersonCommands.upsert(upsert(person("R2", JPEG, "0A0B0C0D")), list);

    Ack ack = PersonCommands.upsert(upsert(person("R1", JPEG), person("R2", PNG),
        person("R3", "not base64 at all!"), person("R4", null, "04A1B2C3")), list);

    assertTrue(ack.ok());
    assertEquals(List.of(new Ack.Failure("R2", Ack.BAD_IMAGE), new Ack.Failure("R3", Ack.BAD_IMAGE)),
        ack.failed());
    assertTrue(list.get("R1").orElseThrow().hasFace());
    assertEquals(List.of("0A0B0C0D"), list.get("R2").orElseThrow().cards(), "previous entry kept");
    assertFalse(list.get("R3").isPresent());
    assertFalse(list.get("R4").orElseThrow().hasFace(), "card only");
    assertEquals("R4", list.cardOwner("04a1b2c3").orElseThrow().personId());
  }

  @Test
  void anUpsertWithoutAFaceRemovesTheFace() {
    PersonCommands.upsert(upsert(person("R1", JPEG)), list);
    PersonCommands.upsert(upsert(person("R1", null)), list);
    assertFalse(list.get("R1").orElseThrow().hasFace());
  }

  @Test
  void aFullListRefusesNewPersonsButUpdatesKnownOnes() {
    PersonList small = new PersonList(2);
    PersonCommands.upsert(upsert(person("R1", JPEG), person("R2", JPEG)), small);
    Ack ack = PersonCommands.upsert(upsert(person("R3", JPEG), person("R1", null, "0011")), small);
    assertEquals(List.of(new Ack.Failure("R3", Ack.LIST_FULL)), ack.failed());
    assertEquals(List.of("0011"), small.get("R1").orElseThrow().cards());
  }

  @Test
  void aMissingOrMistypedFieldRefusesTheWholeMessage() {
    JsonObject noName = person("R2", JPEG);
    noName.remove("name");
    assertEquals(Ack.refused("up-1", Ack.BAD_REQUEST),
        PersonCommands.upsert(upsert(person("R1", JPEG), noName), list));
    assertEquals(0, list.size());

    assertEquals(Ack.BAD_REQUEST, PersonCommands.upsert(
        upsert(person("R1", JPEG).put("validFrom", "0")), list).error());
    assertEquals(Ack.BAD_REQUEST, PersonCommands.upsert(
        upsert(person("R1", JPEG).put("validTo", -1)), list).error());
    assertEquals(Ack.BAD_REQUEST, PersonCommands.upsert(upsert(person("R1", JPEG, "XYZ")), list)
        .error());
    assertEquals(Ack.BAD_REQUEST, PersonCommands.upsert(
        bytes("{\"msgId\":\"up-2\",\"ts\":1}"), list).error());
    assertEquals(Ack.BAD_REQUEST, PersonCommands.upsert(
        bytes("{\"msgId\":\"up-3\",\"persons\":[]}"), list).error(), "ts missing");
  }

  @Test
  void unreadableBytesAreABadRequestWithNoMsgIdToName() {
    Ack ack = PersonCommands.upsert(bytes("{not json"), list);
    assertEquals(Ack.refused(null, Ack.BAD_REQUEST), ack);
    assertNull(PersonCommands.delete(bytes("[]"), list).ackMsgId());
  }

  @Test
  void deletingAnUnknownPersonIsNotAFailure() {
    PersonCommands.upsert(upsert(person("R1", JPEG, "04A1B2C3")), list);
    Ack ack = PersonCommands.delete(bytes(
        "{\"msgId\":\"del-1\",\"ts\":1,\"personIds\":[\"R1\",\"NOBODY\"]}"), list);
    assertEquals(Ack.applied("del-1", List.of()), ack);
    assertEquals(0, list.size());
    assertTrue(list.cardOwner("04A1B2C3").isEmpty());
  }
}
