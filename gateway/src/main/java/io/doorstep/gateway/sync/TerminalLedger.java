package io.doorstep.gateway.sync;

import io.doorstep.gateway.store.Store;
import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one terminal is known to hold, in memory and in {@code sync_persons}. Memory changes at
 * once; the returned futures complete once the row is committed. A write that fails is logged
 * and not retried: the worst outcome is that a restart sends those persons again.
 *
 * <p>Confined to the sync verticle's context.
 */
final class TerminalLedger {
  private static final Logger log = LoggerFactory.getLogger(TerminalLedger.class);
  /** A refusal that goes away by itself once the terminal has room again. */
  static final String LIST_FULL = "LIST_FULL";

  private final String device;
  private final Store store;
  private final Map<String, KnownEntry> entries;

  TerminalLedger(String device, Store store, Map<String, KnownEntry> loaded) {
    this.device = device;
    this.store = store;
    this.entries = new HashMap<>(loaded);
  }

  Map<String, KnownEntry> entries() {
    return Collections.unmodifiableMap(entries);
  }

  /** How many persons the terminal should report in its heartbeat. */
  int held() {
    return (int) entries.values().stream().filter(KnownEntry::held).count();
  }

  /** Refused persons, by id. */
  List<SyncStatus.FailedPerson> failures() {
    return entries.entrySet().stream()
        .filter(e -> e.getValue().failed())
        .map(e -> new SyncStatus.FailedPerson(e.getKey(), e.getValue().error()))
        .sorted(Comparator.comparing(SyncStatus.FailedPerson::personId))
        .toList();
  }

  /** The terminal took these entries (person id to digest), and refused those of {@code refused}. */
  Future<Void> answered(Map<String, String> taken, Map<String, Refusal> refused) {
    Map<String, KnownEntry> changed = new HashMap<>();
    taken.forEach((id, digest) -> changed.put(id, KnownEntry.ok(digest)));
    refused.forEach((id, r) -> {
      KnownEntry old = entries.get(id);
      changed.put(id, old == null ? KnownEntry.refusedNew(r.digest(), r.error()) : old.refused(r.digest(), r.error()));
    });
    entries.putAll(changed);
    return persist(c -> SyncRows.put(c, device, changed));
  }

  /**
   * The terminal deleted these persons. Persons it refused for a full list get their chance
   * again, since there is room now.
   */
  Future<Void> deleted(List<String> ids) {
    List<String> gone = new ArrayList<>(ids);
    entries.forEach((id, e) -> {
      if (e.failed() && !e.held() && LIST_FULL.equals(e.error())) {
        gone.add(id);
      }
    });
    return forget(gone);
  }

  /** Drops what is known of these persons (the terminal does not hold them). */
  Future<Void> forget(List<String> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture();
    }
    List<String> copy = List.copyOf(ids);
    copy.forEach(entries::remove);
    return persist(c -> SyncRows.remove(c, device, copy));
  }

  /** The terminal lost its list: everything must be sent again. */
  Future<Void> forgetAll() {
    entries.clear();
    return persist(c -> SyncRows.removeDevice(c, device));
  }

  private Future<Void> persist(Statements work) {
    return store.<Void>write(c -> {
      work.run(c);
      return null;
    }).recover(e -> {
      log.warn("sync state of {} not saved (a restart sends those persons again): {}", device, e.getMessage());
      return Future.succeededFuture();
    });
  }

  @FunctionalInterface
  private interface Statements {
    void run(Connection c) throws SQLException;
  }

  /** A person the terminal refused, with the entry it refused. */
  record Refusal(String digest, String error) {}
}
