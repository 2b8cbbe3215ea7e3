package io.doorstep.gateway.access;

import io.doorstep.device.AccessRequest;
import io.doorstep.gateway.store.PersonRecord;
import java.util.Optional;

/**
 * The base rule: a person the estate knows, valid now, opens. For a face the terminal names
 * the person it matched; for a card the gateway looks the card up itself rather than trusting
 * the terminal's list, which may be stale. QR codes are visitor passes, which this rule does
 * not know: it refuses them.
 */
public final class KnownPersonPolicy implements AccessPolicy {

  @Override
  public Verdict decide(AccessRequest request, PersonDirectory directory, long nowMs) {
    switch (request.method()) {
      case FACE: {
        Optional<PersonRecord> person = directory.byId(request.personId());
        if (person.isEmpty()) {
          return new Verdict(Reason.UNKNOWN_FACE, null);
        }
        if (Boolean.FALSE.equals(request.liveness())) {
          return new Verdict(Reason.LIVENESS_FAILED, person.get());
        }
        return validity(person.get(), nowMs);
      }
      case CARD: {
        Optional<PersonRecord> person = directory.byCard(request.card());
        return person.isEmpty() ? new Verdict(Reason.UNKNOWN_CARD, null) : validity(person.get(), nowMs);
      }
      default:
        return new Verdict(Reason.QR_INVALID, null);
    }
  }

  private static Verdict validity(PersonRecord p, long nowMs) {
    if (p.validFrom() != 0 && nowMs < p.validFrom()) {
      return new Verdict(Reason.NOT_YET_VALID, p);
    }
    if (p.validTo() != 0 && nowMs >= p.validTo()) {
      return new Verdict(Reason.EXPIRED, p);
    }
    return new Verdict(Reason.OK, p);
  }
}
