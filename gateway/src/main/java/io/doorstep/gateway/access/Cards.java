package io.doorstep.gateway.access;

import java.util.Locale;

/** Card UIDs are compared in upper-case hex, however a reader or an operator wrote them. */
final class Cards {
  private Cards() {}

  static String normalize(String uid) {
    return uid == null ? null : uid.trim().toUpperCase(Locale.ROOT);
  }
}
