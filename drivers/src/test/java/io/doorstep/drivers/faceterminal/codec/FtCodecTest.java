package io.doorstep.drivers.faceterminal.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.drivers.faceterminal.codec.FtMessage.RecordEntry;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FtCodecTest {

  static FtMessage.Verify face(String msgId) {
    return new FtMessage.Verify(msgId, 1734572000000L, "in", "face", "R1001", 0.93, true, null, null, "pedestrian", null);
  }

  static Stream<FtMessage> everyMessage() {
    return Stream.of(
        new FtMessage.Online("m1", 1L, true, "FT-8", "3.2.1", "10.0.0.7"),
        new FtMessage.Online("m2", 2L, false, null, null, null),
        new FtMessage.Heartbeat("m3", 3L, 12345, 3200, "closed"),
        face("a1f0"),
        new FtMessage.Verify("m4", 4L, "out", "card", null, null, null, "04A1B2C3", null, "ebike", null),
        new FtMessage.Verify("m5", 5L, "in", "qr", null, null, null, null, "V:abc", "stroller", "/9j/4AAQ"),
        new FtMessage.Records("m6", 6L, List.of(new RecordEntry(face("r1"), true),
            new RecordEntry(new FtMessage.Verify("r2", 7L, "out", "face", null, 0.2, false, null, null, "pedestrian", null), false))),
        new FtMessage.Door("m7", 8L, "open", true, 0),
        new FtMessage.Alarm("m8", 9L, "HELD_OPEN"),
        new FtMessage.Ack("m9", 10L, "g-1", true, null, List.of(new FtMessage.PersonFailure("R1002", "NO_FACE_FOUND"))),
        new FtMessage.Ack("m10", 11L, "g-2", false, "TOO_LARGE", List.of()),
        new FtMessage.VerifyResult("g-7781", 12L, "a1f0", true, 3000, null, "欢迎回家", "张三 欢迎回家"),
        new FtMessage.VerifyResult("g-7782", 13L, "a1f1", false, 0, "UNKNOWN_FACE", "未登记人员", "未登记人员"),
        new FtMessage.RecordAck("g-1", 14L, "m6"),
        new FtMessage.Open("g-2", 15L, 5000, "remote"),
        new FtMessage.HoldOpen("g-3", 16L, true),
        new FtMessage.PersonUpsert("g-4", 17L, List.of(
            new FtMessage.PersonEntry("R1001", "张三", 0, 0, List.of("04A1B2C3"), "/9j/4AAQ"),
            new FtMessage.PersonEntry("R1002", "李四", 1L, 2L, List.of(), null))),
        new FtMessage.PersonDelete("g-5", 18L, List.of("R1001", "R1002")));
  }

  @ParameterizedTest
  @MethodSource("everyMessage")
  void decodeOfEncodeGivesTheSameMessage(FtMessage message) throws FtDecodeException {
    assertEquals(message, FtCodec.decode(message.kind(), FtCodec.encode(message)));
  }

  @Test
  void theInterfaceExampleOfAVerifyDecodes() throws FtDecodeException {
    String example = "{\"msgId\":\"a1f0\",\"ts\":1734572000000,\"lane\":\"in\",\"method\":\"face\","
        + "\"personId\":\"R1001\",\"score\":0.93,\"liveness\":true,"
        + "\"card\":null,\"qr\":null,\"snapshotJpeg\":\"/9j/\",\"bodyType\":\"pedestrian\"}";
    FtMessage.Verify v = (FtMessage.Verify) FtCodec.decode("verify", example.getBytes(StandardCharsets.UTF_8));
    assertEquals("R1001", v.personId());
    assertEquals(0.93, v.score());
    assertEquals("/9j/", v.snapshotJpeg());
  }

  @Test
  void aVerifyResultIsWrittenAsTheInterfaceShowsIt() {
    JsonObject open = new FtMessage.VerifyResult("g-7781", 1734572000012L, "a1f0", true, 3000, null, "欢迎回家", "张三 欢迎回家").toJson();
    assertEquals(new JsonObject("{\"msgId\":\"g-7781\",\"ts\":1734572000012,\"reqMsgId\":\"a1f0\","
        + "\"decision\":\"open\",\"openMs\":3000,\"voice\":\"欢迎回家\",\"text\":\"张三 欢迎回家\"}"), open);
    JsonObject deny = new FtMessage.VerifyResult("g-1", 1L, "a", false, 0, "UNKNOWN_FACE", "v", "t").toJson();
    assertEquals("deny", deny.getString("decision"));
    assertEquals("UNKNOWN_FACE", deny.getString("reason"));
    assertFalse(deny.containsKey("openMs"));
  }

  @Test
  void cardUidsAreUpperCased() throws FtDecodeException {
    FtMessage.Verify v = (FtMessage.Verify) FtCodec.decode("verify", bytes(verifyJson().put("method", "card")
        .put("card", "04a1b2c3").put("personId", null)));
    assertEquals("04A1B2C3", v.card());
  }

  static Stream<Arguments> malformed() {
    String big = "x".repeat(FtCodec.MAX_BODY_BYTES + 1);
    return Stream.of(
        Arguments.of("not json", "{\"msgId\":", FtDecodeException.MALFORMED_JSON),
        Arguments.of("an array", "[1,2]", FtDecodeException.MALFORMED_JSON),
        Arguments.of("JSON null", "null", FtDecodeException.MALFORMED_JSON),
        Arguments.of("over 4 MiB", big, FtDecodeException.TOO_LARGE),
        Arguments.of("no msgId", verifyJson().put("msgId", (String) null).encode(), FtDecodeException.BAD_FIELD),
        Arguments.of("msgId a number", verifyJson().put("msgId", 7).encode(), FtDecodeException.BAD_FIELD),
        Arguments.of("msgId of 65", verifyJson().put("msgId", "m".repeat(65)).encode(), FtDecodeException.BAD_MSG_ID),
        Arguments.of("empty msgId", verifyJson().put("msgId", "").encode(), FtDecodeException.BAD_MSG_ID),
        Arguments.of("ts a string", verifyJson().put("ts", "now").encode(), FtDecodeException.BAD_FIELD),
        Arguments.of("ts negative", verifyJson().put("ts", -1).encode(), FtDecodeException.BAD_FIELD),
        Arguments.of("bad lane", verifyJson().put("lane", "up").encode(), FtDecodeException.BAD_FIELD),
        Arguments.of("bad method", verifyJson().put("method", "iris").encode(), FtDecodeException.BAD_FIELD),
        Arguments.of("score over 1", verifyJson().put("score", 1.5).encode(), FtDecodeException.BAD_FIELD),
        Arguments.of("liveness a string", verifyJson().put("liveness", "yes").encode(), FtDecodeException.BAD_FIELD),
        Arguments.of("card read without uid", verifyJson().put("method", "card").encode(), FtDecodeException.BAD_FIELD),
        Arguments.of("card not hex", verifyJson().put("method", "card").put("card", "ZZ").encode(), FtDecodeException.BAD_FIELD),
        Arguments.of("qr without text", verifyJson().put("method", "qr").encode(), FtDecodeException.BAD_FIELD),
        Arguments.of("bad body type", verifyJson().put("bodyType", "horse").encode(), FtDecodeException.BAD_FIELD),
        Arguments.of("personId too long", verifyJson().put("personId", "p".repeat(65)).encode(), FtDecodeException.BAD_FIELD),
        Arguments.of("snapshot too big", verifyJson().put("snapshotJpeg", "A".repeat(FtCodec.MAX_SNAPSHOT_CHARS + 4)).encode(),
            FtDecodeException.BAD_FIELD));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void aBrokenVerifyIsRefusedWithItsReason(String what, String body, String reason) {
    FtDecodeException e = assertThrows(FtDecodeException.class,
        () -> FtCodec.decode("verify", body.getBytes(StandardCharsets.UTF_8)));
    assertEquals(reason, e.reason(), e.getMessage());
  }

  @Test
  void moreThan200RecordsAreRefused() {
    List<RecordEntry> entries = new ArrayList<>();
    for (int i = 0; i < 201; i++) {
      entries.add(new RecordEntry(face("r" + i), true));
    }
    byte[] body = FtCodec.encode(new FtMessage.Records("m", 1L, entries));
    FtDecodeException e = assertThrows(FtDecodeException.class, () -> FtCodec.decode("record", body));
    assertTrue(e.getMessage().contains("200"), e.getMessage());
  }

  @Test
  void aBrokenRecordNamesItsPosition() {
    JsonObject body = new FtMessage.Records("m", 1L, List.of(new RecordEntry(face("r1"), true))).toJson();
    body.getJsonArray("records").getJsonObject(0).put("decision", "maybe");
    FtDecodeException e = assertThrows(FtDecodeException.class, () -> FtCodec.decode("record", bytes(body)));
    assertTrue(e.getMessage().startsWith("records[0]"), e.getMessage());
  }

  @Test
  void invalidUtf8IsRefusedNotGuessed() {
    byte[] body = {'{', '"', 'm', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
    assertThrows(FtDecodeException.class, () -> FtCodec.decode("verify", body));
  }

  @Test
  void topicsOutsideTheInterfaceAreRefused() throws FtDecodeException {
    assertEquals(new FtTopic("FT8-G1L1", true, "verify"), FtTopic.parse("ft/FT8-G1L1/up/verify"));
    for (String t : List.of("ft/SN/up/selfdestruct", "ft/SN/sideways/verify", "ft//up/verify", "ft/SN/up",
        "ft/SN/up/verify/extra", "other/SN/up/verify")) {
      assertEquals(FtDecodeException.UNKNOWN_TOPIC, assertThrows(FtDecodeException.class, () -> FtTopic.parse(t)).reason(), t);
    }
    assertArrayEquals("ft/SN/down/open".getBytes(), FtTopic.down("SN", "open").topic().getBytes());
  }

  private static JsonObject verifyJson() {
    return face("v1").toJson();
  }

  private static byte[] bytes(JsonObject json) {
    return json.encode().getBytes(StandardCharsets.UTF_8);
  }
}
