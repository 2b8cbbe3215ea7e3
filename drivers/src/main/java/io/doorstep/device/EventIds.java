package io.doorstep.device;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Event ids: time-ordered (UUIDv7 layout: 48 bits of Unix ms, then random bits) so that they
 * sort roughly by creation, and unique without coordination. Ids of events derived from a
 * device message are instead derived from that message ({@link #derived}), which is what makes
 * a repeated message idempotent all the way to the store and upstream.
 */
public final class EventIds {
  private static final AtomicLong LAST_MS = new AtomicLong();

  private EventIds() {}

  public static String next() {
    long ms = LAST_MS.updateAndGet(prev -> Math.max(prev, System.currentTimeMillis()));
    long rand = ThreadLocalRandom.current().nextLong();
    long hi = (ms << 16) | 0x7000L | (rand >>> 52 & 0x0FFFL);
    long lo = (rand & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return String.format("%016x%016x", hi, lo);
  }

  /** A stable id for the {@code index}-th event carried by message {@code msgId} of {@code device}. */
  public static String derived(String device, String msgId, int index) {
    return device + "/" + msgId + "/" + index;
  }
}
