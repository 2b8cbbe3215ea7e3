package io.doorstep.gateway.charging;

import static io.doorstep.gateway.charging.ShedRig.onlyStop;
import static io.doorstep.gateway.charging.ShedRig.stop;
import static io.doorstep.gateway.charging.ShedRig.stops;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** One pile's limits replaced while the rules run: all of a change or none, that pile only. */
class LiveLimitsTest {
  private final ShedRig rig = new ShedRig();

  @Test
  void aLowerPowerLimitStopsAtTheNextReadingsAndOnlyOnThatPile() {
    SafetyLimits now = rig.safety.setLimits("P1", Map.of("overPowerW", 600, "overPowerSeconds", 2));

    assertEquals(600.0, now.overPowerW());
    assertEquals(SafetyLimits.DEFAULTS.overPowerW(), rig.safety.limits("P2").overPowerW());
    rig.read("P1", Port.charging(1, 650));
    rig.read("P2", Port.charging(1, 650));
    assertEquals(stop("P1", 1, StopReason.OVER_POWER), onlyStop(rig.pass(2_000).read("P1", Port.charging(1, 650))));
    assertTrue(stops(rig.read("P2", Port.charging(1, 650))).isEmpty());
  }

  @Test
  void aValueOutOfRangeChangesNothingNotEvenTheGoodOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> rig.safety.setLimits("P1", Map.of("overPowerSeconds", 2, "overPowerW", 5000)));

    assertEquals("overPowerW must be between 50 and 3000 W, got 5000", e.getMessage());
    assertEquals(SafetyLimits.DEFAULTS, rig.safety.limits("P1"));
  }

  @Test
  void valuesFineAloneButWrongTogetherAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> rig.safety.setLimits("P1", Map.of("plugWarmC", 75)));

    assertEquals("plugWarmC (75) must be below plugHotC (70)", e.getMessage());
    assertEquals(SafetyLimits.DEFAULTS, rig.safety.limits("P1"));
  }

  @Test
  void aPileOfAnotherShedIsNotThisShedsToChange() {
    assertFalse(rig.safety.hasPile("P9"));
    assertThrows(IllegalArgumentException.class, () -> rig.safety.setLimits("P9", Map.of("overPowerW", 600)));
  }
}
