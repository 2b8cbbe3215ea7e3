package io.doorstep.gateway.bus;

import java.util.Set;

/**
 * Message on {@link Addresses#PERSONS_CHANGED}: persons were added, changed or removed.
 *
 * @param personIds who changed; empty together with {@code everyone} when it is not known
 * @param everyone true after a bulk change (an import): everything that caches persons reloads
 */
public record PersonsChanged(Set<String> personIds, boolean everyone) {
  public PersonsChanged {
    personIds = Set.copyOf(personIds);
  }

  public static PersonsChanged all() {
    return new PersonsChanged(Set.of(), true);
  }

  public static PersonsChanged of(Set<String> personIds) {
    return new PersonsChanged(personIds, false);
  }
}
