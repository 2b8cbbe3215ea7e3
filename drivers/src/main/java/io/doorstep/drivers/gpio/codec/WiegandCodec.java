package io.doorstep.drivers.gpio.codec;

import io.doorstep.drivers.gpio.codec.WiegandException.Reason;

/**
 * Wiegand 26 and 34, as gpio-booth.md frames them: a leading even parity bit over the first half
 * of the payload, the payload, a trailing odd parity bit over the second half. Bits are counted
 * from 1 on the wire. Pure: no time, no pins.
 */
public final class WiegandCodec {
  private WiegandCodec() {}

  public static WiegandBits encode(WiegandFrame frame) {
    long payload;
    int payloadBits;
    if (frame instanceof WiegandFrame.Wiegand26 w) {
      payload = (long) w.facility() << 16 | w.card();
      payloadBits = 24;
    } else {
      payload = ((WiegandFrame.Wiegand34) frame).number();
      payloadBits = 32;
    }
    int half = payloadBits / 2;
    long firstHalf = payload >>> half;
    long secondHalf = payload & ((1L << half) - 1);
    long even = Long.bitCount(firstHalf) & 1L;
    long odd = ~Long.bitCount(secondHalf) & 1L;
    long value = even << (payloadBits + 1) | payload << 1 | odd;
    return new WiegandBits(payloadBits + 2, value);
  }

  /** The card the bits carry, or why they carry none. */
  public static WiegandFrame decode(WiegandBits bits) throws WiegandException {
    if (bits.count() != 26 && bits.count() != 34) {
      throw new WiegandException(Reason.BIT_COUNT, bits.count() + " bits; a card is 26 or 34");
    }
    int payloadBits = bits.count() - 2;
    int half = payloadBits / 2;
    long payload = bits.value() >>> 1 & ((1L << payloadBits) - 1);
    // Over each half together with its parity bit: even parity leaves an even count of ones.
    long evenSpan = bits.value() >>> (half + 1);
    long oddSpan = bits.value() & ((1L << (half + 1)) - 1);
    if ((Long.bitCount(evenSpan) & 1) != 0) {
      throw new WiegandException(Reason.PARITY, "leading even parity over bits 2-" + (half + 1) + " fails");
    }
    if ((Long.bitCount(oddSpan) & 1) != 1) {
      throw new WiegandException(Reason.PARITY,
          "trailing odd parity over bits " + (half + 2) + "-" + (payloadBits + 1) + " fails");
    }
    if (bits.count() == 26) {
      return new WiegandFrame.Wiegand26((int) (payload >>> 16), (int) (payload & 0xFFFF));
    }
    return new WiegandFrame.Wiegand34(payload);
  }
}
