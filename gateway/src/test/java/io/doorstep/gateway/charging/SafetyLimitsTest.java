package io.doorstep.gateway.charging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The limits people configure: defaults, layers, and what a bad value says. */
class SafetyLimitsTest {

  @Test
  void theDefaultsAreTheTable() {
    SafetyLimits d = SafetyLimits.DEFAULTS;
    assertEquals(800, d.overPowerW());
    assertEquals(5, d.overPowerSeconds());
    assertEquals(55, d.plugWarmC());
    assertEquals(70, d.plugHotC());
    assertEquals(15, d.fullBelowW());
    assertEquals(120, d.fullMinutes());
    assertEquals(480, d.maxSessionMinutes());
    assertEquals(2, d.unpluggedBelowW());
    assertEquals(120, d.unpluggedSeconds());
    assertEquals(2, d.stopCheckReadings());
  }

  @Test
  void estateThenShedThenPile() {
    SafetyLimits estate = SafetyLimits.DEFAULTS.withOverrides(Map.of("maxSessionMinutes", 600));
    SafetyLimits shed = estate.withOverrides(Map.of("overPowerW", 700));
    SafetyLimits pile = shed.withOverrides(Map.of("overPowerW", 650.5, "plugHotC", 65));
    assertEquals(600, pile.maxSessionMinutes());
    assertEquals(650.5, pile.overPowerW());
    assertEquals(65, pile.plugHotC());
    assertEquals(700, shed.overPowerW());
  }

  @Test
  void theKeysAreTheComponentNames() {
    assertEquals(List.of("overPowerW", "overPowerSeconds", "plugWarmC", "plugHotC", "plugClearMarginC",
        "fullBelowW", "fullMinutes", "maxSessionMinutes", "unpluggedBelowW", "unpluggedSeconds",
        "stoppedCurrentMa", "stopCheckReadings", "stopConfirmSeconds"), SafetyLimits.keys());
    assertEquals(SafetyLimits.keys(), List.copyOf(SafetyLimits.DEFAULTS.asMap().keySet()));
  }

  @Test
  void aValueOutOfRangeNamesTheKeyTheRangeAndTheValue() {
    assertEquals(List.of("overPowerW must be between 50 and 3000 W, got 5000"),
        SafetyLimits.problems(Map.of("overPowerW", 5000)));
    var e = assertThrows(IllegalArgumentException.class,
        () -> SafetyLimits.DEFAULTS.withOverrides(Map.of("fullMinutes", 0)));
    assertEquals("fullMinutes must be between 1 and 600 min, got 0", e.getMessage());
  }

  @Test
  void durationsAreWholeNumbers() {
    assertEquals(List.of("overPowerSeconds must be a whole number of s, got 2.5"),
        SafetyLimits.problems(Map.of("overPowerSeconds", 2.5)));
  }

  @Test
  void anUnknownKeyListsTheKnownOnes() {
    var problems = SafetyLimits.problems(Map.of("overpowerW", 700));
    assertTrue(problems.get(0).startsWith("unknown charging limit 'overpowerW'; known: overPowerW, "),
        problems.get(0));
  }

  @Test
  void aWarmLevelAboveTheHotOneIsRefused() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> SafetyLimits.DEFAULTS.withOverrides(Map.of("plugWarmC", 75)));
    assertEquals("plugWarmC (75) must be below plugHotC (70)", e.getMessage());
  }
}
