package io.doorstep.gateway.config;

import io.doorstep.gateway.config.EstateConfig.Device;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What spans the booth's GPIO devices: a pin serves one signal, and a card reader has exactly
 * one gpio-door to open. Two devices on one pin would fight over it; a reader with no door would
 * accept cards and open nothing, with no error anywhere.
 */
final class GpioCheck {
  private GpioCheck() {}

  static void check(EstateConfig estate, YamlSource source) {
    checkPins(estate, source);
    checkReaders(estate, source);
  }

  private static void checkPins(EstateConfig estate, YamlSource source) {
    Map<Integer, String> firstPath = new HashMap<>();
    for (int i = 0; i < estate.devices().size(); i++) {
      Device device = estate.devices().get(i);
      String devicePath = source.item("devices", i);
      for (Map.Entry<String, Integer> pin : device.pins().entrySet()) {
        String path = devicePath + ".pins." + pin.getKey();
        String first = firstPath.putIfAbsent(pin.getValue(), path);
        if (first != null) {
          source.problem(path, "duplicate BCM pin " + pin.getValue() + ", first used at line " + source.line(first)
              + " (" + first + "); a pin serves one signal (a pin left out is its channel's factory pin)");
        }
      }
    }
  }

  private static void checkReaders(EstateConfig estate, YamlSource source) {
    Map<String, String> doorOfDevice = new HashMap<>();
    estate.doors().forEach(door -> door.devices().forEach(id -> doorOfDevice.put(id, door.id())));
    estate.devices().stream().filter(d -> d.door() != null).forEach(d -> doorOfDevice.put(d.id(), d.door()));
    Map<String, List<String>> gpioDoorsAt = new HashMap<>();
    estate.devices().stream()
        .filter(d -> EstateConfig.GPIO_DOOR.equals(d.type()) && doorOfDevice.get(d.id()) != null)
        .forEach(d -> gpioDoorsAt.computeIfAbsent(doorOfDevice.get(d.id()), k -> new ArrayList<>()).add(d.id()));
    for (int i = 0; i < estate.devices().size(); i++) {
      Device reader = estate.devices().get(i);
      if (!EstateConfig.WIEGAND_READER.equals(reader.type())) {
        continue;
      }
      String path = source.item("devices", i);
      String door = doorOfDevice.get(reader.id());
      List<String> locks = door == null ? List.of() : gpioDoorsAt.getOrDefault(door, List.of());
      if (door == null) {
        source.problem(path + ".door", "a wiegand-reader opens the gpio-door at its door: give it a door");
      } else if (estate.door(door).isPresent() && locks.isEmpty()) {
        source.problem(path + ".door", "door " + door + " has no gpio-door for this reader to open");
      } else if (locks.size() > 1) {
        source.problem(path + ".door", "door " + door + " has " + locks.size() + " gpio-doors ("
            + String.join(", ", locks) + "); a reader opens one: give each its own door");
      }
    }
  }
}
