package io.doorstep.gateway.config;

import io.doorstep.gateway.config.EstateConfig.Building;
import io.doorstep.gateway.config.EstateConfig.Device;
import io.doorstep.gateway.config.EstateConfig.Door;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every name that points at another entry points at one that exists, and doors and devices agree
 * on who serves whom. A door whose terminal is misnamed would otherwise stay shut with no error.
 */
final class ReferenceCheck {
  private ReferenceCheck() {}

  static void check(EstateConfig estate, YamlSource source) {
    Map<String, Building> buildings = byId(estate.buildings(), Building::id);
    Map<String, Device> devices = byId(estate.devices(), Device::id);
    Map<String, String> listedAt = new HashMap<>();
    for (int i = 0; i < estate.doors().size(); i++) {
      Door door = estate.doors().get(i);
      String doorPath = source.item("doors", i);
      checkUnit(door, doorPath, buildings, source);
      for (int j = 0; j < door.devices().size(); j++) {
        checkListing(door, door.devices().get(j), source.item(doorPath + ".devices", j), devices, listedAt, source);
      }
    }
    Set<String> doorIds = estate.doors().stream().map(Door::id).collect(Collectors.toSet());
    for (int i = 0; i < estate.devices().size(); i++) {
      String door = estate.devices().get(i).door();
      if (door != null && !doorIds.contains(door)) {
        source.problem(source.item("devices", i) + ".door", "no door " + Nodes.quote(door) + " is defined under doors");
      }
    }
    AccessReferenceCheck.check(estate, source);
    GpioCheck.check(estate, source);
    ModbusReferenceCheck.check(estate, source);
  }

  private static void checkUnit(Door door, String doorPath, Map<String, Building> buildings, YamlSource source) {
    if (door.building() == null) {
      return;
    }
    Building building = buildings.get(door.building());
    if (building == null) {
      source.problem(doorPath + ".building",
          "no building " + Nodes.quote(door.building()) + " is defined under buildings");
    } else if (door.unit() != null && !building.units().contains(door.unit())) {
      source.problem(doorPath + ".unit", "building " + building.id() + " has no unit " + Nodes.quote(door.unit())
          + "; its units are " + String.join(", ", building.units()));
    }
  }

  private static void checkListing(
      Door door, String id, String path, Map<String, Device> devices, Map<String, String> listedAt, YamlSource source) {
    Device device = devices.get(id);
    if (device == null) {
      source.problem(path, "no device " + Nodes.quote(id) + " is defined under devices");
      return;
    }
    if (device.door() != null && door.id() != null && !device.door().equals(door.id())) {
      source.problem(path, "device " + id + " says its door is " + device.door() + ", not " + door.id()
          + "; list it at one door and give that door in the device's door key");
    }
    if (EstateConfig.BARRIER.equals(device.type()) && door.kind() != null
        && !EstateConfig.BARRIER_DOOR_KINDS.contains(door.kind())) {
      source.problem(path, "barrier " + id + " cannot serve a " + door.kind() + "; a barrier serves a "
          + String.join(", ", EstateConfig.BARRIER_DOOR_KINDS));
    }
    String earlier = listedAt.putIfAbsent(id, path);
    if (earlier != null) {
      source.problem(path, "device " + id + " is already listed at line " + source.line(earlier) + " (" + earlier
          + "); a device serves one door");
    }
  }

  /** The first entry for each id; later repeats are UniquenessCheck's to report. */
  private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
    Map<String, T> map = new HashMap<>();
    items.stream().filter(t -> id.apply(t) != null).forEach(t -> map.putIfAbsent(id.apply(t), t));
    return map;
  }
}
