package io.doorstep.bench.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PacingScheduleTest {

  @Test
  void fiveHundredASecondIsOneSendEveryTwoMilliseconds() {
    PacingSchedule s = PacingSchedule.ofSeconds(500, 20, 10, 60);

    assertEquals(0, s.dueNanos(0));
    assertEquals(2_000_000, s.dueNanos(1));
    assertEquals(70 * 500, s.total());
  }

  @Test
  void dueTimesComeFromTheIndexSoALongRunDoesNotDrift() {
    // 3 a second does not divide a second evenly; adding a rounded interval would drift.
    PacingSchedule s = PacingSchedule.ofSeconds(3, 1, 0, 3600);

    assertEquals(3_600_000_000_000L, s.dueNanos(3 * 3600));
    assertEquals(333_333_333, s.dueNanos(1));
  }

  @Test
  void sendsGoRoundRobinSoEveryTerminalCarriesItsShare() {
    PacingSchedule s = PacingSchedule.ofSeconds(50, 20, 0, 60);

    long[] perTerminal = new long[20];
    LongStream.range(0, s.total()).forEach(i -> perTerminal[s.terminalOf(i)]++);

    assertTrue(LongStream.of(perTerminal).allMatch(n -> n == 150), "50/s for 60 s over 20 terminals");
  }

  @Test
  void warmUpSendsAreMadeButNotMeasured() {
    PacingSchedule s = PacingSchedule.ofSeconds(50, 20, 10, 60);

    assertFalse(s.measured(0));
    assertFalse(s.measured(499));
    assertTrue(s.measured(500));
    assertEquals(3000, LongStream.range(0, s.total()).filter(s::measured).count());
  }

  @Test
  void nonsenseIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> PacingSchedule.ofSeconds(0, 20, 10, 60));
    assertThrows(IllegalArgumentException.class, () -> PacingSchedule.ofSeconds(50, 0, 10, 60));
    assertThrows(IllegalArgumentException.class, () -> PacingSchedule.ofSeconds(50, 20, 10, 0));
  }
}
