package io.doorstep.gateway.sync;

import io.doorstep.gateway.store.PersonRecord;

/**
 * An upper bound of the bytes a person adds to a {@code person-upsert}, without encoding it:
 * planning a message must not cost what sending it does. Over-estimating only makes messages a
 * little smaller; under-estimating would make the terminal refuse them (TOO_LARGE), which the
 * sync survives by splitting, but should not rely on.
 */
final class MessageBudget {
  /** The envelope: msgId (at most 64 characters), ts, the persons array. */
  static final int ENVELOPE_BYTES = 256;
  /** Keys, quotes, commas, two 19-digit numbers. */
  private static final int PERSON_FIXED_BYTES = 160;
  /** A character written as a JSON escape, the worst case of any encoding. */
  private static final int WORST_CHAR_BYTES = 6;

  private MessageBudget() {}

  static long personBytes(SyncPerson p) {
    PersonRecord r = p.person();
    long bytes = PERSON_FIXED_BYTES + text(r.id()) + text(r.name());
    for (String card : r.cards()) {
      bytes += text(card) + 3;
    }
    return bytes + base64(p.faceSha() == null ? -1 : p.faceBytes());
  }

  /** The room for persons in a message of {@code maxBodyBytes}. */
  static long room(int maxBodyBytes) {
    return maxBodyBytes - ENVELOPE_BYTES;
  }

  private static long text(String s) {
    return s == null ? 4 : (long) s.length() * WORST_CHAR_BYTES + 2;
  }

  private static long base64(int bytes) {
    return bytes < 0 ? 0 : 4L * ((bytes + 2) / 3);
  }
}
