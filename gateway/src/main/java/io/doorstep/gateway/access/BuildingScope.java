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
  private volatile Map<String, EstateConfig.Door> doorByDevice;

  public BuildingScope(EstateConfig estate) {
    follow(estate);
  }

  @Override
  public void follow(EstateConfig estate) {
    Map<String, EstateConfig.Door> doors = new HashMap<>();
    for (EstateConfig.Device d : estate.devices()) {
      if (d.door() != null) {
        estate.door(d.door()).ifPresent(door -> doors.put(d.id(), door));
      }
    }
    doorByDevice = Map.copyOf(doors);
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
