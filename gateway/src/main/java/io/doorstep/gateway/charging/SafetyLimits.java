package io.doorstep.gateway.charging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The thresholds of one pile's rules, in the units people write them in. The config loader
 * layers estate defaults, then a shed's, then a pile's overrides with
 * {@link #withOverrides(Map)}; the keys are the component names.
 *
 * @param overPowerW a port above this power ...
 * @param overPowerSeconds ... continuously for this long is stopped
 * @param plugWarmC a plug at or above this temperature is a warning
 * @param plugHotC a plug at or above this temperature is stopped
 * @param plugClearMarginC a temperature alarm ends only this far below its level, so that a plug
 *     hovering at the level does not raise and clear it every poll
 * @param fullBelowW a charge drawing less than this ...
 * @param fullMinutes ... for this long is full and is cut (the national rule)
 * @param maxSessionMinutes no session runs longer
 * @param unpluggedBelowW a closed relay drawing less than this ...
 * @param unpluggedSeconds ... for this long has no bike or a dead charger behind it
 * @param stoppedCurrentMa after a stop, more current than this means the relay did not open
 * @param stopCheckReadings the reading of the pile, counted from the stop, that must show the
 *     relay open
 * @param stopConfirmSeconds a stop that no reading has confirmed by then (the pile went silent)
 *     is an alarm
 */
public record SafetyLimits(
    double overPowerW,
    long overPowerSeconds,
    double plugWarmC,
    double plugHotC,
    double plugClearMarginC,
    double fullBelowW,
    long fullMinutes,
    long maxSessionMinutes,
    double unpluggedBelowW,
    long unpluggedSeconds,
    double stoppedCurrentMa,
    long stopCheckReadings,
    long stopConfirmSeconds) {

  private record Key(String name, double min, double max, boolean whole, String unit,
      Function<SafetyLimits, Number> get) {}

  private static final List<Key> KEYS = List.of(
      new Key("overPowerW", 50, 3000, false, "W", SafetyLimits::overPowerW),
      new Key("overPowerSeconds", 1, 60, true, "s", SafetyLimits::overPowerSeconds),
      new Key("plugWarmC", 30, 90, false, "°C", SafetyLimits::plugWarmC),
      new Key("plugHotC", 40, 100, false, "°C", SafetyLimits::plugHotC),
      new Key("plugClearMarginC", 0, 10, false, "°C", SafetyLimits::plugClearMarginC),
      new Key("fullBelowW", 1, 100, false, "W", SafetyLimits::fullBelowW),
      new Key("fullMinutes", 1, 600, true, "min", SafetyLimits::fullMinutes),
      new Key("maxSessionMinutes", 10, 1440, true, "min", SafetyLimits::maxSessionMinutes),
      new Key("unpluggedBelowW", 0.5, 50, false, "W", SafetyLimits::unpluggedBelowW),
      new Key("unpluggedSeconds", 10, 3600, true, "s", SafetyLimits::unpluggedSeconds),
      new Key("stoppedCurrentMa", 1, 2000, false, "mA", SafetyLimits::stoppedCurrentMa),
      new Key("stopCheckReadings", 1, 10, true, "readings", SafetyLimits::stopCheckReadings),
      new Key("stopConfirmSeconds", 5, 600, true, "s", SafetyLimits::stopConfirmSeconds));

  // After KEYS: the constructor checks against them.
  public static final SafetyLimits DEFAULTS =
      new SafetyLimits(800, 5, 55, 70, 2, 15, 120, 480, 2, 120, 50, 2, 30);

  // Written out rather than compact: the check reads the fields, which a compact constructor
  // assigns only after its body.
  public SafetyLimits(double overPowerW, long overPowerSeconds, double plugWarmC, double plugHotC,
      double plugClearMarginC, double fullBelowW, long fullMinutes, long maxSessionMinutes,
      double unpluggedBelowW, long unpluggedSeconds, double stoppedCurrentMa,
      long stopCheckReadings, long stopConfirmSeconds) {
    this.overPowerW = overPowerW;
    this.overPowerSeconds = overPowerSeconds;
    this.plugWarmC = plugWarmC;
    this.plugHotC = plugHotC;
    this.plugClearMarginC = plugClearMarginC;
    this.fullBelowW = fullBelowW;
    this.fullMinutes = fullMinutes;
    this.maxSessionMinutes = maxSessionMinutes;
    this.unpluggedBelowW = unpluggedBelowW;
    this.unpluggedSeconds = unpluggedSeconds;
    this.stoppedCurrentMa = stoppedCurrentMa;
    this.stopCheckReadings = stopCheckReadings;
    this.stopConfirmSeconds = stopConfirmSeconds;
    List<String> problems = problems(this);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
  }

  /** The config keys, in the order of the record. */
  public static List<String> keys() {
    return KEYS.stream().map(Key::name).toList();
  }

  /** These limits as key → value, e.g. to show the effective limits of a pile. */
  public Map<String, Number> asMap() {
    Map<String, Number> map = new LinkedHashMap<>();
    KEYS.forEach(k -> map.put(k.name, k.get.apply(this)));
    return map;
  }

  /**
   * These limits with some replaced. Throws {@link IllegalArgumentException} naming every bad
   * key; {@link #problems(Map)} gives the same messages one by one, for a loader that reports
   * them with the file and line.
   */
  public SafetyLimits withOverrides(Map<String, ? extends Number> overrides) {
    List<String> problems = problems(overrides);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    Map<String, Number> merged = asMap();
    merged.putAll(overrides);
    List<String> combined = combinedProblems(merged);
    if (!combined.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", combined));
    }
    return fromMap(merged);
  }

  /** What is wrong with these overrides on their own: unknown keys, values out of range. */
  public static List<String> problems(Map<String, ? extends Number> overrides) {
    List<String> problems = new ArrayList<>();
    overrides.forEach((name, value) -> {
      Key key = KEYS.stream().filter(k -> k.name.equals(name)).findFirst().orElse(null);
      if (key == null) {
        problems.add("unknown charging limit '" + name + "'; known: " + String.join(", ", keys()));
      } else if (value == null) {
        problems.add(name + " needs a number");
      } else {
        check(key, value.doubleValue(), problems);
      }
    });
    return problems;
  }

  private static List<String> problems(SafetyLimits limits) {
    List<String> problems = new ArrayList<>();
    KEYS.forEach(k -> check(k, k.get.apply(limits).doubleValue(), problems));
    problems.addAll(combinedProblems(limits.asMap()));
    return problems;
  }

  private static void check(Key key, double v, List<String> problems) {
    if (Double.isNaN(v) || v < key.min || v > key.max) {
      problems.add(key.name + " must be between " + fmt(key.min) + " and " + fmt(key.max) + " "
          + key.unit + ", got " + fmt(v));
    } else if (key.whole && v != Math.rint(v)) {
      problems.add(key.name + " must be a whole number of " + key.unit + ", got " + fmt(v));
    }
  }

  // Rules that only make sense together: a warm level above the hot one would never warn.
  private static List<String> combinedProblems(Map<String, Number> m) {
    List<String> problems = new ArrayList<>();
    if (m.get("plugWarmC").doubleValue() >= m.get("plugHotC").doubleValue()) {
      problems.add("plugWarmC (" + fmt(m.get("plugWarmC").doubleValue())
          + ") must be below plugHotC (" + fmt(m.get("plugHotC").doubleValue()) + ")");
    }
    if (m.get("unpluggedBelowW").doubleValue() > m.get("fullBelowW").doubleValue()) {
      problems.add("unpluggedBelowW (" + fmt(m.get("unpluggedBelowW").doubleValue())
          + ") must not be above fullBelowW (" + fmt(m.get("fullBelowW").doubleValue()) + ")");
    }
    return problems;
  }

  private static SafetyLimits fromMap(Map<String, Number> m) {
    return new SafetyLimits(
        m.get("overPowerW").doubleValue(), m.get("overPowerSeconds").longValue(),
        m.get("plugWarmC").doubleValue(), m.get("plugHotC").doubleValue(),
        m.get("plugClearMarginC").doubleValue(), m.get("fullBelowW").doubleValue(),
        m.get("fullMinutes").longValue(), m.get("maxSessionMinutes").longValue(),
        m.get("unpluggedBelowW").doubleValue(), m.get("unpluggedSeconds").longValue(),
        m.get("stoppedCurrentMa").doubleValue(), m.get("stopCheckReadings").longValue(),
        m.get("stopConfirmSeconds").longValue());
  }

  private static String fmt(double v) {
    return v == Math.rint(v) && !Double.isInfinite(v) ? Long.toString((long) v) : Double.toString(v);
  }

  long overPowerMs() {
    return overPowerSeconds * 1000;
  }

  long fullMs() {
    return fullMinutes * 60_000;
  }

  long maxSessionMs() {
    return maxSessionMinutes * 60_000;
  }

  long unpluggedMs() {
    return unpluggedSeconds * 1000;
  }

  long stopConfirmMs() {
    return stopConfirmSeconds * 1000;
  }
}
