package io.doorstep.gateway.charging;

import static io.doorstep.gateway.charging.ShedRig.cleared;
import static io.doorstep.gateway.charging.ShedRig.onlyStop;
import static io.doorstep.gateway.charging.ShedRig.raised;
import static io.doorstep.gateway.charging.ShedRig.stop;
import static io.doorstep.gateway.charging.ShedRig.stops;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.device.Severity;
import org.junit.jupiter.api.Test;

/** Plug temperature: warm at 55 °C, stopped at 70 °C or with a broken sensor while charging. */
class PlugTemperatureTest {
  private final ShedRig rig = new ShedRig();

  @Test
  void aPlugAt55IsAWarningOnlyOnceAndChargingGoesOn() {
    var first = rig.read("P1", Port.charging(2, 400).plug(55.0));
    var warm = raised(first, ChargingAlarm.PLUG_WARM);
    assertEquals(1, warm.size());
    assertEquals(Severity.WARNING, warm.get(0).severity());
    assertEquals("充电桩 P1 2号口 插头温度偏高（55 °C）", warm.get(0).textZh());
    assertTrue(stops(first).isEmpty());
    assertTrue(raised(rig.pass(2_000).read("P1", Port.charging(2, 400).plug(58.0))).isEmpty(),
        "raised once per episode");
  }

  @Test
  void aPlugJustBelow55IsNothing() {
    var actions = rig.read("P1", Port.charging(2, 400).plug(54.9));
    assertTrue(raised(actions).isEmpty());
    assertTrue(stops(actions).isEmpty());
  }

  @Test
  void theWarningEndsWhenThePlugHasCooledTwoDegreesBelowTheLevel() {
    rig.read("P1", Port.charging(2, 400).plug(56.0));
    assertTrue(cleared(rig.pass(2_000).read("P1", Port.charging(2, 400).plug(54.0)), ChargingAlarm.PLUG_WARM)
        .isEmpty(), "54 °C is within the margin");
    assertEquals(1, cleared(rig.pass(2_000).read("P1", Port.charging(2, 400).plug(52.9)),
        ChargingAlarm.PLUG_WARM).size());
    assertEquals(1, raised(rig.pass(2_000).read("P1", Port.charging(2, 400).plug(55.0)),
        ChargingAlarm.PLUG_WARM).size(), "a new episode");
  }

  @Test
  void aPlugAt70IsStoppedAtOnceWithPlugHot() {
    var actions = rig.read("P1", Port.charging(2, 400).plug(70.0));
    assertEquals(stop("P1", 2, StopReason.PLUG_HOT), onlyStop(actions));
    assertEquals(1, raised(actions, ChargingAlarm.PLUG_HOT).size());
    assertEquals(Severity.ALARM, raised(actions, ChargingAlarm.PLUG_HOT).get(0).severity());
  }

  @Test
  void aPlugAt69Point9KeepsCharging() {
    var actions = rig.read("P1", Port.charging(2, 400).plug(69.9));
    assertTrue(stops(actions).isEmpty());
    assertTrue(raised(actions, ChargingAlarm.PLUG_HOT).isEmpty());
  }

  @Test
  void aBrokenSensorWhileChargingStopsThePort() {
    var actions = rig.read("P1", Port.charging(5, 300).sensorBroken());
    assertEquals(stop("P1", 5, StopReason.SENSOR_BROKEN), onlyStop(actions));
    assertEquals(1, raised(actions, ChargingAlarm.SENSOR_BROKEN).size());
  }

  @Test
  void faultFourWhileChargingStopsThePort() {
    var actions = rig.read("P1", Port.charging(5, 300).plug(null).fault(PortReading.FAULT_SENSOR_BROKEN));
    assertEquals(stop("P1", 5, StopReason.SENSOR_BROKEN), onlyStop(actions));
  }

  @Test
  void aBrokenSensorOnAnIdlePortIsAnAlarmButNothingToStop() {
    var actions = rig.read("P1", Port.plugged(5).sensorBroken());
    assertTrue(stops(actions).isEmpty());
    assertEquals(1, raised(actions, ChargingAlarm.SENSOR_BROKEN).size());
  }

  @Test
  void aFailedTemperatureReadIsNotABrokenSensor() {
    var actions = rig.read("P1", Port.charging(5, 300).plug(null));
    assertTrue(actions.stream().noneMatch(a -> !(a instanceof SafetyAction.SessionStarted)), actions.toString());
  }
}
