package io.doorstep.gateway.people;

import io.doorstep.gateway.config.EstateConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a household exists in the estate file: a typo like B3-U1-1502 would otherwise create a
 * flat nobody's door serves, and its residents would be refused everywhere.
 */
final class EstateHouseholds {

  private final Map<String, EstateConfig.Building> buildings = new HashMap<>();

  EstateHouseholds(EstateConfig estate) {
    estate.buildings().forEach(b -> buildings.put(b.id(), b));
  }

  /** Why the household is not one of the estate's, or empty when it is. */
  Optional<String> problem(Household h) {
    EstateConfig.Building b = buildings.get(h.building());
    if (b == null) {
      return Optional.of("no building " + h.building() + " in the estate file");
    }
    if (!b.units().contains(h.unit())) {
      return Optional.of("building " + b.id() + " has no unit " + h.unit() + " (it has " + String.join(", ", b.units()) + ")");
    }
    int floor = h.floor();
    if (floor == 0 || floor > b.floors()) {
      return Optional.of("room " + h.room() + " would be on floor " + floor + ", but building " + b.id()
          + " has floors 1 to " + b.floors());
    }
    return Optional.empty();
  }
}
