package io.doorstep.gateway.sync;

import io.doorstep.gateway.store.PersonRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Works out a terminal's difference. Pure, and cheap enough to run again after every command:
 * the plan is never stored, so a change that arrives mid-sync simply shows in the next one.
 */
final class SyncPlanner {
  private SyncPlanner() {}

  /**
   * @param persons every person of the estate, in id order
   * @param known what the terminal is known to hold
   * @param allowed whether a person belongs at this terminal (its access scope)
   * @param now Unix ms: persons whose validity ended before it are not wanted
   */
  static SyncPlan plan(Collection<SyncPerson> persons, Map<String, KnownEntry> known,
      Predicate<PersonRecord> allowed, long now) {
    List<String> deletes = new ArrayList<>();
    List<SyncPerson> upserts = new ArrayList<>();
    List<String> forget = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (SyncPerson p : persons) {
      seen.add(p.id());
      KnownEntry k = known.get(p.id());
      if (!wanted(p.person(), allowed, now)) {
        unwanted(p.id(), k, deletes, forget);
      } else if (!p.faceUnreadable() && (k == null || !k.digest().equals(p.digest()))) {
        // A refused entry is sent again only once its digest changed: same data, same refusal.
        upserts.add(p);
      }
    }
    known.entrySet().stream()
        .filter(e -> !seen.contains(e.getKey()))
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> unwanted(e.getKey(), e.getValue(), deletes, forget));
    return new SyncPlan(deletes, upserts, forget);
  }

  /** Valid now or later: a visitor whose pass starts tomorrow is already on the list. */
  static boolean notExpired(PersonRecord p, long now) {
    return p.validTo() == 0 || p.validTo() >= now;
  }

  private static boolean wanted(PersonRecord p, Predicate<PersonRecord> allowed, long now) {
    return notExpired(p, now) && allowed.test(p);
  }

  private static void unwanted(String id, KnownEntry k, List<String> deletes, List<String> forget) {
    if (k == null) {
      return;
    }
    if (k.held()) {
      deletes.add(id);
    } else {
      forget.add(id);
    }
  }
}
