package io.doorstep.drivers.gpio;

import io.doorstep.drivers.mqtt.LinkDownException;

/**
 * The booth's GPIO cannot be used: not a Raspberry Pi, no permission on /dev/gpiochip*, or a pin
 * that would not open. A link-down failure, so commands fail with the same code as a lost broker.
 */
public final class GpioUnavailableException extends LinkDownException {
  public GpioUnavailableException(String message) {
    super(message);
  }
}
