package io.doorstep.gateway.sync;

import java.util.List;

/**
 * The difference between what a terminal should hold and what it is known to hold.
 *
 * @param deletes persons the terminal holds but must not
 * @param upserts persons to send, new or changed, in id order
 * @param forget refused persons no longer wanted at the terminal: only the record of the refusal goes
 */
record SyncPlan(List<String> deletes, List<SyncPerson> upserts, List<String> forget) {
  SyncPlan {
    deletes = List.copyOf(deletes);
    upserts = List.copyOf(upserts);
    forget = List.copyOf(forget);
  }

  /** Commands' worth of persons still to go. */
  int pending() {
    return deletes.size() + upserts.size();
  }
}
