package io.doorstep.gateway;

/** The gateway cannot start; the message says why for the person at the console. */
public class StartupException extends Exception {
  public StartupException(String message, Throwable cause) {
    super(message, cause);
  }
}
