package io.doorstep.gateway.access;

import io.doorstep.gateway.config.AccessConfig;

/**
 * Anti-passback within a door's passback group. {@code strict}: in and out alternate, so a card
 * handed back through the fence cannot go in twice. {@code timed}: the same direction again only
 * after the lock-out. The first passage a holder makes is always allowed, and a passage is judged
 * only against earlier ones: a record a terminal reports late cannot be judged against a future
 * it did not know, nor a record it repeats against itself.
 */
final class PassbackPolicy implements AccessPolicy {

  @Override
  public Reason check(Attempt a, AccessSnapshot s) {
    AccessConfig.Passback group = s.rules().passbackAt(a.door());
    String holder = a.holder();
    String direction = a.request().direction();
    if (group == null || holder == null || direction == null) {
      return null;
    }
    PassbackState.Last last = s.passback().last(group.id(), holder);
    if (last == null || last.ts() >= a.atMs() || !direction.equals(last.direction())) {
      return null;
    }
    if (AccessConfig.STRICT.equals(group.mode())) {
      return Reason.PASSBACK;
    }
    return a.atMs() - last.ts() < group.lockoutS() * 1000L ? Reason.PASSBACK : null;
  }
}
