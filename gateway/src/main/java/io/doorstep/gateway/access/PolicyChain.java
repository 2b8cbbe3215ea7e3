package io.doorstep.gateway.access;

import io.doorstep.device.AccessRequest;
import io.doorstep.gateway.store.PersonRecord;
import java.util.List;

/**
 * The decision: find out who the credential stands for, then ask each rule in turn; the first
 * refusal is the answer. The order is the order of the reasons a guard would give: a blocked
 * person hears "blocked" even with an expired lease, an unknown card never reaches the schedule.
 */
public final class PolicyChain {
  private final PassCodec passes;
  private final List<AccessPolicy> policies;

  PolicyChain(PassCodec passes, List<AccessPolicy> policies) {
    this.passes = passes;
    this.policies = List.copyOf(policies);
  }

  /** Blocklist, credential, validity, group and schedule, separation, passback. */
  public static PolicyChain standard(PassCodec passes) {
    return new PolicyChain(passes, List.of(
        new BlocklistPolicy(),
        new CredentialPolicy(),
        new ValidityPolicy(),
        new GroupPolicy(),
        new SeparationPolicy(),
        new PassbackPolicy()));
  }

  public Verdict decide(AccessRequest request, AccessSnapshot snapshot, long atMs) {
    Attempt attempt = resolve(request, snapshot, atMs);
    for (AccessPolicy p : policies) {
      Reason refusal = p.check(attempt, snapshot);
      if (refusal != null) {
        return new Verdict(refusal, attempt.person(), attempt.pass());
      }
    }
    return new Verdict(Reason.OK, attempt.person(), attempt.pass());
  }

  /**
   * For a face the terminal names its match; for a card the gateway looks the card up itself
   * rather than trusting the terminal's list, which may be stale.
   */
  Attempt resolve(AccessRequest request, AccessSnapshot snapshot, long atMs) {
    PersonRecord person = switch (request.method()) {
      case FACE -> snapshot.persons().byId(request.personId()).orElse(null);
      case CARD -> snapshot.persons().byCard(request.card()).orElse(null);
      case QR -> null;
    };
    VisitorPass pass = request.method() == io.doorstep.device.CredentialMethod.QR
        ? passes.verify(request.qr()).orElse(null)
        : null;
    return new Attempt(request, snapshot.rules().doorOfDevice(request.device()), person, pass, atMs);
  }
}
