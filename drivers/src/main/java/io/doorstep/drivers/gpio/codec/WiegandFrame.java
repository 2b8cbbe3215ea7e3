package io.doorstep.drivers.gpio.codec;

/**
 * A card number as a Wiegand reader sends it, parity already checked. {@link #cardText()} is the
 * form the persons tables store cards in, so a reader and a person's card meet without either
 * side knowing the other's wire format.
 */
public sealed interface WiegandFrame permits WiegandFrame.Wiegand26, WiegandFrame.Wiegand34 {

  int bitCount();

  /** "facility:card" in decimal for 26 bits (e.g. "123:45678"), the decimal number for 34 bits. */
  String cardText();

  /** H10301: an 8-bit facility code and a 16-bit card number. */
  record Wiegand26(int facility, int card) implements WiegandFrame {
    public Wiegand26 {
      if (facility < 0 || facility > 0xFF) {
        throw new IllegalArgumentException("facility code " + facility + " is not 0..255");
      }
      if (card < 0 || card > 0xFFFF) {
        throw new IllegalArgumentException("card number " + card + " is not 0..65535");
      }
    }

    @Override
    public int bitCount() {
      return 26;
    }

    @Override
    public String cardText() {
      // The facility is part of the identity: card 45678 exists once per facility code.
      return facility + ":" + card;
    }
  }

  /** A 32-bit number with no facility code (readers that pass a card's UID on). */
  record Wiegand34(long number) implements WiegandFrame {
    public Wiegand34 {
      if (number < 0 || number > 0xFFFF_FFFFL) {
        throw new IllegalArgumentException("number " + number + " is not 0..4294967295");
      }
    }

    @Override
    public int bitCount() {
      return 34;
    }

    @Override
    public String cardText() {
      return Long.toString(number);
    }
  }
}
