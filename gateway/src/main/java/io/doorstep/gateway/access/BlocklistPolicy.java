package io.doorstep.gateway.access;

import io.doorstep.device.CredentialMethod;

/**
 * First in the chain: a blocked person or card is refused whatever else holds. For a face the
 * terminal's match is taken even when the persons table no longer has the person, so that
 * removing someone never lifts their block; for a card, its owner by the gateway's own lookup.
 */
final class BlocklistPolicy implements AccessPolicy {

  @Override
  public Reason check(Attempt a, AccessSnapshot s) {
    CredentialMethod method = a.request().method();
    String personId = a.person() != null ? a.person().id()
        : method == CredentialMethod.FACE ? a.request().personId() : null;
    String card = method == CredentialMethod.CARD ? a.request().card() : null;
    return s.blocks().blocking(personId, card, a.atMs()).isPresent() ? Reason.BLOCKED : null;
  }
}
