package io.doorstep.gateway.people;

/**
 * The face photo key or a stored photo cannot be used. The message says what to do; it never
 * holds photo bytes.
 */
public final class FaceVaultException extends RuntimeException {

  public FaceVaultException(String message) {
    super(message);
  }

  public FaceVaultException(String message, Throwable cause) {
    super(message, cause);
  }
}
