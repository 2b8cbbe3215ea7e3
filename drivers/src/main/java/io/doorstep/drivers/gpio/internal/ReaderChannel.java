package io.doorstep.drivers.gpio.internal;

import io.doorstep.drivers.gpio.BoothLayout;
import io.doorstep.drivers.gpio.codec.BitCollector;
import io.doorstep.drivers.gpio.codec.Collected;
import io.vertx.core.Vertx;
import java.util.function.BiConsumer;

/**
 * One Wiegand reader: feeds the level changes of D0 and D1 to a {@link BitCollector} and ends
 * each frame when the lines have been quiet for the gap. Lives on the driver's context; a single
 * timer per frame, moved on only when it fires early, rather than one per bit.
 */
public final class ReaderChannel {
  private final Vertx vertx;
  private final BoothLayout.Reader pins;
  private final BitCollector collector;
  private final BiConsumer<ReaderChannel, Collected> frames;
  private long timer = -1;

  ReaderChannel(Vertx vertx, BoothLayout.Reader pins, long gapNanos, BiConsumer<ReaderChannel, Collected> frames) {
    this.vertx = vertx;
    this.pins = pins;
    this.collector = new BitCollector(gapNanos);
    this.frames = frames;
  }

  public BoothLayout.Reader pins() {
    return pins;
  }

  void level(BitCollector.Line line, boolean low, long nanos) {
    collector.level(line, low, nanos);
    if (timer < 0 && collector.collecting()) {
      armFor(collector.deadline());
    }
  }

  private void armFor(long deadlineNanos) {
    long waitMs = Math.max(1, (deadlineNanos - System.nanoTime() + 999_999) / 1_000_000);
    timer = vertx.setTimer(waitMs, id -> {
      timer = -1;
      Collected frame = collector.endIfQuiet(System.nanoTime());
      if (frame != null) {
        frames.accept(this, frame);
      } else if (collector.collecting()) {
        armFor(collector.deadline());
      }
    });
  }

  void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
  }
}
