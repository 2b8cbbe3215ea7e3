package io.doorstep.gateway.sync;

import io.doorstep.gateway.bus.PersonsChanged;
import io.doorstep.gateway.store.PersonRecord;
import io.doorstep.gateway.store.Store;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every person as terminals should see them, with a fingerprint of each face. Reloaded from the
 * store on each change; photos are read again only for the persons that changed, since reading
 * means decrypting.
 *
 * <p>Not {@link #ready()} until the first load completed: a plan made from an empty catalog
 * would delete everyone from every terminal. Confined to the sync verticle's context.
 */
final class PersonCatalog {
  private static final Logger log = LoggerFactory.getLogger(PersonCatalog.class);
  private static final long RETRY_MS = 5_000;

  private final Vertx vertx;
  private final Store store;
  private final FaceReader faces;
  private final Runnable onReload;
  private Map<String, SyncPerson> persons = new TreeMap<>();
  private boolean ready;
  private boolean loading;
  private boolean wantAll;
  private final Set<String> wanted = new HashSet<>();

  /** @param onReload called on the context after each completed reload */
  PersonCatalog(Vertx vertx, Store store, FaceReader faces, Runnable onReload) {
    this.vertx = vertx;
    this.store = store;
    this.faces = faces;
    this.onReload = onReload;
  }

  boolean ready() {
    return ready;
  }

  /** In id order. */
  Collection<SyncPerson> all() {
    return Collections.unmodifiableCollection(persons.values());
  }

  Optional<SyncPerson> get(String id) {
    return Optional.ofNullable(persons.get(id));
  }

  /** A photo could not be read when it was to be sent: leave the person alone until it can. */
  void unreadable(String id) {
    persons.computeIfPresent(id, (k, p) -> SyncPerson.unreadable(p.person()));
  }

  /** Reloads after a change; changes that arrive meanwhile are gathered into the next reload. */
  void changed(PersonsChanged change) {
    wantAll |= change.everyone();
    wanted.addAll(change.personIds());
    if (!loading) {
      load();
    }
  }

  /** Tries again the photos that could not be read. */
  void retryUnreadable() {
    List<String> ids = persons.values().stream().filter(SyncPerson::faceUnreadable).map(SyncPerson::id).toList();
    if (!ids.isEmpty()) {
      changed(PersonsChanged.of(Set.copyOf(ids)));
    }
  }

  private void load() {
    loading = true;
    boolean all = wantAll || !ready;
    Set<String> ids = Set.copyOf(wanted);
    wantAll = false;
    wanted.clear();
    store.persons()
        .compose(records -> rebuild(records, all, ids))
        .onComplete(ar -> {
          loading = false;
          if (ar.succeeded()) {
            ready = true;
            onReload.run();
            if (wantAll || !wanted.isEmpty()) {
              load();
            }
          } else {
            // Keep what was asked for, so that nothing is lost by trying again.
            wantAll |= all;
            wanted.addAll(ids);
            log.warn("persons not read for the sync, trying again in {} ms: {}", RETRY_MS, ar.cause().getMessage());
            vertx.setTimer(RETRY_MS, t -> {
              if (!loading) {
                load();
              }
            });
          }
        });
  }

  private Future<Void> rebuild(List<PersonRecord> records, boolean all, Set<String> changedIds) {
    Map<String, SyncPerson> next = new TreeMap<>();
    List<String> toRead = new ArrayList<>();
    Map<String, PersonRecord> byId = new TreeMap<>();
    for (PersonRecord r : records) {
      byId.put(r.id(), r);
      SyncPerson old = persons.get(r.id());
      if (all || old == null || old.faceUnreadable() || changedIds.contains(r.id())) {
        toRead.add(r.id());
      } else {
        next.put(r.id(), old.withRecord(r));
      }
    }
    return faces.read(toRead, (id, photo) -> next.put(id, photo.succeeded()
        ? SyncPerson.withFace(byId.get(id), photo.result().orElse(null))
        : unreadableLogged(byId.get(id), photo.cause())))
        .map(v -> {
          persons = next;
          return null;
        });
  }

  private static SyncPerson unreadableLogged(PersonRecord r, Throwable cause) {
    // The person's id only: the photo itself is never logged.
    log.warn("face photo of {} not readable, not synced until it is: {}", r.id(), cause.getMessage());
    return SyncPerson.unreadable(r);
  }
}
