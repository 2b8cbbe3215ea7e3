package io.doorstep.gateway.charging;

import static io.doorstep.gateway.charging.ShedRig.ended;
import static io.doorstep.gateway.charging.ShedRig.onlyStop;
import static io.doorstep.gateway.charging.ShedRig.raised;
import static io.doorstep.gateway.charging.ShedRig.stop;
import static io.doorstep.gateway.charging.ShedRig.stops;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The ends of a normal charge: full, too long, nothing drawing. */
class SessionRulesTest {
  private static final long MINUTE = 60_000;
  private final ShedRig rig = new ShedRig();

  @Test
  void aChargeBelow15WattsFor120MinutesIsFullAndCut() {
    rig.read("P1", Port.charging(4, 400));
    rig.pass(MINUTE).read("P1", Port.charging(4, 10));
    assertTrue(stops(rig.pass(119 * MINUTE).read("P1", Port.charging(4, 12))).isEmpty(), "119 min");
    var actions = rig.pass(MINUTE).read("P1", Port.charging(4, 12));
    assertEquals(stop("P1", 4, StopReason.FULL), onlyStop(actions));
    assertTrue(raised(actions).isEmpty(), "a full battery is no alarm");
  }

  @Test
  void aChargeJustUnder120MinutesBelow15WattsGoesOn() {
    rig.read("P1", Port.charging(4, 10));
    assertTrue(stops(rig.pass(120 * MINUTE - 1).read("P1", Port.charging(4, 14.9))).isEmpty());
  }

  @Test
  void fifteenWattsIsNotBelowFifteen() {
    rig.read("P1", Port.charging(4, 15));
    assertTrue(stops(rig.pass(121 * MINUTE).read("P1", Port.charging(4, 15))).isEmpty());
  }

  @Test
  void aSessionOfEightHoursIsStoppedWithTimeLimit() {
    rig.read("P1", Port.charging(6, 300));
    assertTrue(stops(rig.pass(480 * MINUTE - 1).read("P1", Port.charging(6, 300))).isEmpty());
    assertEquals(stop("P1", 6, StopReason.TIME_LIMIT),
        onlyStop(rig.pass(1).read("P1", Port.charging(6, 300))));
  }

  @Test
  void aSessionFoundThreeHoursOldIsStoppedFiveHoursLater() {
    var first = rig.read("P1", Port.charging(6, 300).relaySeconds(3 * 3600));
    var start = ShedRig.started(first).get(0);
    assertEquals(rig.now - 3 * 3_600_000L, start.startedAt());
    assertTrue(start.reconstructed());
    assertTrue(stops(rig.pass(300 * MINUTE - 1).read("P1", Port.charging(6, 300))).isEmpty());
    assertEquals(stop("P1", 6, StopReason.TIME_LIMIT),
        onlyStop(rig.pass(1).read("P1", Port.charging(6, 300))));
  }

  @Test
  void aClosedRelayBelow2WattsFor120SecondsIsStoppedAsUnplugged() {
    rig.read("P1", Port.charging(7, 300));
    rig.pass(1_000).read("P1", Port.charging(7, 1.5));
    assertTrue(stops(rig.pass(119_999).read("P1", Port.idleClosed(7))).isEmpty(), "just under 120 s");
    assertEquals(stop("P1", 7, StopReason.UNPLUGGED),
        onlyStop(rig.pass(1).read("P1", Port.idleClosed(7))));
  }

  @Test
  void twoWattsIsNotBelowTwo() {
    rig.read("P1", Port.charging(7, 2));
    assertTrue(stops(rig.pass(10 * MINUTE).read("P1", Port.charging(7, 2))).isEmpty());
  }

  @Test
  void theSessionEndsWithTheReasonOfTheStop() {
    rig.read("P1", Port.plugged(7));
    rig.pass(1_000).read("P1", Port.charging(7, 2).energy(100));
    rig.pass(60_000).read("P1", Port.charging(7, 1).energy(101));
    rig.pass(120_000).read("P1", Port.charging(7, 1).energy(102));
    var ended = ended(rig.pass(2_000).read("P1", Port.plugged(7).energy(102)));
    assertEquals(1, ended.size());
    assertEquals(StopReason.UNPLUGGED, ended.get(0).reason());
    assertEquals(2.0, ended.get(0).energyWh(), 1e-9);
  }
}
