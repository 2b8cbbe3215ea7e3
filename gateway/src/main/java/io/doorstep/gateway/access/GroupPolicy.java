package io.doorstep.gateway.access;

import java.util.List;

/**
 * The door is one of the person's groups' doors, and one of those groups is open at this hour;
 * a visitor pass names its doors itself. A device that serves no door admits nobody: a
 * misconfigured terminal must not become an open one.
 */
final class GroupPolicy implements AccessPolicy {

  @Override
  public Reason check(Attempt a, AccessSnapshot s) {
    if (a.pass() != null) {
      return a.door() != null && a.pass().doors().contains(a.door().id()) ? null : Reason.QR_WRONG_DOOR;
    }
    if (a.person() == null) {
      return null;
    }
    if (a.door() == null) {
      return Reason.NOT_IN_GROUP;
    }
    List<AccessGroup> groups = s.rules().groupsAt(a.person(), a.door(), s.members());
    if (groups.isEmpty()) {
      return Reason.NOT_IN_GROUP;
    }
    for (AccessGroup g : groups) {
      if (s.rules().openNow(g, a.atMs())) {
        return null;
      }
    }
    return Reason.OUT_OF_SCHEDULE;
  }
}
