package io.doorstep.sim.serial;

import java.util.concurrent.locks.LockSupport;

/**
 * Writes a frame as a line at the given baud rate would deliver it: each byte leaves when the
 * previous one would have finished arriving, 11 bit times apart (8N1 as RTU counts it).
 * A pty delivers bytes instantly, so without this a master on a pty never sees real line
 * timing. Waits park the thread and spin only the last stretch, so the gaps inside a frame
 * stay well under 1.5 characters unless the thread is descheduled.
 */
public final class PacedWriter {

  /** Where the bytes go; returns how many were taken. */
  public interface Sink {
    int write(byte[] bytes, int offset, int length);
  }

  private static final long SPIN_NANOS = 150_000;

  private PacedWriter() {
  }

  /** Writes {@code frame}; returns false if the sink stopped taking bytes. */
  public static boolean write(Sink sink, byte[] frame, int baud) {
    long charNanos = 11_000_000_000L / baud;
    long start = System.nanoTime();
    int sent = 0;
    while (sent < frame.length) {
      long now = System.nanoTime();
      // Bytes whose last bit has been on the line by now, at least one.
      int due = (int) Math.min(frame.length, (now - start) / charNanos);
      if (due <= sent) {
        waitUntil(start + (sent + 1) * charNanos);
        continue;
      }
      int written = sink.write(frame, sent, due - sent);
      if (written <= 0) {
        return false;
      }
      sent += written;
    }
    return true;
  }

  private static void waitUntil(long deadline) {
    long left;
    while ((left = deadline - System.nanoTime()) > 0) {
      if (left > SPIN_NANOS) {
        LockSupport.parkNanos(left - SPIN_NANOS);
      } else {
        Thread.onSpinWait();
      }
    }
  }
}
