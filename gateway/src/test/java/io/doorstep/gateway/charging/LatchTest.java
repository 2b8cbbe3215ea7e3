package io.doorstep.gateway.charging;

import static io.doorstep.gateway.charging.ShedRig.ended;
import static io.doorstep.gateway.charging.ShedRig.stop;
import static io.doorstep.gateway.charging.ShedRig.stops;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A port stopped for safety stays stopped until its plug is pulled. */
class LatchTest {
  private final ShedRig rig = new ShedRig();

  private void overPowerStop() {
    rig.read("P1", Port.charging(3, 900));
    assertEquals(List.of(stop("P1", 3, StopReason.OVER_POWER)), stops(rig.pass(5_000).read("P1", Port.charging(3, 900))));
    rig.pass(2_000).read("P1", Port.plugged(3));
  }

  @Test
  void aPortTheAutoStartClosesAgainIsStoppedAgainAtOnce() {
    overPowerStop();
    assertEquals(Optional.of(StopReason.OVER_POWER), rig.safety.startRefusal("P1", 3));
    var actions = rig.pass(2_000).read("P1", Port.charging(3, 300));
    assertEquals(List.of(stop("P1", 3, StopReason.OVER_POWER)), stops(actions));
    assertEquals(StopReason.OVER_POWER, ended(rig.pass(2_000).read("P1", Port.plugged(3))).get(0).reason());
  }

  @Test
  void pullingThePlugReleasesThePort() {
    overPowerStop();
    var pulled = rig.pass(2_000).read("P1", Port.empty(3));
    assertEquals(1, ShedRig.cleared(pulled, ChargingAlarm.OVER_POWER).size());
    assertEquals(Optional.empty(), rig.safety.startRefusal("P1", 3));
    assertTrue(stops(rig.pass(2_000).read("P1", Port.charging(3, 300))).isEmpty());
  }

  @Test
  void aFullBatteryStaysCutUntilUnplugged() {
    rig.read("P1", Port.charging(3, 10));
    assertEquals(List.of(stop("P1", 3, StopReason.FULL)), stops(rig.pass(7_200_000).read("P1", Port.charging(3, 10))));
    rig.pass(2_000).read("P1", Port.plugged(3));
    assertEquals(List.of(stop("P1", 3, StopReason.FULL)), stops(rig.pass(2_000).read("P1", Port.charging(3, 10))));
  }
}
