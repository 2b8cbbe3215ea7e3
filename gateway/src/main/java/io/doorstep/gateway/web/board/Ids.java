package io.doorstep.gateway.web.board;

import java.util.regex.Pattern;

/** The ids a board path may carry, checked before anything is asked of a service. */
final class Ids {
  /** Door ids as the estate file allows them (G1-L1, B01-U1, …). */
  private static final Pattern DOOR = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
  private static final Pattern ALARM = Pattern.compile("[1-9][0-9]{0,17}");

  private Ids() {}

  static boolean door(String id) {
    return id != null && DOOR.matcher(id).matches();
  }

  /** The alarm id, or -1 when the text is not one. */
  static long alarm(String id) {
    return id != null && ALARM.matcher(id).matches() ? Long.parseLong(id) : -1;
  }
}
