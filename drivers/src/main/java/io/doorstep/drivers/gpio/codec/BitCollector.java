package io.doorstep.drivers.gpio.codec;

import io.doorstep.drivers.gpio.codec.WiegandException.Reason;

/**
 * Turns the level changes of a reader's D0 and D1 lines into frames. A bit is a falling edge:
 * a 0 on D0, a 1 on D1. A frame ends when the lines have been quiet for the gap (25 ms by the
 * interface; readers pause about 2 ms between bits). Pure: the caller passes the time of each
 * change and asks {@link #endIfQuiet} when {@link #deadline} has passed.
 *
 * <p>Whatever no reader does marks the frame as noise, so that it is dropped whatever its bit
 * count: both lines low at once, a line still low when the frame ends, more bits than any format.
 * A lone glitch is a stray bit, which the length and parity checks then refuse.
 */
public final class BitCollector {
  /** The interface's end of frame: 25 ms without an edge. */
  public static final long DEFAULT_GAP_NANOS = 25_000_000L;

  /** The two data lines. */
  public enum Line { D0, D1 }

  private final long gapNanos;
  private boolean d0Low;
  private boolean d1Low;
  private boolean collecting;
  private long lastEdgeNanos;
  private long bits;
  private int count;
  private String noise;

  public BitCollector(long gapNanos) {
    if (gapNanos <= 0) {
      throw new IllegalArgumentException("gap must be positive");
    }
    this.gapNanos = gapNanos;
  }

  public BitCollector() {
    this(DEFAULT_GAP_NANOS);
  }

  /**
   * A line's level, at {@code nanos} on a monotonic clock. A report of the level a line already
   * has is not an edge and is ignored.
   */
  public void level(Line line, boolean low, long nanos) {
    boolean wasLow = line == Line.D0 ? d0Low : d1Low;
    if (wasLow == low) {
      return;
    }
    if (line == Line.D0) {
      d0Low = low;
    } else {
      d1Low = low;
    }
    if (!low) {
      // A rising edge ends a pulse; it only keeps an open frame open. A line that comes up at
      // start-up, or after being stuck, starts nothing.
      if (collecting) {
        lastEdgeNanos = Math.max(lastEdgeNanos, nanos);
      }
      return;
    }
    if (!collecting) {
      collecting = true;
      bits = 0;
      count = 0;
      noise = null;
    }
    lastEdgeNanos = Math.max(lastEdgeNanos, nanos);
    if (d0Low && d1Low) {
      markNoise("D0 and D1 low at once");
    }
    if (count == WiegandBits.MAX) {
      markNoise("more than " + WiegandBits.MAX + " bits");
      return;
    }
    bits = bits << 1 | (line == Line.D1 ? 1L : 0L);
    count++;
  }

  /** When the open frame ends if no edge comes first; {@link Long#MAX_VALUE} when none is open. */
  public long deadline() {
    return collecting ? lastEdgeNanos + gapNanos : Long.MAX_VALUE;
  }

  public boolean collecting() {
    return collecting;
  }

  /** The frame, once the lines have been quiet for the gap; null while it may go on or none is open. */
  public Collected endIfQuiet(long nanos) {
    if (!collecting || nanos - lastEdgeNanos < gapNanos) {
      return null;
    }
    collecting = false;
    if (d0Low || d1Low) {
      markNoise((d0Low ? "D0" : "D1") + " still low " + (nanos - lastEdgeNanos) / 1_000_000 + " ms after the last edge");
    }
    if (noise != null) {
      return new Collected.Dropped(Reason.NOISE, noise, count);
    }
    WiegandBits frameBits = new WiegandBits(count, bits);
    try {
      return new Collected.Card(WiegandCodec.decode(frameBits), frameBits);
    } catch (WiegandException e) {
      return new Collected.Dropped(e.reason(), e.getMessage(), count);
    }
  }

  private void markNoise(String why) {
    if (noise == null) {
      noise = why;
    }
  }
}
