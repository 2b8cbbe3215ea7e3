package io.doorstep.gateway.people;

import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A card as the gateway stores and compares it. The text is normalized so that one card has one
 * spelling whichever reader or office produced it, and so that the kinds can never collide:
 *
 * <ul>
 *   <li>Mifare: the UID in upper-case hex, 8, 14 or 20 digits ({@code 04A1B2C3});
 *   <li>Wiegand 26: {@code W26:<facility>:<card>} in decimal without leading zeros ({@code W26:123:45678});
 *   <li>Wiegand 34: {@code W34:<number>} in decimal ({@code W34:3735928559}).
 * </ul>
 *
 * <p>A reader's driver builds its card with {@link #wiegand26}, {@link #wiegand34} or {@link #mifare}
 * and looks persons up by {@link #text()}.
 *
 * @param text the normalized text, the cards table's uid
 */
public record Card(CardKind kind, String text) {

  private static final Pattern HEX = Pattern.compile("[0-9A-F]+");
  private static final Pattern W26 = Pattern.compile("(?:W26:)?(\\d{1,3}):(\\d{1,5})");
  private static final Pattern W34 = Pattern.compile("W34:(\\d{1,10})");
  private static final long W34_MAX = 0xFFFF_FFFFL;

  public Card {
    if (kind == null || text == null) {
      throw new IllegalArgumentException("a card needs a kind and a text");
    }
  }

  /**
   * Reads a card as people write it: a Mifare UID in hex (spaces allowed, any case),
   * {@code 123:45678} or {@code W26:123:45678} for Wiegand 26, {@code W34:3735928559} for Wiegand 34.
   *
   * @throws IllegalArgumentException saying what is wrong, fit to show the person who wrote it
   */
  public static Card parse(String written) {
    String t = written == null ? "" : written.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    if (t.isEmpty()) {
      throw new IllegalArgumentException("empty card number");
    }
    Matcher w26 = W26.matcher(t);
    if (w26.matches()) {
      return wiegand26(Integer.parseInt(w26.group(1)), Integer.parseInt(w26.group(2)));
    }
    Matcher w34 = W34.matcher(t);
    if (w34.matches()) {
      return wiegand34(Long.parseLong(w34.group(1)));
    }
    if (t.startsWith("W26:") || t.startsWith("W34:")) {
      throw new IllegalArgumentException("'" + written.strip() + "' is not a Wiegand card: write W26:123:45678 or W34:3735928559");
    }
    return mifare(t, written);
  }

  public static Card mifare(byte[] uid) {
    return mifare(HexFormat.of().withUpperCase().formatHex(uid), "the UID");
  }

  public static Card wiegand26(int facility, int number) {
    if (facility < 0 || facility > 255) {
      throw new IllegalArgumentException("Wiegand 26 facility code must be from 0 to 255, got " + facility);
    }
    if (number < 0 || number > 65535) {
      throw new IllegalArgumentException("Wiegand 26 card number must be from 0 to 65535, got " + number);
    }
    return new Card(CardKind.WIEGAND26, "W26:" + facility + ":" + number);
  }

  public static Card wiegand34(long number) {
    if (number < 0 || number > W34_MAX) {
      throw new IllegalArgumentException("Wiegand 34 card number must be from 0 to 4294967295, got " + number);
    }
    return new Card(CardKind.WIEGAND34, "W34:" + number);
  }

  /** The kind of a text already normalized (as stored). */
  public static Card ofStored(String text) {
    if (text.startsWith("W26:")) {
      return new Card(CardKind.WIEGAND26, text);
    }
    if (text.startsWith("W34:")) {
      return new Card(CardKind.WIEGAND34, text);
    }
    return new Card(CardKind.MIFARE, text);
  }

  private static Card mifare(String hex, String written) {
    if (!HEX.matcher(hex).matches()) {
      throw new IllegalArgumentException("'" + written.strip()
          + "' is not a card number: a Mifare UID is hex (04A1B2C3), a Wiegand card W26:123:45678 or W34:3735928559");
    }
    // ISO 14443 UIDs are 4, 7 or 10 bytes; anything else is a typo or a different number entirely.
    if (hex.length() != 8 && hex.length() != 14 && hex.length() != 20) {
      throw new IllegalArgumentException("'" + written.strip() + "' has " + hex.length()
          + " hex digits: a Mifare UID has 8, 14 or 20");
    }
    return new Card(CardKind.MIFARE, hex);
  }

  @Override
  public String toString() {
    return text;
  }
}
