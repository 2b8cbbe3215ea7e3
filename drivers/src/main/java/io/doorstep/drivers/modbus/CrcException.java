package io.doorstep.drivers.modbus;

/**
 * An answer arrived but could not be trusted: bad CRC, or from another unit or function than
 * asked (noise, a second master, a late answer). Retried like a time-out.
 */
public class CrcException extends RuntimeException {
  public CrcException(String message) {
    super(message);
  }
}
