package io.doorstep.gateway.web.auth;

import io.doorstep.gateway.store.Store;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The people who may log in, kept in the store's web_users table. Every change is written to the
 * audit log under the name of the person who made it. Password hashing runs on two worker
 * threads of its own: a burst of logins waits there instead of filling the shared worker pool.
 *
 * <p>A change of role, a reset password or a disabled account ends that person's sessions: the
 * time of the change is remembered here, and a session whose login is older no longer counts.
 */
public final class Accounts implements AutoCloseable {
  /** Letters of any script (guards log in with their Chinese names), digits, and _ . - */
  private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}_.-]{1,32}");

  private final Store store;
  private final WorkerExecutor hashing;
  private final Map<String, Long> changedAt = new ConcurrentHashMap<>();

  public Accounts(Vertx vertx, Store store) {
    this.store = store;
    this.hashing = vertx.createSharedWorkerExecutor("doorstep-passwords", 2);
  }

  /** The problem with a name, or null when it may be used. */
  public static String nameProblem(String name) {
    if (name == null || name.isBlank()) {
      return "a name is required";
    }
    return NAME.matcher(name).matches() ? null : "1 to 32 letters, digits, _ . or -";
  }

  /**
   * The account when the name and password match an account that is not disabled; null for
   * every kind of refusal alike, and after the same work, so the answer never tells whether a
   * name exists.
   */
  public Future<WebAccount> verify(String name, String password) {
    return store.read(c -> AccountRows.find(c, name)).compose(found -> hashing.executeBlocking(() -> {
      boolean match = Passwords.matches(password, found == null ? null : found.passwordHash());
      return match && !found.account().disabled() ? found.account() : null;
    }, false));
  }

  /** Marks a successful login. */
  public Future<Void> loggedIn(String name) {
    long now = System.currentTimeMillis();
    return store.write(c -> {
      AccountRows.loggedIn(c, name, now);
      return null;
    });
  }

  public Future<List<WebAccount>> list() {
    return store.read(AccountRows::all);
  }

  public Future<Long> count() {
    return store.read(AccountRows::count);
  }

  /** Fails with an {@link AccountProblem} naming the field at fault. */
  public Future<WebAccount> create(String actor, String name, Role role, String password) {
    String problem = nameProblem(name);
    if (problem != null) {
      return Future.failedFuture(AccountProblem.bad("name", problem));
    }
    if (role == null) {
      return Future.failedFuture(AccountProblem.bad("role", "one of guard, technician, office, admin"));
    }
    String weak = Passwords.problem(password);
    if (weak != null) {
      return Future.failedFuture(AccountProblem.bad("password", weak));
    }
    long now = System.currentTimeMillis();
    return hashing.executeBlocking(() -> Passwords.hash(password), false)
        .compose(hash -> store.write(c -> AccountRows.insert(c, name, role, hash, now)))
        .compose(created -> created
            ? audit(actor, "user.create", name, null, state(role, false))
            : Future.failedFuture(new AccountProblem(409, "name", "the name " + name + " is taken")))
        .map(v -> new WebAccount(name, role, now, null, false));
  }

  /** The first admin, only while there is no account at all; false when someone was first. */
  public Future<Boolean> createFirstAdmin(String name, String password) {
    return count().compose(n -> n > 0 ? Future.succeededFuture(false)
        : create("setup", name, Role.ADMIN, password).map(a -> true));
  }

  public Future<Void> changeRole(String actor, String name, Role role) {
    if (role == null) {
      return Future.failedFuture(AccountProblem.bad("role", "one of guard, technician, office, admin"));
    }
    return existing(name).compose(before -> {
      if (before.role() == role) {
        return Future.succeededFuture();
      }
      boolean lastAdminAtStake = before.role() == Role.ADMIN && !before.disabled();
      return lastAdmin(lastAdminAtStake, "role", "the last admin keeps the admin role; make another admin first")
          .compose(v -> store.write(c -> {
            AccountRows.setRole(c, before.name(), role);
            return null;
          }))
          .compose(v -> ended(before.name()))
          .compose(v -> audit(actor, "user.role", before.name(), state(before.role(), before.disabled()),
              state(role, before.disabled())));
    });
  }

  public Future<Void> setDisabled(String actor, String name, boolean disabled) {
    return existing(name).compose(before -> {
      if (before.disabled() == disabled) {
        return Future.succeededFuture();
      }
      if (disabled && before.name().equalsIgnoreCase(actor)) {
        return Future.failedFuture(AccountProblem.bad("disabled", "you cannot disable yourself"));
      }
      return lastAdmin(disabled && before.role() == Role.ADMIN, "disabled", "the last admin cannot be disabled")
          .compose(v -> store.write(c -> {
            AccountRows.setDisabled(c, before.name(), disabled);
            return null;
          }))
          .compose(v -> ended(before.name()))
          .compose(v -> audit(actor, disabled ? "user.disable" : "user.enable", before.name(),
              state(before.role(), before.disabled()), state(before.role(), disabled)));
    });
  }

  public Future<Void> resetPassword(String actor, String name, String password) {
    String weak = Passwords.problem(password);
    if (weak != null) {
      return Future.failedFuture(AccountProblem.bad("password", weak));
    }
    return existing(name).compose(before -> hashing.executeBlocking(() -> Passwords.hash(password), false)
        .compose(hash -> store.write(c -> {
          AccountRows.setPassword(c, before.name(), hash);
          return null;
        }))
        .compose(v -> ended(before.name()))
        // the audit says that it changed, never what to
        .compose(v -> audit(actor, "user.password", before.name(), null, new JsonObject().put("password", "reset"))));
  }

  /** Whether a session that began at {@code loginMs} was ended by a later change to the account. */
  public boolean endedSince(String name, long loginMs) {
    Long changed = changedAt.get(name.toLowerCase(Locale.ROOT));
    return changed != null && changed >= loginMs;
  }

  public Future<Void> audit(String actor, String action, String subject, JsonObject before, JsonObject after) {
    return store.audit(actor, action, subject, before == null ? null : before.encode(),
        after == null ? null : after.encode());
  }

  /** Fails when the change would leave no admin who can log in (and so nobody to undo it). */
  private Future<Void> lastAdmin(boolean atStake, String field, String message) {
    if (!atStake) {
      return Future.succeededFuture();
    }
    return store.read(AccountRows::activeAdmins).compose(n -> n <= 1
        ? Future.failedFuture(AccountProblem.bad(field, message)) : Future.succeededFuture());
  }

  private Future<Void> ended(String name) {
    changedAt.put(name.toLowerCase(Locale.ROOT), System.currentTimeMillis());
    return Future.succeededFuture();
  }

  private Future<WebAccount> existing(String name) {
    return store.read(c -> AccountRows.find(c, name)).compose(found -> found == null
        ? Future.failedFuture(new AccountProblem(404, "name", "no user named " + name))
        : Future.succeededFuture(found.account()));
  }

  private static JsonObject state(Role role, boolean disabled) {
    return new JsonObject().put("role", role.code()).put("disabled", disabled);
  }

  @Override
  public void close() {
    hashing.close();
  }
}
