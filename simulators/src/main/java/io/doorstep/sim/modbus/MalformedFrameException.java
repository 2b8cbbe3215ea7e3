package io.doorstep.sim.modbus;

/** A frame that cannot be what it claims: bad CRC, wrong length, byte count that disagrees. */
public final class MalformedFrameException extends RuntimeException {

  public MalformedFrameException(String message) {
    super(message);
  }
}
