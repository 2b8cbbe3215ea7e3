package io.doorstep.sim.lane;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The simulated arm keeps to the interface's rules. */
class BarrierTest {
  private final Barrier barrier = new Barrier();

  @Test
  void aRaiseAndALowerMoveTheArm() {
    assertEquals(new Barrier.Outcome(true, null, true), barrier.apply("raise"));
    assertEquals("up", barrier.state());
    assertEquals(new Barrier.Outcome(true, null, false), barrier.apply("raise"));
    assertEquals(new Barrier.Outcome(true, null, true), barrier.apply("lower"));
    assertEquals("down", barrier.state());
  }

  @Test
  void aLowerDuringAHoldUpIsRefusedAndOnlyAReleaseEndsIt() {
    barrier.apply("hold-up");

    assertEquals(new Barrier.Outcome(false, Barrier.HELD_UP_ERROR, false), barrier.apply("lower"));
    assertEquals(new Barrier.Outcome(true, null, false), barrier.apply("raise"));
    assertEquals("held-up", barrier.state());
    assertEquals(new Barrier.Outcome(true, null, true), barrier.apply("release"));
    assertEquals("down", barrier.state());
  }

  @Test
  void anUnknownActionIsABadRequest() {
    assertEquals(new Barrier.Outcome(false, "BAD_REQUEST", false), barrier.apply("open"));
    assertEquals("down", barrier.state());
  }
}
