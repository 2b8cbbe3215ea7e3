package io.doorstep.gateway.access;

import io.doorstep.gateway.config.AccessConfig;
import io.doorstep.gateway.config.EstateConfig;
import io.doorstep.gateway.store.PersonRecord;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The default every resident and tenant has without any configuration: the estate's pedestrian
 * gates and the unit doors of their own building, at all hours. The building comes from the
 * household ("B03-U1-1201"), matched against the estate's buildings and their units so that a
 * building id that is a prefix of another ("B1", "B1-A") is never confused with it.
 */
final class HouseholdGroup implements AccessGroup {
  static final Set<String> KINDS = Set.of("resident", "tenant");
  private static final String GATE = "pedestrian-gate";

  private final Map<String, EstateConfig.Building> buildings;

  HouseholdGroup(List<EstateConfig.Building> buildings) {
    this.buildings = buildings.stream().collect(Collectors.toUnmodifiableMap(EstateConfig.Building::id, Function.identity()));
  }

  @Override
  public String id() {
    return AccessConfig.HOUSEHOLD_GROUP;
  }

  @Override
  public boolean includes(PersonRecord person, Memberships members) {
    return KINDS.contains(person.kind());
  }

  @Override
  public boolean covers(PersonRecord person, EstateConfig.Door door) {
    if (GATE.equals(door.kind())) {
      return true;
    }
    return EstateConfig.UNIT_DOOR.equals(door.kind()) && livesIn(person.household(), door.building());
  }

  @Override
  public WeeklySchedule schedule() {
    return WeeklySchedule.ALWAYS;
  }

  private boolean livesIn(String household, String buildingId) {
    EstateConfig.Building building = buildings.get(buildingId);
    if (household == null || building == null || !household.startsWith(buildingId + "-")) {
      return false;
    }
    String rest = household.substring(buildingId.length() + 1);
    return building.units().stream().anyMatch(unit -> rest.startsWith(unit + "-") || rest.equals(unit));
  }
}
