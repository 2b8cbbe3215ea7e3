package io.doorstep.drivers.gpio.codec;

/** A frame that is not a card. The reason is counted per reader; the frame is dropped. */
public final class WiegandException extends Exception {

  /** Why a frame was dropped. */
  public enum Reason {
    /** Neither 26 nor 34 bits: a lost or extra pulse, or a format the booth does not read. */
    BIT_COUNT,
    /** The bit count is right but a parity bit is not. */
    PARITY,
    /** The lines did something no reader does: both low at once, or a line left low at the end. */
    NOISE
  }

  private final Reason reason;

  public WiegandException(Reason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
