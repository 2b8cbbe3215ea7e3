package io.doorstep.gateway.people;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one spelling of plates and e-bike tags. A plate camera reports "闽C·12345", an office types
 * "闽c 12345" or "闽Ｃ12345" (full width): all are the same plate, and the lane must find it.
 */
public final class Identifiers {

  /** Separators that appear inside plates as written or printed; none of them is part of the plate. */
  private static final Pattern SEPARATORS = Pattern.compile("[\\s·•・.\\-_]");
  /** Chinese plates are 7 or 8 characters; some cities' e-bike plates are longer. */
  private static final Pattern PLATE = Pattern.compile("[\\p{IsHan}A-Z0-9]{3,12}");
  /** EPC tags are 96 bits (24 hex digits) and longer; 8 leaves room for short TIDs. */
  private static final Pattern TAG = Pattern.compile("[0-9A-F]{8,64}");

  private Identifiers() {}

  /**
   * The normalized plate: full-width characters folded (NFKC), separators removed, upper case.
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  public static String plate(String written) {
    String p = SEPARATORS.matcher(Normalizer.normalize(written == null ? "" : written, Normalizer.Form.NFKC))
        .replaceAll("").toUpperCase(Locale.ROOT);
    if (!PLATE.matcher(p).matches()) {
      throw new IllegalArgumentException("'" + (written == null ? "" : written.strip())
          + "' is not a plate: 3 to 12 Chinese characters, letters and digits, like 闽C12345");
    }
    return p;
  }

  /**
   * The normalized e-bike tag: upper-case hex without spaces.
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  public static String ebikeTag(String written) {
    String t = (written == null ? "" : written).replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    if (!TAG.matcher(t).matches()) {
      throw new IllegalArgumentException("'" + (written == null ? "" : written.strip())
          + "' is not an e-bike tag: 8 to 64 hex digits, like E2801160600002");
    }
    return t;
  }
}
