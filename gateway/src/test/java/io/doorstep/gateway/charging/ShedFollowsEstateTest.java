package io.doorstep.gateway.charging;

import static io.doorstep.gateway.charging.ShedRig.cleared;
import static io.doorstep.gateway.charging.ShedRig.ended;
import static io.doorstep.gateway.charging.ShedRig.raised;
import static io.doorstep.gateway.charging.ShedRig.started;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A shed's piles changed while it runs (on the technician console). */
class ShedFollowsEstateTest {
  private final ShedRig rig = new ShedRig();

  private ShedConfig withPiles(PileConfig... piles) {
    ShedConfig c = rig.safety.config();
    return new ShedConfig(c.shedId(), c.nameZh(), c.nameEn(), c.budgetW(), c.breaker(), List.of(piles));
  }

  @Test
  void anAddedPileIsWatchedAndOneThatStaysGoesOnAsItWas() {
    rig.read("P1", Port.charging(2, 300));
    assertTrue(rig.safety.follow(withPiles(new PileConfig("P1", SafetyLimits.DEFAULTS),
        new PileConfig("P2", SafetyLimits.DEFAULTS), new PileConfig("P3", SafetyLimits.DEFAULTS)), Set.of(), rig.now)
        .isEmpty());
    assertEquals(List.of(2), rig.safety.chargingPorts("P1"), "P1's session goes on");
    assertEquals(1, started(rig.read("P3", Port.charging(5, 300))).size());
    assertEquals(List.of(5), rig.safety.chargingPorts("P3"));
  }

  @Test
  void aRemovedPileEndsItsSessionsAsRemovedAndClearsItsAlarms() {
    rig.read("P2", Port.charging(1, 300), Port.charging(4, 300));
    assertFalse(raised(rig.read("P2", Port.charging(1, 300).plug(60.0), Port.charging(4, 300)), ChargingAlarm.PLUG_WARM).isEmpty());
    assertEquals(List.of(1, 4), rig.safety.chargingPorts("P2"));

    List<SafetyAction> actions = rig.pass(1000).safety.follow(
        withPiles(new PileConfig("P1", SafetyLimits.DEFAULTS)), Set.of(), rig.now);
    List<ChargingSession> sessions = ended(actions);
    assertEquals(2, sessions.size());
    assertTrue(sessions.stream().allMatch(s -> s.reason() == StopReason.REMOVED && s.endedAt() == rig.now));
    assertEquals(1, cleared(actions, ChargingAlarm.PLUG_WARM).size());
    assertFalse(rig.safety.hasPile("P2"));
    assertEquals(List.of(), rig.safety.chargingPorts("P2"));
  }

  @Test
  void aRenewedPileStartsAfreshWithItsNewLimits() {
    rig.read("P1", Port.charging(3, 300));
    SafetyLimits lower = SafetyLimits.DEFAULTS.withOverrides(java.util.Map.of("overPowerW", 500));
    List<SafetyAction> actions = rig.safety.follow(withPiles(new PileConfig("P1", lower),
        new PileConfig("P2", SafetyLimits.DEFAULTS)), Set.of("P1"), rig.now);
    assertEquals(StopReason.REMOVED, ended(actions).get(0).reason());
    assertEquals(500, rig.safety.limits("P1").overPowerW(), 1e-9);
    assertEquals(1, started(rig.read("P1", Port.charging(3, 300))).size(), "its charge is a new session");
  }
}
