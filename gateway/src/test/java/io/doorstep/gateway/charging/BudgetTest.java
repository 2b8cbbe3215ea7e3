package io.doorstep.gateway.charging;

import static io.doorstep.gateway.charging.ShedRig.cleared;
import static io.doorstep.gateway.charging.ShedRig.raised;
import static io.doorstep.gateway.charging.ShedRig.stop;
import static io.doorstep.gateway.charging.ShedRig.stops;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The shed's breaker budget: the newest charges give way, no more of them than needed. */
class BudgetTest {
  private final ShedRig rig = new ShedRig(2_000, SafetyLimits.DEFAULTS);

  @Test
  void overTheBudgetTheNewestSessionStopsWhenThatIsEnough() {
    rig.read("P1", Port.plugged(1), Port.plugged(2), Port.plugged(3));
    rig.read("P2", Port.plugged(1));
    rig.pass(1_000).read("P1", Port.charging(1, 700));
    rig.pass(1_000).read("P2", Port.charging(1, 700));
    rig.pass(1_000).read("P1", Port.charging(1, 700), Port.charging(2, 300));
    // 700 + 700 + 300 + 600 = 2300 W over 2000 W: the newest (P1/3, 600 W) alone brings it to 1700 W.
    var actions = rig.pass(1_000).read("P1", Port.charging(1, 700), Port.charging(2, 300), Port.charging(3, 600));
    assertEquals(List.of(stop("P1", 3, StopReason.BUDGET)), stops(actions));
    var alarm = raised(actions, ChargingAlarm.BUDGET);
    assertEquals("1号棚 总功率超出配电容量（2300 W / 2000 W），已停止最新的充电", alarm.get(0).textZh());
    assertEquals(null, alarm.get(0).pileId());
  }

  @Test
  void whenPowersRiseTheNewestGiveWayOneByOneUntilTheRestFits() {
    rig.read("P1", Port.plugged(1), Port.plugged(2), Port.plugged(3), Port.plugged(4));
    rig.pass(1_000).read("P1", Port.charging(1, 300), Port.plugged(2), Port.plugged(3), Port.plugged(4));
    rig.pass(1_000).read("P1", Port.charging(1, 300), Port.charging(2, 300), Port.plugged(3), Port.plugged(4));
    rig.pass(1_000).read("P1", Port.charging(1, 300), Port.charging(2, 300), Port.charging(3, 300), Port.plugged(4));
    rig.pass(1_000).read("P1", Port.charging(1, 300), Port.charging(2, 300), Port.charging(3, 300),
        Port.charging(4, 100));
    // 790 + 790 + 600 + 100 = 2280 W: without port 4 still 2180 W, without port 3 too 1580 W.
    var actions = rig.pass(1_000).read("P1", Port.charging(1, 790), Port.charging(2, 790),
        Port.charging(3, 600), Port.charging(4, 100));
    assertEquals(List.of(stop("P1", 4, StopReason.BUDGET), stop("P1", 3, StopReason.BUDGET)), stops(actions));
  }

  @Test
  void aNewPlugInIsTheOneThatGivesWay() {
    rig.read("P1", Port.plugged(1), Port.plugged(2), Port.plugged(3));
    rig.pass(1_000).read("P1", Port.charging(1, 790));
    rig.pass(1_000).read("P1", Port.charging(1, 790), Port.charging(2, 790));
    var actions = rig.pass(1_000).read("P1", Port.charging(1, 790), Port.charging(2, 790), Port.charging(3, 500));
    assertEquals(List.of(stop("P1", 3, StopReason.BUDGET)), stops(actions));
  }

  @Test
  void exactlyTheBudgetIsWithinIt() {
    rig.read("P1", Port.charging(1, 700), Port.charging(2, 700), Port.charging(3, 600));
    assertTrue(stops(rig.pass(1_000).read("P1", Port.charging(1, 700), Port.charging(2, 700),
        Port.charging(3, 600))).isEmpty());
  }

  @Test
  void theBudgetAlarmEndsWhenTheShedIsBackUnder() {
    rig.read("P1", Port.charging(1, 700), Port.charging(2, 700), Port.charging(3, 700));
    var back = rig.pass(1_000).read("P1", Port.charging(1, 700), Port.charging(2, 700), Port.plugged(3));
    assertEquals(1, cleared(back, ChargingAlarm.BUDGET).size());
  }

  @Test
  void theBudgetCountsEveryPileOfTheShed() {
    rig.read("P1", Port.charging(1, 750));
    rig.pass(1_000).read("P2", Port.plugged(5));
    var actions = rig.pass(1_000).read("P2", Port.charging(5, 750), Port.charging(6, 750));
    assertEquals(1, stops(actions).size());
    assertEquals("P2", stops(actions).get(0).pileId());
  }
}
