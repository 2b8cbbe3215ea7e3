package io.doorstep.gateway.web.board;

import io.doorstep.gateway.config.EstateConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The estate as the board draws it: gates and lanes, buildings with their unit doors, charging
 * sheds with their piles, each place with the devices whose state colours it. Built once from
 * the estate file, which does not change while the gateway runs.
 */
final class EstateMap {
  private final JsonObject json;
  /** Device id → the door it serves, for naming where an alarm is. */
  private final Map<String, EstateConfig.Door> doorOfDevice = new HashMap<>();

  EstateMap(EstateConfig estate) {
    Map<String, EstateConfig.Door> doors = new HashMap<>();
    estate.doors().forEach(d -> doors.put(d.id(), d));
    for (EstateConfig.Device device : estate.devices()) {
      EstateConfig.Door door = device.door() == null ? null : doors.get(device.door());
      if (door != null) {
        doorOfDevice.put(device.id(), door);
      }
    }
    for (EstateConfig.Door door : estate.doors()) {
      door.devices().forEach(d -> doorOfDevice.putIfAbsent(d, door));
    }

    JsonArray gates = new JsonArray();
    estate.doors().stream().filter(d -> !EstateConfig.UNIT_DOOR.equals(d.kind()))
        .forEach(d -> gates.add(door(d)));
    JsonArray buildings = new JsonArray();
    for (EstateConfig.Building b : estate.buildings()) {
      JsonArray units = new JsonArray();
      estate.doors().stream().filter(d -> b.id().equals(d.building())).forEach(d -> units.add(door(d)));
      buildings.add(new JsonObject().put("id", b.id()).put("name", b.name()).put("floors", b.floors())
          .put("doors", units));
    }
    JsonArray sheds = new JsonArray();
    for (EstateConfig.Shed shed : estate.charging().sheds()) {
      List<String> piles = estate.devices().stream()
          .filter(d -> d.charging() != null && shed.id().equals(d.charging().shed()))
          .map(EstateConfig.Device::id).toList();
      sheds.add(new JsonObject().put("id", shed.id()).put("name", shed.name()).put("breaker", shed.breaker())
          .put("piles", new JsonArray(piles)));
    }
    json = new JsonObject().put("id", estate.id()).put("name", estate.name())
        .put("gates", gates).put("buildings", buildings).put("sheds", sheds);
  }

  private JsonObject door(EstateConfig.Door d) {
    List<String> devices = d.devices().isEmpty() ? devicesAt(d) : d.devices();
    return new JsonObject().put("id", d.id()).put("name", d.name()).put("kind", d.kind())
        .put("devices", new JsonArray(devices));
  }

  /** A door whose devices name it, rather than the other way round. */
  private List<String> devicesAt(EstateConfig.Door d) {
    return doorOfDevice.entrySet().stream().filter(e -> e.getValue().id().equals(d.id()))
        .map(Map.Entry::getKey).sorted().toList();
  }

  JsonObject json() {
    return json;
  }

  /** The door a device (or a pile's port, "pile/port") serves, or null. */
  EstateConfig.Door doorOf(String device) {
    if (device == null) {
      return null;
    }
    int slash = device.indexOf('/');
    return doorOfDevice.get(slash < 0 ? device : device.substring(0, slash));
  }
}
