package io.doorstep.sim.faceterminal;

/** A down message that cannot be read or lacks a field: the whole message is refused. */
final class BadRequestException extends Exception {

  BadRequestException(String message) {
    super(message, null, false, false);
  }
}
