package io.doorstep.gateway.access;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * When a block ends, the person belongs on their terminals' lists again; nothing else would
 * announce it, so this sets a timer for the next end and announces whose block ended.
 */
final class BlockExpiry {
  /** Re-armed at least daily, so a clock change or a very distant end never strands the timer. */
  private static final long MAX_DELAY_MS = 86_400_000L;

  private final Vertx vertx;
  private final Clock clock;
  private final Consumer<Set<String>> announce;
  private List<Blocklist.Entry> entries = List.of();
  private long timer = -1;
  private long checkedUpTo;

  BlockExpiry(Vertx vertx, Clock clock, Consumer<Set<String>> announce) {
    this.vertx = vertx;
    this.clock = clock;
    this.announce = announce;
    this.checkedUpTo = clock.millis();
  }

  synchronized void schedule(List<Blocklist.Entry> current) {
    entries = current;
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
    long now = clock.millis();
    // From the last check, not from now: a block that ran out since then is still to be
    // announced, even if this re-scheduling cancelled the timer that would have done it.
    long next = current.stream().mapToLong(Blocklist.Entry::until).filter(u -> u > checkedUpTo).min().orElse(0);
    if (next > 0) {
      timer = vertx.setTimer(Math.max(1, Math.min(next - now, MAX_DELAY_MS)), id -> fire());
    }
  }

  private void fire() {
    Set<String> ended;
    synchronized (this) {
      timer = -1;
      long now = clock.millis();
      long from = checkedUpTo;
      ended = entries.stream()
          .filter(e -> e.until() > from && e.until() <= now && e.owner() != null)
          .map(Blocklist.Entry::owner)
          .collect(Collectors.toSet());
      checkedUpTo = now;
      schedule(entries);
    }
    if (!ended.isEmpty()) {
      announce.accept(ended);
    }
  }
}
