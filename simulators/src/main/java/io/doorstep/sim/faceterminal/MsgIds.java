package io.doorstep.sim.faceterminal;

import java.util.UUID;

/** Message ids unique per sender (the interface allows 64 characters; these use 32). */
final class MsgIds {

  private MsgIds() {
  }

  static String next() {
    return UUID.randomUUID().toString().replace("-", "");
  }
}
