package io.doorstep.bench.verify;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The load generator's own collections. Its pauses delay sends and answers alike, so the longest
 * one says how much of a run's tail may be the generator's rather than the path's.
 */
public final class GcPauses {
  private static final AtomicLong LONGEST_MS = new AtomicLong();

  static {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener((notification, handback) -> {
          if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            long ms = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData())
                .getGcInfo().getDuration();
            LONGEST_MS.accumulateAndGet(ms, Math::max);
          }
        }, null, null);
      }
    }
  }

  private GcPauses() {}

  /** The longest pause since the last call, in milliseconds. */
  static long takeLongestMs() {
    return LONGEST_MS.getAndSet(0);
  }

  /**
   * A full collection now, before a run's warm-up: it empties the old generation and moves the
   * metaspace threshold past the classes already loaded, so neither forces a long pause mid-run.
   */
  public static void settle() throws InterruptedException {
    System.gc();
    // The JVM reports a collection a moment after it ends; this one belongs to no run.
    Thread.sleep(200);
    takeLongestMs();
  }
}
