package io.doorstep.gateway.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The charging-safety limits a file may change, estate-wide, per shed or per pile, and the
 * ranges that keep a change safe: a limit can be tightened freely but only loosened so far
 * (nobody should be able to let a plug reach 120 °C by a typo). The built-in values live with
 * the rules that use them (docs/charging.md lists both).
 */
final class ChargingLimitKeys {
  /** @param min lowest allowed value; @param max highest allowed value */
  record Limit(String key, double min, double max) {}

  static final List<Limit> ALL = List.of(
      new Limit("overPowerW", 100, 2000),
      new Limit("overPowerSeconds", 1, 60),
      new Limit("plugWarnC", 30, 80),
      new Limit("plugStopC", 40, 90),
      new Limit("fullPowerW", 1, 100),
      new Limit("fullMinutes", 1, 1440),
      new Limit("maxSessionHours", 1, 48),
      new Limit("idlePowerW", 0, 50),
      new Limit("idleSeconds", 10, 3600));

  static final List<String> KEYS = ALL.stream().map(Limit::key).toList();

  private ChargingLimitKeys() {}

  /** The limits given under {@code key} of {@code parent}, each checked against its range. */
  static Map<String, Double> read(YamlMap parent, String key) {
    YamlMap limits = parent.map(key, KEYS);
    Map<String, Double> values = new LinkedHashMap<>();
    for (Limit limit : ALL) {
      if (limits.has(limit.key())) {
        values.put(limit.key(), limits.decimal(limit.key(), Double.NaN, limit.min(), limit.max()));
      }
    }
    values.values().removeIf(v -> v.isNaN());
    if (values.containsKey("plugWarnC") && values.containsKey("plugStopC")
        && values.get("plugWarnC") >= values.get("plugStopC")) {
      limits.problem("plugWarnC", "the warning must come before the stop: plugWarnC below plugStopC");
    }
    return values;
  }
}
