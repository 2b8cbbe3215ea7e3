package io.doorstep.gateway.charging;

import static io.doorstep.gateway.charging.ShedRig.cleared;
import static io.doorstep.gateway.charging.ShedRig.raised;
import static io.doorstep.gateway.charging.ShedRig.stop;
import static io.doorstep.gateway.charging.ShedRig.stops;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.device.Severity;
import io.doorstep.gateway.charging.SafetyAction.Siren;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pile's status flags: smoke, cabinet heat, mains; and the ports' fault state. */
class PileFlagsTest {
  private final ShedRig rig = new ShedRig();

  @Test
  void smokeOnOnePileStopsEveryPortOfTheShedAndSoundsTheSiren() {
    rig.read("P2", Port.charging(1, 300), Port.charging(2, 300), Port.plugged(3));
    rig.read("P1", Port.charging(4, 300));
    var actions = rig.pass(2_000).readFlags("P1", PileReading.SMOKE, Port.charging(4, 300));

    assertTrue(stops(actions).containsAll(List.of(stop("P1", 4, StopReason.SMOKE),
        stop("P2", 1, StopReason.SMOKE), stop("P2", 2, StopReason.SMOKE))), actions.toString());
    assertEquals(3, stops(actions).size(), "ports known open or empty need no stop");
    var smoke = raised(actions, ChargingAlarm.SMOKE);
    assertEquals(1, smoke.size());
    assertEquals(Severity.CRITICAL, smoke.get(0).severity());
    assertEquals("充电桩 P1 检测到烟雾，全棚断电", smoke.get(0).textZh());
    assertTrue(actions.contains(new Siren("shed-1", true)));
  }

  @Test
  void whileSmokeLastsNoPortOfTheShedMayStartAndTheAlarmIsNotRepeated() {
    rig.read("P2", Port.plugged(1));
    rig.readFlags("P1", PileReading.SMOKE);
    assertEquals(Optional.of(StopReason.SMOKE), rig.safety.startRefusal("P2", 1));
    var actions = rig.pass(2_000).read("P2", Port.charging(1, 300));
    assertEquals(List.of(stop("P2", 1, StopReason.SMOKE)), stops(actions));
    var again = rig.pass(2_000).readFlags("P1", PileReading.SMOKE);
    assertTrue(raised(again).isEmpty());
    assertFalse(again.stream().anyMatch(Siren.class::isInstance));
  }

  @Test
  void theSirenStopsWhenNoPileSeesSmokeAnyMore() {
    rig.readFlags("P1", PileReading.SMOKE);
    rig.readFlags("P2", PileReading.SMOKE);
    var oneClear = rig.pass(2_000).readFlags("P1", 0);
    assertEquals(1, cleared(oneClear, ChargingAlarm.SMOKE).size());
    assertFalse(oneClear.contains(new Siren("shed-1", false)), "P2 still sees smoke");
    assertTrue(rig.pass(2_000).readFlags("P2", 0).contains(new Siren("shed-1", false)));
  }

  @Test
  void anUnreadStatusIsNotTheEndOfSmoke() {
    rig.readFlags("P1", PileReading.SMOKE);
    var actions = rig.pass(2_000).readFlags("P1", null);
    assertTrue(cleared(actions, ChargingAlarm.SMOKE).isEmpty());
    assertFalse(actions.stream().anyMatch(Siren.class::isInstance));
    assertEquals(Optional.of(StopReason.SMOKE), rig.safety.startRefusal("P1", 1));
  }

  @Test
  void noSmokeNoStop() {
    rig.read("P1", Port.charging(1, 300));
    assertTrue(stops(rig.pass(2_000).readFlags("P1", PileReading.DOOR_OPEN, Port.charging(1, 300))).isEmpty());
  }

  @Test
  void aHotCabinetStopsEveryPortOfItsPileOnly() {
    rig.read("P2", Port.charging(1, 300));
    var actions = rig.readFlags("P1", PileReading.CABINET_HOT, Port.charging(1, 300), Port.charging(2, 300));
    assertEquals(List.of(stop("P1", 1, StopReason.CABINET_HOT), stop("P1", 2, StopReason.CABINET_HOT)),
        stops(actions));
    assertEquals(Severity.ALARM, raised(actions, ChargingAlarm.CABINET_HOT).get(0).severity());
    assertTrue(rig.safety.startRefusal("P2", 1).isEmpty());
    assertEquals(1, cleared(rig.pass(2_000).readFlags("P1", 0), ChargingAlarm.CABINET_HOT).size());
  }

  @Test
  void mainsOutOfRangeIsAWarningOncePerEpisode() {
    var actions = rig.readFlags("P1", PileReading.MAINS_OUT_OF_RANGE, Port.charging(1, 300));
    var mains = raised(actions, ChargingAlarm.MAINS);
    assertEquals(Severity.WARNING, mains.get(0).severity());
    assertEquals("pile P1: mains voltage out of range (230 V)", mains.get(0).textEn());
    assertTrue(stops(actions).isEmpty());
    assertTrue(raised(rig.pass(2_000).readFlags("P1", PileReading.MAINS_OUT_OF_RANGE)).isEmpty());
    assertEquals(1, cleared(rig.pass(2_000).readFlags("P1", 0), ChargingAlarm.MAINS).size());
  }

  @Test
  void aFaultedPortIsAnAlarmWithItsFaultUntilUnplugged() {
    var actions = rig.read("P1", Port.faulted(8, 2));
    var fault = raised(actions, ChargingAlarm.PORT_FAULT);
    assertEquals("充电桩 P1 8号口 故障：短路", fault.get(0).textZh());
    assertEquals("pile P1 port 8 fault: short circuit", fault.get(0).textEn());
    assertEquals(2, fault.get(0).details().get("fault"));
    assertTrue(raised(rig.pass(2_000).read("P1", Port.faulted(8, 2))).isEmpty());
    assertEquals(1, cleared(rig.pass(2_000).read("P1", Port.empty(8)), ChargingAlarm.PORT_FAULT).size());
  }
}
