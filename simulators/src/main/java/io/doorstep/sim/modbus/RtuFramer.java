package io.doorstep.sim.modbus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a slave's incoming bytes into request frames. On a real line a frame ends with 3.5
 * character times of silence; a pty delivers bytes with no timing at all, so a frame also ends
 * when it has the length its function code announces, and silence only ends frames whose
 * length cannot be known (unsupported functions). A gap of more than 1.5 characters inside a
 * frame, a bad CRC or a frame cut short drop it; after a drop, bytes are ignored until the
 * next silence, where the line is in step again.
 *
 * <p>Not thread-safe; time is passed in, so it is tested without a line.
 */
public final class RtuFramer {

  private byte[] buffer = new byte[512];
  private int size;
  private boolean discarding;
  private long lastByteNanos;
  private long charNanos;
  private long gapNanos;
  private long silenceNanos;

  /** What the framer made of the bytes. */
  public record Framed(Kind kind, byte[] bytes) {

    public enum Kind {
      /** A whole frame with a good CRC. */
      FRAME,
      BAD_CRC,
      /** More than 1.5 characters of silence inside the frame. */
      GAP,
      /** Silence came before the frame had its length. */
      INCOMPLETE
    }

    @Override
    public String toString() {
      return kind + "[" + RtuCodec.hex(bytes) + "]";
    }
  }

  public RtuFramer(int baud) {
    baud(baud);
  }

  /** Character times follow the baud rate; above 19200 the standard fixes them. */
  public void baud(int baud) {
    charNanos = charNanos(baud);
    gapNanos = baud > 19200 ? 750_000 : charNanos * 3 / 2;
    silenceNanos = baud > 19200 ? 1_750_000 : charNanos * 7 / 2;
  }

  /** One 8N1 character: start bit, 8 data bits, stop bit and (as RTU counts it) one more. */
  public static long charNanos(int baud) {
    return 11_000_000_000L / baud;
  }

  public long silenceNanos() {
    return silenceNanos;
  }

  /** True while bytes of an unfinished frame (or of a dropped one) wait for more or for silence. */
  public boolean pending() {
    return size > 0 || discarding;
  }

  /** When silence will end the pending frame if no byte comes first. */
  public long silenceDeadline() {
    return lastByteNanos + silenceNanos;
  }

  /**
   * Bytes that arrived together at {@code nanos}. The gap before them is estimated as if they
   * had streamed in at line speed just before, so a reader woken late does not see gaps that
   * were never on the line.
   */
  public List<Framed> accept(byte[] data, int length, long nanos) {
    List<Framed> out = new ArrayList<>();
    if (length <= 0) {
      return out;
    }
    if (pending()) {
      long gap = nanos - lastByteNanos - (length - 1) * charNanos - charNanos;
      if (gap >= silenceNanos) {
        endBySilence(out);
      } else if (gap > gapNanos && size > 0) {
        out.add(new Framed(Framed.Kind.GAP, Arrays.copyOf(buffer, size)));
        size = 0;
        discarding = true;
      }
    }
    lastByteNanos = nanos;
    if (discarding) {
      return out;
    }
    append(data, length);
    split(out);
    return out;
  }

  /** Nothing arrived until {@code nanos}: ends the pending frame if that is silence enough. */
  public List<Framed> silence(long nanos) {
    List<Framed> out = new ArrayList<>();
    if (pending() && nanos - lastByteNanos >= silenceNanos) {
      endBySilence(out);
    }
    return out;
  }

  private void split(List<Framed> out) {
    while (size > 0) {
      int length = RtuCodec.requestLength(buffer, size);
      if (length == RtuCodec.NEED_MORE || length == RtuCodec.UNKNOWN || size < length) {
        return;
      }
      byte[] frame = Arrays.copyOf(buffer, length);
      if (Crc16.matches(frame, length)) {
        out.add(new Framed(Framed.Kind.FRAME, frame));
        System.arraycopy(buffer, length, buffer, 0, size - length);
        size -= length;
      } else {
        // Out of step: what follows cannot be trusted to start a frame.
        out.add(new Framed(Framed.Kind.BAD_CRC, frame));
        size = 0;
        discarding = true;
      }
    }
  }

  private void endBySilence(List<Framed> out) {
    if (size > 0) {
      byte[] bytes = Arrays.copyOf(buffer, size);
      int length = RtuCodec.requestLength(buffer, size);
      if (length == RtuCodec.UNKNOWN && size >= 4) {
        out.add(new Framed(Crc16.matches(bytes, size) ? Framed.Kind.FRAME : Framed.Kind.BAD_CRC,
            bytes));
      } else {
        out.add(new Framed(Framed.Kind.INCOMPLETE, bytes));
      }
    }
    size = 0;
    discarding = false;
  }

  private void append(byte[] data, int length) {
    if (size + length > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + length));
    }
    System.arraycopy(data, 0, buffer, size, length);
    size += length;
  }
}
