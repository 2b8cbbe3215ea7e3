package io.doorstep.gateway.web.auth;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slows password guessing, per name and per address: the first {@value #FREE_FAILURES} failures
 * cost nothing, each one after locks the name (or the address) for 30 s, doubling up to 15 min.
 * A name is counted whether or not it exists, so a lock tells nothing about who has an account.
 * Failures are forgotten an hour after the last one; a login clears its name's count (not its
 * address's: one known password must not buy unlimited guesses at the others).
 */
final class LoginThrottle {
  static final int FREE_FAILURES = 5;
  static final long FIRST_LOCK_MS = 30_000;
  static final long MAX_LOCK_MS = 15 * 60_000;
  static final long FORGET_MS = 60 * 60_000;
  /** A flood of made-up names must not grow the map without end. */
  private static final int MAX_ENTRIES = 10_000;
  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

  private static final class Failures {
    int count;
    long lastMs;
    long lockedUntilMs;
  }

  private final Map<String, Failures> byKey = new ConcurrentHashMap<>();
  private final LongSupplier clock;
  private final Counter failures;
  private final Counter locks;
  private final Counter refused;

  LoginThrottle(MeterRegistry registry, LongSupplier clock) {
    this.clock = clock;
    this.failures = registry == null ? null : Counter.builder("doorstep.web.login.failures")
        .description("Logins refused for a wrong name or password").register(registry);
    this.locks = registry == null ? null : Counter.builder("doorstep.web.login.locks")
        .description("Names or addresses locked after repeated failed logins").register(registry);
    this.refused = registry == null ? null : Counter.builder("doorstep.web.login.throttled")
        .description("Logins refused unchecked because the name or address was locked").register(registry);
  }

  /** Milliseconds until a login for this name from this address may be tried; 0 when now. */
  long waitMs(String name, String address) {
    long now = clock.getAsLong();
    long wait = Math.max(remaining(userKey(name), now), remaining(addressKey(address), now));
    if (wait > 0 && refused != null) {
      refused.increment();
    }
    return wait;
  }

  void failed(String name, String address) {
    long now = clock.getAsLong();
    if (failures != null) {
      failures.increment();
    }
    if (byKey.size() > MAX_ENTRIES) {
      byKey.values().removeIf(f -> now - f.lastMs > FORGET_MS);
      if (byKey.size() > MAX_ENTRIES) {
        byKey.clear();
      }
    }
    fail(userKey(name), now, "user '" + name + "'");
    fail(addressKey(address), now, "address " + address);
  }

  void succeeded(String name) {
    byKey.remove(userKey(name));
  }

  private void fail(String key, long now, String who) {
    Failures f = byKey.computeIfAbsent(key, k -> new Failures());
    synchronized (f) {
      if (now - f.lastMs > FORGET_MS) {
        f.count = 0;
      }
      f.count++;
      f.lastMs = now;
      if (f.count > FREE_FAILURES) {
        int over = Math.min(f.count - FREE_FAILURES - 1, 10);
        long lock = Math.min(FIRST_LOCK_MS << over, MAX_LOCK_MS);
        boolean wasLocked = f.lockedUntilMs > now;
        f.lockedUntilMs = now + lock;
        if (!wasLocked) {
          if (locks != null) {
            locks.increment();
          }
          if (f.count == FREE_FAILURES + 1) {
            // once per run of failures, not for every guess
            LOG.warn("web login: {} failed {} times; further logins are slowed (locked {} s)", who, f.count,
                lock / 1000);
          }
        }
      }
    }
  }

  private long remaining(String key, long now) {
    Failures f = byKey.get(key);
    if (f == null) {
      return 0;
    }
    synchronized (f) {
      return Math.max(0, f.lockedUntilMs - now);
    }
  }

  private static String userKey(String name) {
    return "user:" + (name == null ? "" : name.toLowerCase(Locale.ROOT));
  }

  private static String addressKey(String address) {
    return "address:" + address;
  }
}
