package io.doorstep.drivers.gpio.codec;

/**
 * The bits of one frame in the order they came: the first bit on the wire is the most
 * significant of {@code value}. Up to 64 bits, which covers every format a booth will meet.
 */
public record WiegandBits(int count, long value) {
  public static final int MAX = 64;

  public WiegandBits {
    if (count < 0 || count > MAX) {
      throw new IllegalArgumentException("a frame of " + count + " bits is not 0.." + MAX);
    }
    if (count < MAX && (value >>> count) != 0) {
      throw new IllegalArgumentException("value has bits above bit " + count);
    }
  }

  /** Bit {@code position} counted from 1, as the format tables count them. */
  public boolean bit(int position) {
    if (position < 1 || position > count) {
      throw new IndexOutOfBoundsException("bit " + position + " of " + count);
    }
    return (value >>> (count - position) & 1L) == 1L;
  }

  /** This frame with one more bit at the end. */
  public WiegandBits append(boolean one) {
    return new WiegandBits(count + 1, value << 1 | (one ? 1L : 0L));
  }

  /** The bits as the wire sent them, "0" and "1", for logs and tests. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(count);
    for (int i = 1; i <= count; i++) {
      text.append(bit(i) ? '1' : '0');
    }
    return text.toString();
  }

  public static WiegandBits parse(String zerosAndOnes) {
    WiegandBits bits = new WiegandBits(0, 0);
    for (char c : zerosAndOnes.toCharArray()) {
      if (c != '0' && c != '1') {
        throw new IllegalArgumentException("not a bit: " + c);
      }
      bits = bits.append(c == '1');
    }
    return bits;
  }
}
