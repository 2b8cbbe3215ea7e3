package io.doorstep.drivers.gpio.codec;

/** What one burst of pulses on a reader's lines turned out to be. */
public sealed interface Collected permits Collected.Card, Collected.Dropped {

  /** A frame with the right length and parity. */
  record Card(WiegandFrame frame, WiegandBits bits) implements Collected {}

  /** Anything else: never a card. {@code bitCount} is how many pulses came. */
  record Dropped(WiegandException.Reason reason, String detail, int bitCount) implements Collected {}
}
