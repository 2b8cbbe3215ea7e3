package io.doorstep.gateway.access;

import io.doorstep.gateway.config.EstateConfig;
import io.doorstep.gateway.store.PersonRecord;
import java.util.HashMap;
import java.util.Map;

/**
 * The estate's default: everyone may use the gates; a unit door admits the households of its
 * own unit and the staff.
 */
public final class BuildingScope implements AccessScope {
  private final Map<String, EstateConfig.Door> doorByDevice = new HashMap<>();

  public BuildingScope(EstateConfig estate) {
    for (EstateConfig.Device d : estate.devices()) {
      if (d.door() != null) {
        estate.door(d.door()).ifPresent(door -> doorByDevice.put(d.id(), door));
      }
    }
  }

  @Override
  public boolean mayUse(PersonRecord person, String deviceId) {
    EstateConfig.Door door = doorByDevice.get(deviceId);
    if (door == null || !EstateConfig.UNIT_DOOR.equals(door.kind()) || person.household() == null) {
      return true;
    }
    return person.household().startsWith(door.building() + "-" + door.unit() + "-");
  }
}
