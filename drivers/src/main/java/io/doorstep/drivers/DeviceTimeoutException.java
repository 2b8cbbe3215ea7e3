package io.doorstep.drivers;

/** A device did not acknowledge a command in time. The command may or may not have been carried out. */
public class DeviceTimeoutException extends RuntimeException {
  public DeviceTimeoutException(String message) {
    super(message);
  }
}
