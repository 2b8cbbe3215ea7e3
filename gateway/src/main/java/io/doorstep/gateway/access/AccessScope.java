package io.doorstep.gateway.access;

import io.doorstep.gateway.config.EstateConfig;
import io.doorstep.gateway.store.PersonRecord;
import java.util.List;

/**
 * Where a person may ever pass, regardless of the hour: what a device's own person list must
 * hold. Time of day, passback and passes are decided at the moment of passage by the policies;
 * this only says which doors a person belongs at.
 */
public interface AccessScope {
  boolean mayUse(PersonRecord person, String deviceId);

  /** The devices changed on the technician console: judge by the doors they serve now. */
  void follow(EstateConfig estate);

  /** The person's cards a device's list may hold: a blocked (lost) card is left off. */
  default List<String> cards(PersonRecord person) {
    return person.cards();
  }
}
