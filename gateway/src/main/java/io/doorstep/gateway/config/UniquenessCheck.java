package io.doorstep.gateway.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Ids and serial numbers that must be unique across the estate file. A repeated SN is the worst of
 * them: two terminals would share one MQTT identity and knock each other off the broker.
 */
final class UniquenessCheck {
  private UniquenessCheck() {}

  static void check(EstateConfig estate, YamlSource source) {
    unique(source, "buildings", estate.buildings(), EstateConfig.Building::id, "id", "building id");
    unique(source, "doors", estate.doors(), EstateConfig.Door::id, "id", "door id");
    unique(source, "devices", estate.devices(), EstateConfig.Device::id, "id", "device id");
    unique(source, "devices", estate.devices(), d -> d.lane() == null ? d.sn() : null, "sn", "device sn");
    unique(source, "devices", estate.devices(), EstateConfig.Device::lane, "lane", "barrier lane");
  }

  private static <T> void unique(
      YamlSource source, String list, List<T> items, Function<T, String> value, String key, String what) {
    Map<String, String> firstPath = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      String text = value.apply(items.get(i));
      if (text == null) {
        continue;
      }
      String path = source.item(list, i) + "." + key;
      String first = firstPath.putIfAbsent(text, path);
      if (first != null) {
        source.problem(path, "duplicate " + what + " " + Nodes.quote(text) + ", first used at line "
            + source.line(first) + " (" + first + ")");
      }
    }
  }
}
