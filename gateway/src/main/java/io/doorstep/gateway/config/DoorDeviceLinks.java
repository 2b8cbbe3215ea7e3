package io.doorstep.gateway.config;

import io.doorstep.gateway.config.EstateConfig.Device;
import io.doorstep.gateway.config.EstateConfig.Door;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The estate file may state a door's devices at the door, at the device, or both. After
 * {@link ReferenceCheck} has found both sides consistent, this fills in the side left out, so
 * code that reads a device's door or a door's devices never has to look at the other side.
 */
final class DoorDeviceLinks {
  private DoorDeviceLinks() {}

  static EstateConfig complete(EstateConfig estate) {
    Map<String, String> doorOfDevice = new HashMap<>();
    estate.doors().forEach(door -> door.devices().forEach(id -> doorOfDevice.put(id, door.id())));
    List<Device> devices = estate.devices().stream()
        .map(d -> d.door() != null ? d : d.withDoor(doorOfDevice.get(d.id())))
        .toList();
    List<Door> doors = estate.doors().stream().map(door -> withDevicesNaming(door, devices)).toList();
    return new EstateConfig(estate.id(), estate.name(), estate.buildings(), doors, devices, estate.timeZone(),
        estate.access(), estate.lines(), estate.charging(), estate.profiles(), estate.doorTiming());
  }

  private static Door withDevicesNaming(Door door, List<Device> devices) {
    List<String> ids = new ArrayList<>(door.devices());
    devices.stream()
        .filter(d -> door.id().equals(d.door()) && !ids.contains(d.id()))
        .forEach(d -> ids.add(d.id()));
    return new Door(door.id(), door.name(), door.kind(), door.building(), door.unit(), ids, door.egress(),
        door.timing());
  }
}
