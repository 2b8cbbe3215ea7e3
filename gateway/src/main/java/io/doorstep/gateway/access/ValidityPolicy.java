package io.doorstep.gateway.access;

import io.doorstep.gateway.store.PersonRecord;

/**
 * Within its window: the person's validity (a tenant's lease), or the pass's validity and its
 * number of uses. Both windows include their start and exclude their end.
 */
final class ValidityPolicy implements AccessPolicy {

  @Override
  public Reason check(Attempt a, AccessSnapshot s) {
    long at = a.atMs();
    PersonRecord p = a.person();
    if (p != null) {
      if (p.validFrom() != 0 && at < p.validFrom()) {
        return Reason.NOT_YET_VALID;
      }
      return p.validTo() != 0 && at >= p.validTo() ? Reason.EXPIRED : null;
    }
    VisitorPass pass = a.pass();
    if (pass == null) {
      return null;
    }
    if (at < pass.validFrom()) {
      return Reason.NOT_YET_VALID;
    }
    if (at >= pass.validTo()) {
      return Reason.QR_EXPIRED;
    }
    return pass.uses() > 0 && s.usage().used(pass.id()) >= pass.uses() ? Reason.QR_USED_UP : null;
  }
}
