package io.doorstep.gateway.config;

import io.doorstep.gateway.charging.SafetyLimits;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The charging-safety limits a file may change, estate-wide, per shed or per pile. The keys,
 * ranges and built-in values belong to {@link SafetyLimits}, where the rules use them; this
 * only reads them and puts their problems on the right line (docs/charging.md lists them).
 */
final class ChargingLimitKeys {
  private ChargingLimitKeys() {}

  /** The limits given under {@code key} of {@code parent}, each checked on its own. */
  static Map<String, Double> read(YamlMap parent, String key) {
    YamlMap limits = parent.map(key, SafetyLimits.keys());
    Map<String, Double> values = new LinkedHashMap<>();
    for (String name : SafetyLimits.keys()) {
      if (!limits.has(name)) {
        continue;
      }
      double value = limits.decimal(name, Double.NaN, -1e9, 1e9);
      if (Double.isNaN(value)) {
        continue;
      }
      List<String> problems = SafetyLimits.problems(Map.of(name, value));
      if (problems.isEmpty()) {
        values.put(name, value);
      } else {
        problems.forEach(p -> limits.problem(name, p));
      }
    }
    return values;
  }

  /**
   * The limits that hold after layering estate, shed and pile changes over the built-in values,
   * or null after reporting (at {@code path}) why they do not fit together.
   */
  static SafetyLimits effective(List<Map<String, Double>> layers, String path, YamlSource source) {
    SafetyLimits limits = SafetyLimits.DEFAULTS;
    try {
      for (Map<String, Double> layer : layers) {
        limits = limits.withOverrides(layer);
      }
      return limits;
    } catch (IllegalArgumentException e) {
      source.problem(path, e.getMessage());
      return null;
    }
  }
}
