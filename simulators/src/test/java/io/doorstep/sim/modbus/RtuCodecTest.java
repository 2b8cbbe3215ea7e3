package io.doorstep.sim.modbus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.doorstep.sim.modbus.RtuRequest.Other;
import io.doorstep.sim.modbus.RtuRequest.ReadRegisters;
import io.doorstep.sim.modbus.RtuRequest.WriteRegister;
import io.doorstep.sim.modbus.RtuRequest.WriteRegisters;
import io.doorstep.sim.modbus.RtuResponse.Refused;
import io.doorstep.sim.modbus.RtuResponse.Registers;
import io.doorstep.sim.modbus.RtuResponse.WrittenRegister;
import io.doorstep.sim.modbus.RtuResponse.WrittenRegisters;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RtuCodecTest {

  static byte[] hex(String text) {
    return HexFormat.of().parseHex(text.replace(" ", ""));
  }

  @Test
  void crcOfTheCheckStringIsThePublishedValue() {
    byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
    assertEquals(0x4B37, Crc16.of(check, 0, check.length));
  }

  @Test
  void readHoldingFrameFromTheStandardEncodesToItsKnownBytes() {
    byte[] frame = RtuCodec.encode(new ReadRegisters(1, 0x03, 0x0000, 10));
    assertEquals("01 03 00 00 00 0A C5 CD", RtuCodec.hex(frame));
    assertEquals(new ReadRegisters(1, 0x03, 0, 10), RtuCodec.decodeRequest(frame));
  }

  @Test
  void knownResponseDecodes() {
    // 01 03 02 00 2A, CRC computed independently: 0x4B 0x38... checked by round trip below.
    byte[] frame = RtuCodec.frame(1, 0x03, hex("02 00 2A"));
    assertEquals(new Registers(1, 0x03, List.of(42)), RtuCodec.decodeResponse(frame));
    assertEquals("01 83 02 C0 F1", RtuCodec.hex(RtuCodec.encode(new Refused(1, 3, 2))));
  }

  static Stream<RtuRequest> requests() {
    return Stream.of(new ReadRegisters(1, 0x03, 0x0100, 2), new ReadRegisters(247, 0x04, 0, 125),
        new ReadRegisters(5, 0x04, 0xFFFF, 0), new WriteRegister(0, 0x0100, 2),
        new WriteRegister(3, 0x0101, 0xFFFF), WriteRegisters.of(1, 0x0100, List.of(1, 800)),
        new WriteRegisters(1, 0x0000, 3, List.of(7)), new Other(1, 0x2B, new byte[] {0x0E, 1, 0}),
        new Other(9, 0x41, new byte[0]));
  }

  @ParameterizedTest
  @MethodSource("requests")
  void requestsRoundTrip(RtuRequest request) {
    byte[] frame = RtuCodec.encode(request);
    assertEquals(request, RtuCodec.decodeRequest(frame));
    int length = RtuCodec.requestLength(frame, frame.length);
    if (length != RtuCodec.UNKNOWN) {
      assertEquals(frame.length, length);
    }
  }

  static Stream<RtuResponse> responses() {
    return Stream.of(new Registers(1, 0x04, List.of(0, 1, 0xFFFF, 0x7FFF)),
        new Registers(2, 0x03, List.of()), new WrittenRegister(1, 0x0100, 2),
        new WrittenRegisters(4, 0x0100, 18), new Refused(1, 0x10, 4), new Refused(1, 0x41, 1));
  }

  @ParameterizedTest
  @MethodSource("responses")
  void responsesRoundTrip(RtuResponse response) {
    byte[] frame = RtuCodec.encode(response);
    assertEquals(response, RtuCodec.decodeResponse(frame));
    assertEquals(frame.length, RtuCodec.responseLength(frame, frame.length));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "01", "01 03 C5",
      "01 03 00 00 00 0A C5 CE",          // CRC off by one
      "01 03 00 00 00 0A CD C5",          // CRC high byte first
  })
  void badFramesAreRefused(String text) {
    assertThrows(MalformedFrameException.class, () -> RtuCodec.decodeRequest(hex(text)));
    assertThrows(MalformedFrameException.class, () -> RtuCodec.decodeResponse(hex(text)));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "01 03 00 00 00",                   // read one byte short
      "01 06 00 01 00 02 00",             // write single one byte long
      "01 10 00 00 00 01 02 00",          // byte count 2, one data byte
      "01 10 00 00 00 01 01 00",          // odd byte count
      "01 10 00 00",                      // no quantity
  })
  void requestsWithTheWrongShapeAreRefused(String body) {
    byte[] frame = withCrc(body);
    assertThrows(MalformedFrameException.class, () -> RtuCodec.decodeRequest(frame));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "01 03 04 00 01",                   // byte count 4, two bytes
      "01 04 03 00 01 02",                // odd byte count
      "01 83",                            // exception without a code
      "01 06 00 01 00",                   // echo cut short
      "01 2B 0E 01",                      // a function it does not answer
  })
  void responsesWithTheWrongShapeAreRefused(String body) {
    byte[] frame = withCrc(body);
    assertThrows(MalformedFrameException.class, () -> RtuCodec.decodeResponse(frame));
  }

  @Test
  void lengthsComeFromTheFunctionCodeAndByteCount() {
    assertEquals(RtuCodec.NEED_MORE, RtuCodec.requestLength(hex("01"), 1));
    assertEquals(8, RtuCodec.requestLength(hex("01 04"), 2));
    assertEquals(8, RtuCodec.requestLength(hex("01 01"), 2));
    assertEquals(RtuCodec.NEED_MORE, RtuCodec.requestLength(hex("01 10 00 00 00"), 5));
    assertEquals(13, RtuCodec.requestLength(hex("01 10 00 00 00 02 04"), 7));
    assertEquals(RtuCodec.UNKNOWN, RtuCodec.requestLength(hex("01 41 00"), 3));
    assertEquals(5, RtuCodec.responseLength(hex("01 84"), 2));
    assertEquals(255, RtuCodec.responseLength(hex("01 04 FA"), 3));
  }

  @Test
  void frameAppendsTheCrcLowByteFirst() {
    byte[] frame = RtuCodec.frame(1, 3, hex("00 00 00 0A"));
    assertArrayEquals(hex("01 03 00 00 00 0A C5 CD"), frame);
  }

  private static byte[] withCrc(String body) {
    byte[] bytes = hex(body);
    return RtuCodec.frame(bytes[0], bytes[1], java.util.Arrays.copyOfRange(bytes, 2, bytes.length));
  }
}
