package io.doorstep.gateway.access;

/**
 * The credential stands for someone: a face the estate knows and that passed liveness, a card
 * the estate issued, a QR code the gateway signed. A forged or altered code never got this far
 * as a pass (see {@link PassCodec}); a genuine one the office revoked is refused before its
 * window or doors are looked at, as a card blocked is before its owner's rights.
 */
final class CredentialPolicy implements AccessPolicy {

  @Override
  public Reason check(Attempt a, AccessSnapshot s) {
    return switch (a.request().method()) {
      case FACE -> {
        if (a.person() == null) {
          yield Reason.UNKNOWN_FACE;
        }
        yield Boolean.FALSE.equals(a.request().liveness()) ? Reason.LIVENESS_FAILED : null;
      }
      case CARD -> a.person() == null ? Reason.UNKNOWN_CARD : null;
      case QR -> {
        if (a.pass() == null) {
          yield Reason.QR_INVALID;
        }
        yield s.revocations().revoked(a.pass().id()) ? Reason.QR_REVOKED : null;
      }
    };
  }
}
