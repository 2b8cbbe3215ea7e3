package io.doorstep.gateway.sync;

/**
 * What the gateway knows a terminal holds for one person (a row of {@code sync_persons}).
 *
 * @param digest the entry last sent, or tried
 * @param failed the terminal refused that entry (then {@code error} says why)
 * @param held the terminal holds some entry for the person: a refused update keeps the old one
 */
record KnownEntry(String digest, boolean failed, String error, boolean held) {

  static KnownEntry ok(String digest) {
    return new KnownEntry(digest, false, null, true);
  }

  KnownEntry refused(String newDigest, String why) {
    return new KnownEntry(newDigest, true, why, held);
  }

  static KnownEntry refusedNew(String digest, String why) {
    return new KnownEntry(digest, true, why, false);
  }
}
