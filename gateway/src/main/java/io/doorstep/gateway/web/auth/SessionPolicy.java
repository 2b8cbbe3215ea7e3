package io.doorstep.gateway.web.auth;

import java.util.EnumMap;
import java.util.Map;

/**
 * How long a session may sit unused before it ends, per role. The guard's is long because the
 * booth's board runs all shift; the others are short because their pages change things.
 */
public record SessionPolicy(Map<Role, Long> idleMs) {
  public static final long DEFAULT_IDLE_MS = 30 * 60_000L;
  public static final long GUARD_IDLE_MS = 12 * 60 * 60_000L;

  public SessionPolicy {
    idleMs = Map.copyOf(new EnumMap<>(idleMs));
    for (Role role : Role.values()) {
      if (!idleMs.containsKey(role)) {
        throw new IllegalArgumentException("no idle time for " + role.code());
      }
    }
  }

  /** 12 h for guards, 30 min for everyone else. */
  public static SessionPolicy defaults() {
    Map<Role, Long> idle = new EnumMap<>(Role.class);
    for (Role role : Role.values()) {
      idle.put(role, role == Role.GUARD ? GUARD_IDLE_MS : DEFAULT_IDLE_MS);
    }
    return new SessionPolicy(idle);
  }

  public long idleMs(Role role) {
    return idleMs.get(role);
  }

  public long longestMs() {
    return idleMs.values().stream().mapToLong(Long::longValue).max().orElse(DEFAULT_IDLE_MS);
  }
}
