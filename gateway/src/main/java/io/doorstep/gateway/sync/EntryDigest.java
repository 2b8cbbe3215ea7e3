package io.doorstep.gateway.sync;

import io.doorstep.gateway.store.PersonRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * A fingerprint of a terminal entry: everything the terminal is sent about a person. Two equal
 * digests mean nothing needs sending; the household and kind are left out because the terminal
 * never sees them (they decide only where a person is sent, which the plan handles).
 */
final class EntryDigest {
  private static final HexFormat HEX = HexFormat.of();

  private EntryDigest() {}

  /** @param faceSha the photo's {@link #sha256}, or null for a card-only person */
  static String of(PersonRecord p, String faceSha) {
    MessageDigest md = sha256();
    field(md, p.name());
    field(md, Long.toString(p.validFrom()));
    field(md, Long.toString(p.validTo()));
    // The terminal matches cards regardless of case and order.
    List<String> cards = p.cards().stream().map(c -> c.toUpperCase(Locale.ROOT)).sorted().toList();
    field(md, Integer.toString(cards.size()));
    cards.forEach(c -> field(md, c));
    field(md, faceSha == null ? "-" : faceSha);
    return HEX.formatHex(md.digest());
  }

  static String sha256(byte[] bytes) {
    return HEX.formatHex(sha256().digest(bytes));
  }

  // Length-prefixed, so that ("ab", "c") and ("a", "bc") never collide.
  private static void field(MessageDigest md, String value) {
    byte[] bytes = (value == null ? "" : value).getBytes(StandardCharsets.UTF_8);
    md.update((byte) (bytes.length >>> 24));
    md.update((byte) (bytes.length >>> 16));
    md.update((byte) (bytes.length >>> 8));
    md.update((byte) bytes.length);
    md.update(bytes);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
