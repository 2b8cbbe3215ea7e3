package io.doorstep.gateway.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CardTest {

  @Test
  void mifareUidsAreUpperCaseHex() {
    assertEquals(new Card(CardKind.MIFARE, "04A1B2C3"), Card.parse(" 04a1 b2c3 "));
    assertEquals(new Card(CardKind.MIFARE, "04A1B2C3D4E5F6"), Card.parse("04A1B2C3D4E5F6"));
    assertEquals(Card.parse("04A1B2C3"), Card.mifare(new byte[] {0x04, (byte) 0xA1, (byte) 0xB2, (byte) 0xC3}));
  }

  @Test
  void wiegand26IsFacilityAndNumberInDecimal() {
    assertEquals(new Card(CardKind.WIEGAND26, "W26:123:45678"), Card.parse("123:45678"));
    assertEquals(new Card(CardKind.WIEGAND26, "W26:7:5"), Card.parse("w26:007:00005"));
    assertEquals(Card.parse("123:45678"), Card.wiegand26(123, 45678));
  }

  @Test
  void wiegand34IsOneNumberInDecimal() {
    assertEquals(new Card(CardKind.WIEGAND34, "W34:3735928559"), Card.parse("W34:3735928559"));
    assertEquals(Card.parse("W34:0"), Card.wiegand34(0));
  }

  @Test
  void kindsNeverCollide() {
    // The same digits as a Mifare UID and as a Wiegand 34 number are two different cards.
    assertEquals(CardKind.MIFARE, Card.parse("12345678").kind());
    assertEquals(CardKind.WIEGAND34, Card.parse("W34:12345678").kind());
    assertEquals(Card.parse("W34:12345678"), Card.ofStored(Card.parse("W34:12345678").text()));
    assertEquals(Card.parse("1:2"), Card.ofStored(Card.parse("1:2").text()));
  }

  @Test
  void malformedCardsSayWhatIsWrong() {
    assertEquals("'04A1B2' has 6 hex digits: a Mifare UID has 8, 14 or 20",
        assertThrows(IllegalArgumentException.class, () -> Card.parse("04A1B2")).getMessage());
    assertThrows(IllegalArgumentException.class, () -> Card.parse("04A1B2CZ"));
    assertThrows(IllegalArgumentException.class, () -> Card.parse(""));
    assertThrows(IllegalArgumentException.class, () -> Card.parse("256:1"));
    assertThrows(IllegalArgumentException.class, () -> Card.parse("1:65536"));
    assertThrows(IllegalArgumentException.class, () -> Card.parse("W34:4294967296"));
    assertThrows(IllegalArgumentException.class, () -> Card.parse("W34:-1"));
    assertThrows(IllegalArgumentException.class, () -> Card.parse("W26:12345678"));
  }

  @Test
  void platesAndTagsHaveOneSpelling() {
    assertEquals("闽C12345", Identifiers.plate("闽c·12345"));
    assertEquals("闽C12345", Identifiers.plate("闽Ｃ 12345"));
    assertEquals("闽CD12345", Identifiers.plate("闽C-D12345"));
    assertEquals("E2801160600002", Identifiers.ebikeTag("e280 1160 6000 02"));
    assertThrows(IllegalArgumentException.class, () -> Identifiers.plate("闽C"));
    assertThrows(IllegalArgumentException.class, () -> Identifiers.plate("闽C12345!"));
    assertThrows(IllegalArgumentException.class, () -> Identifiers.ebikeTag("E28G1160"));
  }

  @Test
  void householdsAreBuildingUnitRoom() {
    assertEquals(new Household("B03-U1-1502", "B03", "U1", "1502"), Household.parse(" b03-u1-1502 "));
    assertEquals(15, Household.parse("B03-U1-1502").floor());
    assertThrows(IllegalArgumentException.class, () -> Household.parse("3栋1单元1502"));
  }

  @Test
  void personKindsAreReadInChineseOrEnglish() {
    assertEquals(PersonKind.RESIDENT, PersonKind.parse("业主").orElseThrow());
    assertEquals(PersonKind.TENANT, PersonKind.parse("Tenant").orElseThrow());
    assertEquals(PersonKind.STAFF, PersonKind.parse("工作人员").orElseThrow());
    assertEquals(PersonKind.VISITOR, PersonKind.parse(" 访客 ").orElseThrow());
    assertEquals(java.util.Optional.empty(), PersonKind.parse("房东"));
  }
}
