package io.doorstep.gateway.access;

import io.doorstep.gateway.bus.Addresses;
import io.doorstep.gateway.bus.PersonsChanged;
import io.doorstep.gateway.store.Store;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

/**
 * Group memberships and the blocklist: what guards and the office change while the gateway runs.
 * The tables are the truth; this keeps an immutable copy in memory for decisions and for
 * {@link GroupScope}, replaced after each change has committed and before
 * {@link Addresses#PERSONS_CHANGED} announces it, so whoever reacts to the announcement (the
 * person sync) already sees the change.
 */
public final class AccessLists {

  /** Both lists, taken together. */
  public record Lists(Memberships members, Blocklist blocks) {}

  private final Vertx vertx;
  private final Store store;
  private final AccessRules rules;
  private final Clock clock;
  private final BlockExpiry expiry;
  private volatile Lists current = new Lists(Memberships.none(), Blocklist.empty());
  /** Changes run in the writer's order; this keeps a slow completion from restoring an older copy. */
  private long applied;
  private long written;

  public AccessLists(Vertx vertx, Store store, AccessRules rules, Clock clock) {
    this.vertx = vertx;
    this.store = store;
    this.rules = rules;
    this.clock = clock;
    this.expiry = new BlockExpiry(vertx, clock, this::announce);
  }

  public Lists current() {
    return current;
  }

  /** Reads both tables; at start, before the first decision. */
  public Future<Void> load() {
    return store.read(c -> new Lists(Memberships.of(ListRows.members(c)), Blocklist.of(ListRows.blocks(c))))
        .map(lists -> {
          install(lists, 0);
          return null;
        });
  }

  /** Adds a person to a group of the estate file. Fails for an unknown group or person. */
  public Future<Void> join(String personId, String groupId) {
    if (!rules.isGroup(groupId)) {
      return Future.failedFuture(new IllegalArgumentException("no access group '" + groupId + "' in the estate file"));
    }
    long now = clock.millis();
    // Refused inside the write rather than thrown: a throw would fail the other writes of its batch once.
    return change(c -> ListRows.join(c, personId, groupId, now), Set.of(personId))
        .compose(joined -> joined ? Future.succeededFuture()
            : Future.failedFuture(new IllegalArgumentException("no person '" + personId + "'")));
  }

  public Future<Void> leave(String personId, String groupId) {
    return change(c -> {
      ListRows.leave(c, personId, groupId);
      return true;
    }, Set.of(personId)).mapEmpty();
  }

  /** Blocks a person until {@code untilMs} (0: until unblocked); a repeated block replaces the earlier one. */
  public Future<Void> blockPerson(String personId, String reason, long untilMs) {
    Blocklist.Entry e = new Blocklist.Entry(Blocklist.Kind.PERSON, personId, personId, reason, untilMs);
    long now = clock.millis();
    return change(c -> {
      ListRows.block(c, e, now);
      return true;
    }, Set.of(personId)).mapEmpty();
  }

  /** Blocks one card (a lost one, say) without blocking its owner's face. */
  public Future<Void> blockCard(String uid, String reason, long untilMs) {
    String card = Cards.normalize(uid);
    long now = clock.millis();
    Set<String> owner = new HashSet<>();
    return change(c -> {
      String o = ListRows.cardOwner(c, card);
      if (o != null) {
        owner.add(o);
      }
      ListRows.block(c, new Blocklist.Entry(Blocklist.Kind.CARD, card, o, reason, untilMs), now);
      return true;
    }, owner).mapEmpty();
  }

  public Future<Void> unblock(Blocklist.Kind kind, String subject) {
    String key = kind == Blocklist.Kind.CARD ? Cards.normalize(subject) : subject;
    Set<String> owner = new HashSet<>();
    return change(c -> {
      String o = ListRows.unblock(c, kind, key);
      if (o != null) {
        owner.add(o);
      }
      return true;
    }, owner).mapEmpty();
  }

  /** A change to the tables; false when there was nothing to change it with (no such person). */
  private interface Mutation {
    boolean apply(Connection c) throws SQLException;
  }

  /** The change and a fresh read of both lists in one transaction of the one writer, so copies come in order. */
  private Future<Boolean> change(Mutation mutation, Set<String> affected) {
    return store.write(c -> {
      if (!mutation.apply(c)) {
        return new Written(false, null, 0);
      }
      Lists lists = new Lists(Memberships.of(ListRows.members(c)), Blocklist.of(ListRows.blocks(c)));
      return new Written(true, lists, nextWrite());
    }).map(w -> {
      if (w.changed()) {
        install(w.lists(), w.sequence());
        announce(affected);
      }
      return w.changed();
    });
  }

  private record Written(boolean changed, Lists lists, long sequence) {}

  private synchronized long nextWrite() {
    return ++written;
  }

  private synchronized void install(Lists lists, long sequence) {
    // 0 is the first load: a change already written is newer than it and installs itself.
    if (sequence == 0 ? applied == 0 : sequence > applied) {
      applied = Math.max(applied, sequence);
      current = lists;
    }
    expiry.schedule(current.blocks().entries());
  }

  private void announce(Set<String> personIds) {
    // A card nobody owns changes nobody's list.
    if (!personIds.isEmpty()) {
      vertx.eventBus().publish(Addresses.PERSONS_CHANGED, PersonsChanged.of(personIds));
    }
  }
}
