package io.doorstep.drivers.faceterminal.codec;

import io.doorstep.drivers.mqtt.BadMessageException;

/** A terminal message that breaks the interface; the reason codes are {@link BadMessageException}'s. */
public class FtDecodeException extends BadMessageException {
  public FtDecodeException(String reason, String message) {
    super(reason, message);
  }
}
