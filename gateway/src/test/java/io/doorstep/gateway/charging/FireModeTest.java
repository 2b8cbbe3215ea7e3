package io.doorstep.gateway.charging;

import static io.doorstep.gateway.charging.ShedRig.stop;
import static io.doorstep.gateway.charging.ShedRig.stops;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Fire mode over the shed's zone: every port stopped, no start until the reset. */
class FireModeTest {
  private final ShedRig rig = new ShedRig();

  @Test
  void fireModeStopsEveryPortThatMayBeCharging() {
    rig.read("P1", Port.charging(1, 300), Port.idleClosed(2), Port.plugged(3));
    // P2 was never read: its relays may be closed.
    var actions = rig.safety.onFireMode(true, rig.now);
    var stops = stops(actions);
    assertTrue(stops.containsAll(List.of(stop("P1", 1, StopReason.FIRE_MODE), stop("P1", 2, StopReason.FIRE_MODE))));
    assertEquals(12, stops.size(), "P1's two closed relays and P2's ten unread ports");
    assertTrue(stops.stream().allMatch(s -> s.reason() == StopReason.FIRE_MODE));
  }

  @Test
  void duringFireModeAPortSeenChargingIsStoppedAgainAndStartsAreRefused() {
    rig.read("P1", Port.plugged(3));
    rig.safety.onFireMode(true, rig.now);
    assertEquals(Optional.of(StopReason.FIRE_MODE), rig.safety.startRefusal("P1", 3));
    assertEquals(List.of(stop("P1", 3, StopReason.FIRE_MODE)),
        stops(rig.pass(2_000).read("P1", Port.charging(3, 300))));
    // Even a fresh plug-in after an unplug.
    rig.pass(2_000).read("P1", Port.empty(3));
    assertEquals(List.of(stop("P1", 3, StopReason.FIRE_MODE)),
        stops(rig.pass(2_000).read("P1", Port.charging(3, 300))));
  }

  @Test
  void afterTheResetPortsMayStartAgain() {
    rig.read("P1", Port.charging(3, 300));
    rig.safety.onFireMode(true, rig.now);
    rig.pass(2_000).read("P1", Port.plugged(3));
    assertEquals(List.of(), rig.safety.onFireMode(false, rig.now));
    assertEquals(Optional.empty(), rig.safety.startRefusal("P1", 3));
    assertTrue(stops(rig.pass(2_000).read("P1", Port.charging(3, 300))).isEmpty());
  }

  @Test
  void fireModeTwiceStopsOnce() {
    rig.read("P1", Port.charging(3, 300));
    rig.safety.onFireMode(true, rig.now);
    assertEquals(List.of(), rig.safety.onFireMode(true, rig.now));
  }
}
