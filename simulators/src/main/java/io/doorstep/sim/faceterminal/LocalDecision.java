package io.doorstep.sim.faceterminal;

import io.doorstep.sim.faceterminal.VerifyOutcome.Decision;
import java.util.Optional;

/**
 * The terminal's decision without the gateway, as the interface states it: a known face or
 * card of a person valid now opens; a QR code never does; everyone else is denied. It does
 * not look at bodyType or liveness: those are the gateway's rules, not the terminal's.
 */
final class LocalDecision {

  /** The simulator's own reason codes; they never go on the wire. */
  record Result(Decision decision, String reason) {
  }

  private LocalDecision() {
  }

  static Result decide(VerifyRequest request, PersonList list, long nowMs) {
    return switch (request.method()) {
      case "face" -> forPerson(faceOwner(request, list), nowMs, "STRANGER");
      case "card" -> forPerson(
          request.card() == null ? Optional.empty() : list.cardOwner(request.card()),
          nowMs, "UNKNOWN_CARD");
      case "qr" -> new Result(Decision.DENY, "QR_NEEDS_GATEWAY");
      default -> new Result(Decision.DENY, "UNKNOWN_METHOD");
    };
  }

  private static Optional<Person> faceOwner(VerifyRequest request, PersonList list) {
    return request.personId() == null
        ? Optional.empty()
        : list.get(request.personId()).filter(Person::hasFace);
  }

  private static Result forPerson(Optional<Person> person, long nowMs, String unknownReason) {
    if (person.isEmpty()) {
      return new Result(Decision.DENY, unknownReason);
    }
    return person.get().validAt(nowMs)
        ? new Result(Decision.OPEN, null)
        : new Result(Decision.DENY, "NOT_VALID_NOW");
  }
}
