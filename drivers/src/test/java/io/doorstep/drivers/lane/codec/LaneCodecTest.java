package io.doorstep.drivers.lane.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LaneCodecTest {
  private static final LaneTopic ONLINE = LaneTopic.up("L1", "online");
  private static final LaneTopic STATE = LaneTopic.up("L1", "barrier");
  private static final LaneTopic ACK = LaneTopic.up("L1", "ack");
  private static final LaneTopic COMMAND = LaneTopic.down("L1", "barrier");

  static Stream<Arguments> everyMessage() {
    return Stream.of(
        Arguments.of(ONLINE, new LaneMessage.Online("m1", 1L, true, "LPR-2", "1.4.0")),
        Arguments.of(ONLINE, new LaneMessage.Online("m2", 2L, false, null, null)),
        Arguments.of(STATE, new LaneMessage.BarrierState("m3", 3L, "up")),
        Arguments.of(STATE, new LaneMessage.BarrierState("m4", 4L, "down")),
        Arguments.of(STATE, new LaneMessage.BarrierState("m5", 5L, "held-up")),
        Arguments.of(ACK, new LaneMessage.Ack("m6", 6L, "g-1", true, null)),
        Arguments.of(ACK, new LaneMessage.Ack("m7", 7L, "g-2", false, "HELD_UP")),
        Arguments.of(COMMAND, new LaneMessage.BarrierCommand("g-3", 8L, "raise")),
        Arguments.of(COMMAND, new LaneMessage.BarrierCommand("g-4", 9L, "lower")),
        Arguments.of(COMMAND, new LaneMessage.BarrierCommand("g-5", 10L, "hold-up")),
        Arguments.of(COMMAND, new LaneMessage.BarrierCommand("g-6", 11L, "release")));
  }

  @ParameterizedTest
  @MethodSource("everyMessage")
  void decodingWhatWasEncodedGivesTheSameMessage(LaneTopic topic, LaneMessage message) throws Exception {
    assertEquals(message, LaneCodec.decode(topic, LaneCodec.encode(message)));
    assertEquals(topic.kind(), message.kind());
  }

  @Test
  void aCommandIsTheJsonOfTheInterface() {
    assertEquals("{\"msgId\":\"g-3\",\"ts\":8,\"action\":\"hold-up\"}",
        new String(LaneCodec.encode(new LaneMessage.BarrierCommand("g-3", 8L, "hold-up")), StandardCharsets.UTF_8));
  }

  @Test
  void aStateAsALaneSendsItIsRead() throws Exception {
    assertEquals(new LaneMessage.BarrierState("s-1", 1734572000000L, "held-up"),
        decode(STATE, "{\"msgId\":\"s-1\",\"ts\":1734572000000,\"state\":\"held-up\"}"));
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of(STATE, "[1]", LaneDecodeException.MALFORMED_JSON),
        Arguments.of(STATE, "{not json", LaneDecodeException.MALFORMED_JSON),
        Arguments.of(STATE, "{\"ts\":1,\"state\":\"up\"}", LaneDecodeException.BAD_FIELD),
        Arguments.of(STATE, "{\"msgId\":\"\",\"ts\":1,\"state\":\"up\"}", LaneDecodeException.BAD_MSG_ID),
        Arguments.of(STATE, "{\"msgId\":\"" + "x".repeat(65) + "\",\"ts\":1,\"state\":\"up\"}",
            LaneDecodeException.BAD_MSG_ID),
        Arguments.of(STATE, "{\"msgId\":\"a\",\"ts\":-1,\"state\":\"up\"}", LaneDecodeException.BAD_FIELD),
        Arguments.of(STATE, "{\"msgId\":\"a\",\"ts\":1.5,\"state\":\"up\"}", LaneDecodeException.BAD_FIELD),
        Arguments.of(STATE, "{\"msgId\":\"a\",\"ts\":1,\"state\":\"half\"}", LaneDecodeException.BAD_FIELD),
        Arguments.of(STATE, "{\"msgId\":\"a\",\"ts\":1}", LaneDecodeException.BAD_FIELD),
        Arguments.of(ONLINE, "{\"msgId\":\"a\",\"ts\":1,\"online\":\"yes\"}", LaneDecodeException.BAD_FIELD),
        Arguments.of(ONLINE, "{\"msgId\":\"a\",\"ts\":1,\"online\":true,\"fw\":3}", LaneDecodeException.BAD_FIELD),
        Arguments.of(ACK, "{\"msgId\":\"a\",\"ts\":1,\"ok\":true}", LaneDecodeException.BAD_FIELD),
        Arguments.of(ACK, "{\"msgId\":\"a\",\"ts\":1,\"ackMsgId\":\"g\",\"ok\":false}", LaneDecodeException.BAD_FIELD),
        Arguments.of(COMMAND, "{\"msgId\":\"a\",\"ts\":1,\"action\":\"open\"}", LaneDecodeException.BAD_FIELD));
  }

  @ParameterizedTest
  @MethodSource("malformed")
  void aMessageThatBreaksTheInterfaceIsRefusedWithItsReason(LaneTopic topic, String body, String reason) {
    LaneDecodeException e = assertThrows(LaneDecodeException.class, () -> decode(topic, body));
    assertEquals(reason, e.reason(), e.getMessage());
  }

  @Test
  void anOverlongBodyIsRefusedBeforeItIsParsed() {
    LaneDecodeException e = assertThrows(LaneDecodeException.class,
        () -> LaneCodec.decode(STATE, new byte[LaneCodec.MAX_BODY_BYTES + 1]));
    assertEquals(LaneDecodeException.TOO_LARGE, e.reason());
  }

  @Test
  void topicsParseBackToThemselvesAndOthersAreRefused() throws Exception {
    for (LaneTopic t : new LaneTopic[] {ONLINE, STATE, ACK, COMMAND}) {
      assertEquals(t, LaneTopic.parse(t.topic()));
    }
    for (String bad : new String[] {"lane/L1/up/vehicle", "lane//up/barrier", "ft/L1/up/ack", "lane/L1/side/ack",
        "lane/L1/down/ack", "lane/L1/up/barrier/x"}) {
      assertEquals(LaneDecodeException.UNKNOWN_TOPIC,
          assertThrows(LaneDecodeException.class, () -> LaneTopic.parse(bad)).reason(), bad);
    }
  }

  private static LaneMessage decode(LaneTopic topic, String body) throws LaneDecodeException {
    return LaneCodec.decode(topic, body.getBytes(StandardCharsets.UTF_8));
  }
}
