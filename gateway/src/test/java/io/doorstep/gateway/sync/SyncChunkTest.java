package io.doorstep.gateway.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.device.DeviceCommand;
import io.doorstep.gateway.store.PersonRecord;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SyncChunkTest {
  private static final SyncOptions OPTIONS = SyncOptions.defaults();
  private static final int MIB = 1024 * 1024;

  @Test
  void givenSmallFacesThenAMessageCarriesFiftyPersons() {
    List<SyncPerson> persons = persons(120, 30 * 1024);
    UpsertChunk chunk = UpsertChunk.next(persons, OPTIONS);
    assertEquals(persons.subList(0, 50), chunk.batch());
    assertTrue(chunk.oversize().isEmpty());
  }

  @Test
  void givenLargeFacesThenAMessageStaysUnderFourMiB() {
    List<SyncPerson> persons = persons(50, 200 * 1024);
    UpsertChunk chunk = UpsertChunk.next(persons, OPTIONS);
    assertTrue(chunk.batch().size() < 50, "fewer than 50 persons of 200 KiB fit");
    assertTrue(encodedBytes(chunk.batch()) <= 4 * MIB, "the encoded message fits the interface");
    assertTrue(encodedBytes(persons.subList(0, chunk.batch().size() + 1)) > 4 * MIB,
        "one more person would not have fitted: the estimate wastes no message");
  }

  @Test
  void givenAFaceTooLargeForAnyMessageThenThatPersonIsSetApartAndTheOthersStillGo() {
    List<SyncPerson> persons = List.of(person("R1", 10), person("R2", 3 * MIB + MIB / 2), person("R3", 10));
    UpsertChunk chunk = UpsertChunk.next(persons, OPTIONS);
    assertEquals(List.of(persons.get(0), persons.get(2)), chunk.batch());
    assertEquals(List.of(persons.get(1)), chunk.oversize());
  }

  @Test
  void theEstimateCoversNamesOfAnyScript() {
    PersonRecord r = new PersonRecord("R1", "张三\"\\\u0001", "resident", null, Long.MAX_VALUE, Long.MAX_VALUE,
        List.of("04A1B2C3", "04A1B2C4"));
    SyncPerson p = SyncPerson.withFace(r, new byte[1000]);
    assertTrue(MessageBudget.personBytes(p) >= encodedBytes(List.of(p)) - MessageBudget.ENVELOPE_BYTES);
  }

  private static List<SyncPerson> persons(int n, int faceBytes) {
    return IntStream.range(0, n).mapToObj(i -> person(String.format("R%04d", i), faceBytes)).toList();
  }

  private static SyncPerson person(String id, int faceBytes) {
    return SyncPerson.withFace(new PersonRecord(id, "居民" + id, "resident", null, 0, 0, List.of("04A1B2C3")),
        new byte[faceBytes]);
  }

  /** The body as the interface spells it, with the longest msgId it allows. */
  private static long encodedBytes(List<SyncPerson> persons) {
    JsonArray list = new JsonArray();
    for (SyncPerson p : persons) {
      DeviceCommand.TerminalPerson t = new DeviceCommand.TerminalPerson(p.id(), p.person().name(),
          p.person().validFrom(), p.person().validTo(), p.person().cards(), new byte[p.faceBytes()]);
      list.add(new JsonObject().put("personId", t.personId()).put("name", t.name()).put("validFrom", t.validFrom())
          .put("validTo", t.validTo()).put("cards", new JsonArray(t.cards()))
          .put("faceJpeg", Base64.getEncoder().encodeToString(t.faceJpeg())));
    }
    JsonObject body = new JsonObject().put("msgId", "m".repeat(64)).put("ts", Long.MAX_VALUE).put("persons", list);
    return body.encode().getBytes(StandardCharsets.UTF_8).length;
  }
}
