package io.doorstep.gateway.config;

import io.doorstep.gateway.doors.DoorTiming;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The door timings a file may change, estate-wide ({@code doorTiming:}) or per door
 * ({@code timing:}). The keys, ranges and built-in values belong to {@link DoorTiming}; this
 * only reads them and puts their problems on the right line.
 */
final class DoorTimingKeys {
  private DoorTimingKeys() {}

  /** The timings given under {@code key} of {@code parent}, each checked on its own. */
  static Map<String, Integer> read(YamlMap parent, String key) {
    YamlMap timings = parent.map(key, DoorTiming.keys());
    Map<String, Integer> values = new LinkedHashMap<>();
    for (DoorTiming.Key k : DoorTiming.KEYS) {
      if (timings.has(k.name())) {
        int value = timings.integer(k.name(), Integer.MIN_VALUE, k.min(), k.max());
        if (value != Integer.MIN_VALUE) {
          values.put(k.name(), value);
        }
      }
    }
    return values;
  }
}
