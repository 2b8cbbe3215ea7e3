package io.doorstep.gateway.access;

import static io.doorstep.gateway.access.AccessFixture.EBIKE_GATE;
import static io.doorstep.gateway.access.AccessFixture.GATE;
import static io.doorstep.gateway.access.AccessFixture.GATE_2;
import static io.doorstep.gateway.access.AccessFixture.UNIT_B01;
import static io.doorstep.gateway.access.AccessFixture.ZHANG;
import static io.doorstep.gateway.access.AccessFixture.face;
import static io.doorstep.gateway.access.AccessFixture.ms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.doorstep.device.AccessRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Anti-passback on its own: strict alternation, the timed lock-out, and passages reported late. */
class PassbackPolicyTest {
  private static final long T0 = ms("2025-01-06T08:00");
  private final PassbackState state = new PassbackState();
  private final AccessSnapshot snapshot = AccessFixture.snapshot(Memberships.none(), Blocklist.empty(), state,
      new PassUsage());
  private final AccessRules rules = snapshot.rules();
  private final PassbackPolicy policy = new PassbackPolicy();

  private Reason check(AccessRequest r, long at) {
    return policy.check(new Attempt(r, rules.doorOfDevice(r.device()), ZHANG, null, at), snapshot);
  }

  private void passed(String device, String direction, long at) {
    String group = rules.passbackAt(rules.doorOfDevice(device)).id();
    state.record(new PassbackState.Passage(group, ZHANG.id(), direction, at));
  }

  @Test
  void strictAlternatesInAndOutAcrossTheGroupsLanes() {
    assertNull(check(face(GATE, "R1001", "in"), T0), "the first passage is free");
    passed(GATE, "in", T0);
    assertEquals(Reason.PASSBACK, check(face(GATE_2, "R1001", "in"), T0 + 3_600_000), "in twice, an hour apart");
    assertNull(check(face(GATE_2, "R1001", "out"), T0 + 3_600_000));
    passed(GATE_2, "out", T0 + 3_600_000);
    assertNull(check(face(GATE, "R1001", "in"), T0 + 3_600_001));
  }

  @Test
  void timedRefusesTheSameDirectionWithinTheLockOut() {
    passed(EBIKE_GATE, "in", T0);
    assertEquals(Reason.PASSBACK, check(face(EBIKE_GATE, "R1001", "in"), T0 + 29_999));
    assertNull(check(face(EBIKE_GATE, "R1001", "in"), T0 + 30_000));
    assertNull(check(face(EBIKE_GATE, "R1001", "out"), T0 + 1_000), "the other direction is not locked");
  }

  @Test
  void doorsOutsideAnyGroupAndPassagesWithoutDirectionAreFree() {
    passed(GATE, "in", T0);
    assertNull(check(face(UNIT_B01, "R1001", "in"), T0 + 1));
    assertNull(check(face(GATE, "R1001", null), T0 + 1));
  }

  @Test
  void aPassageIsJudgedOnlyAgainstEarlierOnes() {
    passed(GATE, "in", T0);
    assertNull(check(face(GATE, "R1001", "in"), T0 - 60_000), "a late record from before the known passage");
    assertNull(check(face(GATE, "R1001", "in"), T0), "a repeated record judged against itself");
  }

  @Test
  void theStateNeverRollsBack() {
    state.record(new PassbackState.Passage("south-gate", "R1001", "out", T0));
    assertFalse(state.record(new PassbackState.Passage("south-gate", "R1001", "in", T0 - 1)));
    assertEquals("out", state.last("south-gate", "R1001").direction());
    assertEquals(1, state.size());
  }

  @Test
  void visitorsAreFollowedByTheirPass() {
    VisitorPass pass = new VisitorPass("p9", List.of("G1-L1"), 0, Long.MAX_VALUE, 0);
    state.record(new PassbackState.Passage("south-gate", "pass:p9", "in", T0));
    AccessRequest r = AccessFixture.qr(GATE, "ignored", "in");
    assertEquals(Reason.PASSBACK, policy.check(new Attempt(r, rules.doorOfDevice(GATE), null, pass, T0 + 1), snapshot));
  }
}
