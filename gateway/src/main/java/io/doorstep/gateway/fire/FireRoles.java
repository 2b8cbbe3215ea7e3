package io.doorstep.gateway.fire;

import java.util.Locale;
import java.util.Set;

/**
 * Who may end fire mode. Only people who can judge that the building is safe again: the
 * estate's administrator and the technician who services the fire system. A guard may not,
 * however loud the residents at the gate.
 */
public final class FireRoles {
  public static final Set<String> MAY_RESET = Set.of("admin", "technician");

  private FireRoles() {}

  public static String normalize(String role) {
    return role == null ? "" : role.strip().toLowerCase(Locale.ROOT);
  }

  public static boolean mayReset(String role) {
    return MAY_RESET.contains(normalize(role));
  }
}
