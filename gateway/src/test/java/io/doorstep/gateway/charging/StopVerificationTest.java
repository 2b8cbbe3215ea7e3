package io.doorstep.gateway.charging;

import static io.doorstep.gateway.charging.ShedRig.cleared;
import static io.doorstep.gateway.charging.ShedRig.onlyStop;
import static io.doorstep.gateway.charging.ShedRig.raised;
import static io.doorstep.gateway.charging.ShedRig.stop;
import static io.doorstep.gateway.charging.ShedRig.stops;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.device.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every stop is read back; a relay that stays closed calls a person to the breaker. */
class StopVerificationTest {
  private final ShedRig rig = new ShedRig();

  private void stopForHeat() {
    assertEquals(stop("P1", 2, StopReason.PLUG_HOT), onlyStop(rig.read("P1", Port.charging(2, 400).plug(72.0))));
  }

  @Test
  void aStopTheReadBackShowsDoneRaisesNothing() {
    stopForHeat();
    var actions = rig.pass(2_000).read("P1", Port.plugged(2).plug(68.0));
    assertTrue(raised(actions, ChargingAlarm.RELAY_WELDED).isEmpty());
    assertTrue(rig.pass(2_000).read("P1", Port.plugged(2).plug(60.0)).stream()
        .noneMatch(a -> a instanceof SafetyAction.RaiseAlarm r && r.kind() == ChargingAlarm.RELAY_WELDED));
    assertTrue(rig.safety.onTick(rig.now + 600_000).isEmpty(), "nothing left to confirm");
  }

  @Test
  void aRelayStillClosedAtTheSecondReadingIsACriticalAlarmNamingTheBreaker() {
    stopForHeat();
    assertTrue(raised(rig.pass(2_000).read("P1", Port.charging(2, 400).plug(72.0))).isEmpty(),
        "one reading may have been taken before the write");
    var actions = rig.pass(2_000).read("P1", Port.charging(2, 400).plug(73.0));
    var welded = raised(actions, ChargingAlarm.RELAY_WELDED);
    assertEquals(1, welded.size());
    assertEquals(Severity.CRITICAL, welded.get(0).severity());
    assertEquals("充电桩 P1 2号口 继电器无法断开，请立即切断 1号棚 3号配电箱 断路器 QF3", welded.get(0).textZh());
    assertEquals("pile P1 port 2: relay will not open, cut breaker QF3 in shed 1 now", welded.get(0).textEn());
    assertEquals("1号棚 3号配电箱 断路器 QF3", welded.get(0).details().get("breakerZh"));
    assertEquals(List.of(stop("P1", 2, StopReason.PLUG_HOT)), stops(actions), "the stop is sent once more");

    var later = rig.pass(2_000).read("P1", Port.charging(2, 400).plug(74.0));
    assertTrue(raised(later, ChargingAlarm.RELAY_WELDED).isEmpty(), "once per episode");
    assertTrue(stops(later).isEmpty(), "no flood of writes to a relay that cannot open");
  }

  @Test
  void currentAfterTheStopIsAFailedStopEvenIfTheStateSaysOpen() {
    stopForHeat();
    rig.pass(2_000).read("P1", Port.plugged(2).current(900).plug(70.0));
    // The first read-back above was not "open": the stop stays pending.
    var actions = rig.pass(2_000).read("P1", Port.plugged(2).current(900).plug(70.0));
    assertEquals(1, raised(actions, ChargingAlarm.RELAY_WELDED).size());
  }

  @Test
  void faultThreeIsAWeldedRelayAtOnce() {
    var actions = rig.read("P1", Port.faulted(6, PortReading.FAULT_RELAY_WELDED));
    assertEquals(1, raised(actions, ChargingAlarm.RELAY_WELDED).size());
    assertTrue(raised(actions, ChargingAlarm.PORT_FAULT).isEmpty(), "one alarm, the one with the instruction");
  }

  @Test
  void theWeldedAlarmEndsWhenTheRelayIsSeenOpen() {
    stopForHeat();
    rig.pass(2_000).read("P1", Port.charging(2, 400));
    rig.pass(2_000).read("P1", Port.charging(2, 400));
    var open = rig.pass(2_000).read("P1", Port.plugged(2).plug(50.0));
    assertEquals(1, cleared(open, ChargingAlarm.RELAY_WELDED).size());
  }

  @Test
  void aFailedWriteIsSentAgainAFewTimes() {
    stopForHeat();
    assertEquals(List.of(stop("P1", 2, StopReason.PLUG_HOT)), rig.safety.onStopResult("P1", 2, false, rig.now));
    assertEquals(List.of(stop("P1", 2, StopReason.PLUG_HOT)), rig.safety.onStopResult("P1", 2, false, rig.now));
    assertEquals(List.of(), rig.safety.onStopResult("P1", 2, false, rig.now));
    assertEquals(List.of(), rig.safety.onStopResult("P1", 2, true, rig.now));
  }

  @Test
  void aStopThatNoReadingConfirmsIsAnAlarmAfterThirtySeconds() {
    stopForHeat();
    rig.pass(2_000).read("P1", Port.failed(2));
    assertTrue(rig.safety.onTick(rig.now + 27_999).isEmpty());
    var actions = rig.safety.onTick(rig.now + 28_000);
    var alarm = raised(actions, ChargingAlarm.STOP_UNCONFIRMED);
    assertEquals(Severity.CRITICAL, alarm.get(0).severity());
    assertTrue(alarm.get(0).textEn().contains("cut breaker QF3 in shed 1"));
    assertTrue(rig.safety.onTick(rig.now + 40_000).isEmpty(), "once");
    var confirmed = rig.pass(40_000).read("P1", Port.plugged(2).plug(40.0));
    assertEquals(1, cleared(confirmed, ChargingAlarm.STOP_UNCONFIRMED).size());
  }

  @Test
  void aPilesOwnBreakerIsNamedInsteadOfTheSheds() {
    Breaker qf7 = new Breaker("1号棚 2号配电箱 断路器 QF7", "breaker QF7 in shed 1");
    ShedSafety shed = new ShedSafety(new ShedConfig("shed-1", "1号棚", "shed 1", 16_000, ShedRig.QF3,
        List.of(new PileConfig("P9", SafetyLimits.DEFAULTS, 10, qf7))));
    var actions = shed.onReading(new PileReading("P9", 1, 0, 230.0, 30.0,
        List.of(new PortReading(1, 4, 3, 0, 0, 0, 30.0, false, 0, true))), 1);
    assertTrue(raised(actions, ChargingAlarm.RELAY_WELDED).get(0).textZh().endsWith("QF7"));
  }
}
