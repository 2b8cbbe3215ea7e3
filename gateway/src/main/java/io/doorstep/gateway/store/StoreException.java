package io.doorstep.gateway.store;

/** The store cannot be opened or a migration failed; the gateway must not start. */
public class StoreException extends Exception {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
