package io.doorstep.gateway.access;

import io.doorstep.gateway.store.Store;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

/**
 * The visitor passes the office took back, as the decision reads them: an immutable set in
 * memory, so a scan never waits for the disk. The table is the truth; an id is added here only
 * after its revocation has committed, and before the office is told it is done, so the next scan
 * after the answer is refused. Ids are only ever added, so the order the copies arrive in does
 * not matter.
 */
public final class PassRevocations {
  private final Store store;
  private final Clock clock;
  private volatile Set<String> revoked = Set.of();

  PassRevocations(Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Reads the table; at start, before the first decision. */
  Future<Void> load() {
    return store.read(c -> PassRows.revokedOpen(c, clock.millis())).map(ids -> {
      addAll(ids);
      return null;
    });
  }

  public boolean revoked(String passId) {
    return revoked.contains(passId);
  }

  synchronized void addAll(Set<String> ids) {
    Set<String> next = new HashSet<>(revoked);
    next.addAll(ids);
    revoked = Set.copyOf(next);
  }
}
