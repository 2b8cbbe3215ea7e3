package io.doorstep.drivers.modbus;

/**
 * The serial port is gone (unplugged adapter, closed line, or it could not be opened): every
 * request in flight or queued fails with this, and the line reopens by itself.
 */
public class LineLostException extends RuntimeException {
  public LineLostException(String message) {
    super(message);
  }
}
