package io.doorstep.gateway.upstream.codec;

/**
 * A message from the platform that cannot be obeyed as it stands. It carries the device and
 * the request id when they could be read, so that the caller can still answer the platform
 * with an error rather than ignore it in silence.
 */
public final class MalformedMessageException extends Exception {
  private final String device;
  private final Long id;

  public MalformedMessageException(String message, String device, Long id) {
    super(message);
    this.device = device;
    this.id = id;
  }

  /** The device named in the message, or null if it could not be read. */
  public String device() {
    return device;
  }

  /** The request id, or null if it could not be read. */
  public Long id() {
    return id;
  }
}
