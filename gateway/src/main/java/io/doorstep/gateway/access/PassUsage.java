package io.doorstep.gateway.access;

import java.util.HashMap;
import java.util.Map;

/**
 * How often each visitor pass has opened a door. Belongs to the access verticle's thread, like
 * {@link PassbackState}; the store keeps a copy so that the count survives a restart.
 */
public final class PassUsage {
  private final Map<String, Integer> used = new HashMap<>();

  public int used(String passId) {
    return used.getOrDefault(passId, 0);
  }

  /** Counts one opening; returns the new count. */
  public int use(String passId) {
    return used.merge(passId, 1, Integer::sum);
  }

  /** Loads a stored count; the larger wins, so a late load never lowers a live count. */
  void restore(String passId, int count) {
    used.merge(passId, count, Math::max);
  }
}
