package io.doorstep.gateway.charging;

import static io.doorstep.gateway.charging.ShedRig.onlyStop;
import static io.doorstep.gateway.charging.ShedRig.raised;
import static io.doorstep.gateway.charging.ShedRig.stop;
import static io.doorstep.gateway.charging.ShedRig.stops;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.device.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A port above 800 W for 5 s is stopped with an alarm. */
class OverPowerTest {
  private final ShedRig rig = new ShedRig();

  @Test
  void aPortAt850WattsForFiveSecondsIsStoppedWithOverPower() {
    rig.read("P1", Port.charging(3, 850));
    rig.pass(2_000).read("P1", Port.charging(3, 900));
    var actions = rig.pass(3_000).read("P1", Port.charging(3, 850));

    assertEquals(stop("P1", 3, StopReason.OVER_POWER), onlyStop(actions));
    var alarm = raised(actions, ChargingAlarm.OVER_POWER);
    assertEquals(1, alarm.size());
    assertEquals(Severity.ALARM, alarm.get(0).severity());
    assertEquals(3, alarm.get(0).port());
    assertEquals("充电桩 P1 3号口 功率超限（850 W），已断电", alarm.get(0).textZh());
    assertEquals("pile P1 port 3: power over limit (850 W), stopped", alarm.get(0).textEn());
  }

  @Test
  void aPortAbove800WattsForJustUnderFiveSecondsKeepsCharging() {
    rig.read("P1", Port.charging(3, 850));
    assertTrue(stops(rig.pass(4_999).read("P1", Port.charging(3, 850))).isEmpty());
  }

  @Test
  void exactly800WattsIsNotAbove() {
    rig.read("P1", Port.charging(3, 800));
    assertTrue(stops(rig.pass(60_000).read("P1", Port.charging(3, 800))).isEmpty());
  }

  @Test
  void aDipBelowTheLimitStartsTheFiveSecondsAgain() {
    rig.read("P1", Port.charging(3, 850));
    rig.pass(3_000).read("P1", Port.charging(3, 700));
    rig.pass(1_000).read("P1", Port.charging(3, 850));
    assertTrue(stops(rig.pass(4_000).read("P1", Port.charging(3, 850))).isEmpty(), "4 s since the dip");
    assertEquals(stop("P1", 3, StopReason.OVER_POWER),
        onlyStop(rig.pass(1_000).read("P1", Port.charging(3, 850))));
  }

  @Test
  void aFailedReadNeitherStopsNorResetsTheFiveSeconds() {
    rig.read("P1", Port.charging(3, 850));
    assertEquals(List.of(), rig.pass(3_000).read("P1", Port.failed(3)));
    assertEquals(List.of(), rig.pass(1_000).read("P1", Port.failed(3)));
    // Both ends of the gap saw 850 W: the condition has held for 5 s.
    assertEquals(stop("P1", 3, StopReason.OVER_POWER),
        onlyStop(rig.pass(1_000).read("P1", Port.charging(3, 850))));
  }

  @Test
  void aFailedReadDoesNotStartTheFiveSeconds() {
    rig.read("P1", Port.charging(3, 500));
    rig.pass(1_000).read("P1", Port.failed(3));
    rig.pass(4_000).read("P1", Port.charging(3, 850));
    assertTrue(stops(rig.pass(4_999).read("P1", Port.charging(3, 850))).isEmpty());
  }

  @Test
  void theLimitIsThePilesOwn() {
    ShedRig strict = new ShedRig(16_000, SafetyLimits.DEFAULTS.withOverrides(
        java.util.Map.of("overPowerW", 600, "overPowerSeconds", 2)));
    strict.read("P1", Port.charging(1, 650));
    assertEquals(stop("P1", 1, StopReason.OVER_POWER),
        onlyStop(strict.pass(2_000).read("P1", Port.charging(1, 650))));
  }
}
