package io.doorstep.gateway.charging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one table of alarm and stop texts. */
class ChargingAlarmTableTest {

  @Test
  void everyAlarmHasAStableCodeAndBothLanguages() {
    Set<String> codes = new HashSet<>();
    for (ChargingAlarm a : ChargingAlarm.values()) {
      assertTrue(a.code().matches("charging\\.[a-z-]+"), a.code());
      assertTrue(codes.add(a.code()), "unique " + a.code());
      assertFalse(a.textZh("P", "v").isBlank());
      assertFalse(a.textEn("P", "v").isBlank());
    }
  }

  @Test
  void theCodesPeopleFilterOnStayTheSame() {
    assertEquals("charging.over-power", ChargingAlarm.OVER_POWER.code());
    assertEquals("charging.relay-welded", ChargingAlarm.RELAY_WELDED.code());
    assertEquals("charging.smoke", ChargingAlarm.SMOKE.code());
  }

  @Test
  void everyStopReasonHasACodeAndBothLanguages() {
    assertEquals(StopReason.values().length,
        Arrays.stream(StopReason.values()).map(StopReason::code).distinct().count());
    for (StopReason r : StopReason.values()) {
      assertFalse(r.textZh().isBlank());
      assertFalse(r.textEn().isBlank());
    }
    assertFalse(StopReason.USER.latches());
    assertTrue(StopReason.OVER_POWER.latches());
  }
}
