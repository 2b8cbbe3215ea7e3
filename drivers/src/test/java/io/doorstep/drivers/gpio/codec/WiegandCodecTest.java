package io.doorstep.drivers.gpio.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.doorstep.drivers.gpio.codec.WiegandException.Reason;
import io.doorstep.drivers.gpio.codec.WiegandFrame.Wiegand26;
import io.doorstep.drivers.gpio.codec.WiegandFrame.Wiegand34;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WiegandCodecTest {

  @Test
  void givenFacility123Card45678_whenEncoded_thenTheBitsFollowTheInterfaceTable() {
    // Written out by hand from gpio-booth.md, independently of the codec.
    String facility = "01111011"; // 123
    String card = "1011001001101110"; // 45678
    String payload = facility + card;
    String expected = evenParity(payload.substring(0, 12)) + payload + oddParity(payload.substring(12));

    WiegandBits bits = WiegandCodec.encode(new Wiegand26(123, 45678));

    assertEquals(expected, bits.toString());
    assertEquals(26, bits.count());
  }

  @Test
  void given34BitNumber_whenEncoded_thenParityCoversBits2To17And18To33() {
    long number = 0xDEADBEEFL;
    String payload = String.format("%32s", Long.toBinaryString(number)).replace(' ', '0');
    String expected = evenParity(payload.substring(0, 16)) + payload + oddParity(payload.substring(16));

    assertEquals(expected, WiegandCodec.encode(new Wiegand34(number)).toString());
  }

  @Test
  void givenAny26BitCard_whenEncodedAndDecoded_thenTheSameCardComesBack() throws Exception {
    SplittableRandom random = new SplittableRandom(26);
    for (int i = 0; i < 10_000; i++) {
      Wiegand26 frame = new Wiegand26(random.nextInt(256), random.nextInt(65536));
      assertEquals(frame, WiegandCodec.decode(WiegandCodec.encode(frame)));
    }
    for (Wiegand26 edge : new Wiegand26[] {new Wiegand26(0, 0), new Wiegand26(255, 65535), new Wiegand26(0, 65535)}) {
      assertEquals(edge, WiegandCodec.decode(WiegandCodec.encode(edge)));
    }
  }

  @Test
  void givenAny34BitNumber_whenEncodedAndDecoded_thenTheSameNumberComesBack() throws Exception {
    SplittableRandom random = new SplittableRandom(34);
    for (int i = 0; i < 10_000; i++) {
      Wiegand34 frame = new Wiegand34(random.nextLong(0x1_0000_0000L));
      assertEquals(frame, WiegandCodec.decode(WiegandCodec.encode(frame)));
    }
    assertEquals(new Wiegand34(0), WiegandCodec.decode(WiegandCodec.encode(new Wiegand34(0))));
    assertEquals(new Wiegand34(0xFFFF_FFFFL), WiegandCodec.decode(WiegandCodec.encode(new Wiegand34(0xFFFF_FFFFL))));
  }

  @Test
  void cardTextIsFacilityColonCardFor26BitsAndTheDecimalNumberFor34() {
    assertEquals("123:45678", new Wiegand26(123, 45678).cardText());
    assertEquals("0:7", new Wiegand26(0, 7).cardText());
    assertEquals("4294967295", new Wiegand34(0xFFFF_FFFFL).cardText());
  }

  @Test
  void givenEverySingleBitFlipped_whenDecoded_thenParityRefusesIt() {
    for (WiegandFrame frame : new WiegandFrame[] {new Wiegand26(123, 45678), new Wiegand34(0x12345678L)}) {
      WiegandBits good = WiegandCodec.encode(frame);
      for (int bit = 0; bit < good.count(); bit++) {
        WiegandBits flipped = new WiegandBits(good.count(), good.value() ^ (1L << bit));
        WiegandException e = assertThrows(WiegandException.class, () -> WiegandCodec.decode(flipped),
            "bit " + bit + " of " + frame);
        assertEquals(Reason.PARITY, e.reason());
      }
    }
  }

  @Test
  void givenAWrongBitCount_whenDecoded_thenItIsNoCard() {
    WiegandBits good = WiegandCodec.encode(new Wiegand26(1, 2));
    for (int count : new int[] {0, 1, 4, 8, 25, 27, 32, 33, 35, 37, 64}) {
      long value = count == 64 ? good.value() : good.value() & ((1L << count) - 1);
      WiegandBits bits = new WiegandBits(count, value);
      WiegandException e = assertThrows(WiegandException.class, () -> WiegandCodec.decode(bits), count + " bits");
      assertEquals(Reason.BIT_COUNT, e.reason());
    }
    // A 26-bit frame with one pulse lost or one extra is refused for its length, not decoded.
    assertEquals(Reason.BIT_COUNT, assertThrows(WiegandException.class,
        () -> WiegandCodec.decode(good.append(false))).reason());
  }

  @Test
  void allZerosAndAllOnesAreNotCards() {
    assertEquals(Reason.PARITY, assertThrows(WiegandException.class,
        () -> WiegandCodec.decode(new WiegandBits(26, 0))).reason());
    assertEquals(Reason.PARITY, assertThrows(WiegandException.class,
        () -> WiegandCodec.decode(new WiegandBits(34, (1L << 34) - 1))).reason());
  }

  @Test
  void outOfRangeFieldsAreRefusedAtConstruction() {
    assertThrows(IllegalArgumentException.class, () -> new Wiegand26(256, 0));
    assertThrows(IllegalArgumentException.class, () -> new Wiegand26(0, 65536));
    assertThrows(IllegalArgumentException.class, () -> new Wiegand26(-1, 0));
    assertThrows(IllegalArgumentException.class, () -> new Wiegand34(0x1_0000_0000L));
    assertThrows(IllegalArgumentException.class, () -> new WiegandBits(3, 8));
    assertThrows(IllegalArgumentException.class, () -> new WiegandBits(65, 0));
  }

  private static String evenParity(String bits) {
    return bits.chars().filter(c -> c == '1').count() % 2 == 0 ? "0" : "1";
  }

  private static String oddParity(String bits) {
    return bits.chars().filter(c -> c == '1').count() % 2 == 0 ? "1" : "0";
  }
}
