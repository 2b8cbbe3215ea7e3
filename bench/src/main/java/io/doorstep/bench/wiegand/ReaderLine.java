package io.doorstep.bench.wiegand;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import io.doorstep.drivers.gpio.codec.WiegandBits;
import io.doorstep.drivers.gpio.internal.PinBank;
import java.util.concurrent.locks.LockSupport;

/** A Wiegand reader's two data lines on the mock platform, driven at the reader's own pace. */
final class ReaderLine {
  private final MockDigitalInput d0;
  private final MockDigitalInput d1;
  private final long pulseNanos;
  private final long spacingNanos;

  /** When the last edge of a frame went out, and the longest pause between two of its bits. */
  record Sent(long lastEdgeNanos, long longestPauseNanos) {}

  ReaderLine(Context pi4j, int d0Pin, int d1Pin, long pulseUs, long spacingUs) {
    this.d0 = (MockDigitalInput) pi4j.registry().get(PinBank.id(d0Pin), DigitalInput.class);
    this.d1 = (MockDigitalInput) pi4j.registry().get(PinBank.id(d1Pin), DigitalInput.class);
    this.pulseNanos = pulseUs * 1_000;
    this.spacingNanos = spacingUs * 1_000;
  }

  Sent send(WiegandBits bits) {
    long start = System.nanoTime();
    long previous = start;
    long longest = 0;
    long lastEdge = start;
    for (int i = 1; i <= bits.count(); i++) {
      parkUntil(start + (i - 1) * spacingNanos);
      MockDigitalInput line = bits.bit(i) ? d1 : d0;
      long fall = System.nanoTime();
      line.mockState(DigitalState.LOW);
      parkUntil(fall + pulseNanos);
      line.mockState(DigitalState.HIGH);
      lastEdge = System.nanoTime();
      longest = Math.max(longest, fall - previous);
      previous = fall;
    }
    return new Sent(lastEdge, longest);
  }

  static void parkUntil(long nanos) {
    for (long left = nanos - System.nanoTime(); left > 0; left = nanos - System.nanoTime()) {
      LockSupport.parkNanos(left);
    }
  }
}
