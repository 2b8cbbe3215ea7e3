package io.doorstep.drivers.modbus;

/**
 * Which request goes first on a line. Only one request is ever in flight on an RS-485 line,
 * so a safety stop must not wait behind a queue of routine polls.
 */
public enum Priority {
  /** A write that stops a hazard: always next on the line. */
  SAFETY,
  /** A person asked for it (a technician, the platform): ahead of polls. */
  OPERATOR,
  /** Routine reads. */
  POLL
}
