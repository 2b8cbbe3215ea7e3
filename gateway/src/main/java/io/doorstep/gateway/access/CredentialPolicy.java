package io.doorstep.gateway.access;

/**
 * The credential stands for someone: a face the estate knows and that passed liveness, a card
 * the estate issued, a QR code the gateway signed. A forged or altered code never got this far
 * as a pass (see {@link PassCodec}).
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
      case QR -> a.pass() == null ? Reason.QR_INVALID : null;
    };
  }
}
