package io.doorstep.gateway.charging;

/** A stop that was asked for and that no reading has shown done yet. */
final class PendingStop {
  final StopReason reason;
  final long issuedAt;
  /** Readings of the port taken after the stop. */
  int readings;
  /** The read-back showed the relay still closed; the alarm is out, no more stops are sent. */
  boolean failed;
  int writeRetries;

  PendingStop(StopReason reason, long issuedAt) {
    this.reason = reason;
    this.issuedAt = issuedAt;
  }
}
