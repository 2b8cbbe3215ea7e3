package io.doorstep.gateway.sync;

/** A terminal refused a whole command for a reason splitting cannot cure. */
final class RefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String error;

  RefusedException(String device, String error) {
    super(device + " refused the command: " + error, null, false, false);
    this.error = error;
  }

  String error() {
    return error;
  }
}
