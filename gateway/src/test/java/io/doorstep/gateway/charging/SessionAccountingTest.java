package io.doorstep.gateway.charging;

import static io.doorstep.gateway.charging.ShedRig.ended;
import static io.doorstep.gateway.charging.ShedRig.started;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a session records: when, how much, the peaks and why it ended. */
class SessionAccountingTest {
  private final ShedRig rig = new ShedRig();

  @Test
  void aPlugInStartsASessionAndPullingItEndsItAsUnplugged() {
    rig.read("P1", Port.plugged(1));
    var start = started(rig.pass(2_000).read("P1", Port.charging(1, 300).energy(1).plug(31.0)));
    assertEquals(1, start.size());
    assertEquals(rig.now, start.get(0).startedAt());
    assertFalse(start.get(0).reconstructed());
    long startedAt = rig.now;

    rig.pass(600_000).read("P1", Port.charging(1, 650).energy(60).plug(41.5));
    rig.pass(600_000).read("P1", Port.charging(1, 500).energy(150).plug(38.0));
    var end = ended(rig.pass(2_000).read("P1", Port.empty(1).energy(150)));

    assertEquals(List.of(new ChargingSession("P1", 1, startedAt, rig.now, 149, 650, 41.5,
        StopReason.UNPLUGGED, false)), end);
  }

  @Test
  void aPortThatFaultsEndsItsSessionAsFault() {
    rig.read("P1", Port.charging(1, 300));
    var end = ended(rig.pass(2_000).read("P1", Port.faulted(1, 1)));
    assertEquals(StopReason.FAULT, end.get(0).reason());
  }

  @Test
  void aRelayThePileOpenedByItselfEndsAsPile() {
    rig.read("P1", Port.charging(1, 300));
    assertEquals(StopReason.PILE, ended(rig.pass(2_000).read("P1", Port.plugged(1))).get(0).reason());
  }

  @Test
  void aSessionTheGatewayStoppedEndsWithTheGatewaysReason() {
    rig.read("P1", Port.charging(1, 300).plug(71.0));
    var end = ended(rig.pass(2_000).read("P1", Port.plugged(1).plug(69.0)));
    assertEquals(StopReason.PLUG_HOT, end.get(0).reason());
    assertEquals(71.0, end.get(0).peakPlugTemperature());
  }

  @Test
  void aResidentsStopIsVerifiedAndNamedInTheSession() {
    rig.read("P1", Port.charging(1, 300));
    assertEquals(List.of(ShedRig.stop("P1", 1, StopReason.USER)),
        rig.safety.onStopRequest("P1", 1, StopReason.USER, rig.now));
    assertEquals(StopReason.USER, ended(rig.pass(2_000).read("P1", Port.plugged(1))).get(0).reason());
    assertTrue(rig.safety.startRefusal("P1", 1).isEmpty(), "a resident's stop does not latch");
  }

  @Test
  void aPortFoundChargingStartsFromItsRelaySecondsAndTheWholeRegister() {
    var start = started(rig.read("P1", Port.charging(9, 300).relaySeconds(600).energy(50)));
    assertEquals(rig.now - 600_000, start.get(0).startedAt());
    assertTrue(start.get(0).reconstructed());
    var end = ended(rig.pass(2_000).read("P1", Port.empty(9).energy(51)));
    assertEquals(51.0, end.get(0).energyWh(), 1e-9, "the register counts from the relay closing");
    assertTrue(end.get(0).reconstructed());
  }

  @Test
  void anEnergyRegisterThatRestartsMidSessionDoesNotLoseOrSubtract() {
    rig.read("P1", Port.plugged(1));
    rig.pass(1_000).read("P1", Port.charging(1, 300).energy(0));
    rig.pass(1_000).read("P1", Port.charging(1, 300).energy(40));
    rig.pass(1_000).read("P1", Port.charging(1, 300).energy(5));
    var end = ended(rig.pass(1_000).read("P1", Port.plugged(1).energy(7)));
    assertEquals(47.0, end.get(0).energyWh(), 1e-9);
  }

  @Test
  void aSessionWithoutATemperatureHasNoPeakTemperature() {
    rig.read("P1", Port.plugged(1));
    rig.pass(1_000).read("P1", Port.charging(1, 300).plug(null));
    assertNull(ended(rig.pass(1_000).read("P1", Port.plugged(1).plug(null))).get(0).peakPlugTemperature());
  }

  @Test
  void aFailedReadDoesNotEndASession() {
    rig.read("P1", Port.charging(1, 300));
    assertEquals(List.of(), rig.pass(2_000).read("P1", Port.failed(1)));
    assertTrue(ended(rig.pass(2_000).read("P1", Port.charging(1, 300))).isEmpty());
  }
}
