package io.doorstep.drivers.mqtt;

/** The broker is not reachable right now; the link is reconnecting. */
public class LinkDownException extends RuntimeException {
  public LinkDownException(String message) {
    super(message);
  }
}
