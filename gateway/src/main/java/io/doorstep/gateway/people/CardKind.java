package io.doorstep.gateway.people;

/** How a card reaches the gateway; each kind has its own normalized text (see {@link Card}). */
public enum CardKind {
  /** 13.56 MHz card read by a face terminal or an OSDP reader: its UID. */
  MIFARE("mifare"),
  /** A 26-bit Wiegand frame from a booth reader: 8-bit facility code and 16-bit card number. */
  WIEGAND26("wiegand26"),
  /** A 34-bit Wiegand frame: one 32-bit number. */
  WIEGAND34("wiegand34");

  private final String code;

  CardKind(String code) {
    this.code = code;
  }

  /** The word in the cards table's kind column. */
  public String code() {
    return code;
  }
}
