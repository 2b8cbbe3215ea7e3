package io.doorstep.gateway.access;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.gateway.config.AccessConfig;
import io.doorstep.gateway.config.AccessConfig.TimeRange;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Schedules in local time: across midnight, on holidays, and the night after a holiday. */
class WeeklyScheduleTest {
  /** Monday to Friday 22:00-06:00; holidays 20:00-02:00 instead. */
  private final WeeklySchedule nights = WeeklySchedule.of(new AccessConfig.Schedule("nights",
      weekdays(List.of(new TimeRange(22 * 60, 6 * 60))), List.of(new TimeRange(20 * 60, 2 * 60))));
  private final Set<LocalDate> holidays = Set.of(LocalDate.of(2025, 1, 1));
  private final Set<LocalDate> none = Set.of();

  private boolean open(WeeklySchedule s, String local, Set<LocalDate> holidays) {
    return s.isOpen(LocalDateTime.parse(local), holidays);
  }

  @Test
  void aNightRangeCoversTheNextMorning() {
    assertFalse(open(nights, "2025-01-06T21:59", none), "Monday before it starts");
    assertTrue(open(nights, "2025-01-06T22:00", none), "the start is included");
    assertTrue(open(nights, "2025-01-07T03:00", none), "Tuesday morning belongs to Monday's night");
    assertTrue(open(nights, "2025-01-07T05:59", none));
    assertFalse(open(nights, "2025-01-07T06:00", none), "the end is excluded");
    assertFalse(open(nights, "2025-01-07T12:00", none));
  }

  @Test
  void theWeekendHasNoNightsButFridaysReachIntoSaturday() {
    assertTrue(open(nights, "2025-01-11T05:00", none), "Saturday 05:00 is still Friday's night");
    assertFalse(open(nights, "2025-01-11T23:00", none), "Saturday night has no range");
    assertFalse(open(nights, "2025-01-13T03:00", none), "Monday 03:00 would be Sunday's night");
  }

  @Test
  void aHolidayUsesItsOwnRangesAndTheyDecideItsNight() {
    // 2025-01-01 is a Wednesday.
    assertTrue(open(nights, "2025-01-01T21:00", holidays), "holiday ranges start at 20:00");
    assertTrue(open(nights, "2025-01-02T01:30", holidays), "the holiday's night reaches into Thursday");
    assertFalse(open(nights, "2025-01-02T03:00", holidays), "not Wednesday's usual 06:00");
    assertTrue(open(nights, "2025-01-01T03:00", holidays), "Tuesday's night still ends on the holiday morning");
    assertFalse(open(nights, "2025-01-01T21:00", none), "without the holiday, Wednesday starts at 22:00");
  }

  @Test
  void holidaysKeepTheirWeekdayWhenTheScheduleSaysNothingAboutThem() {
    WeeklySchedule days = WeeklySchedule.of(new AccessConfig.Schedule("days",
        weekdays(List.of(new TimeRange(7 * 60, 19 * 60))), null));
    assertTrue(open(days, "2025-01-01T08:00", holidays));
    WeeklySchedule closed = WeeklySchedule.of(new AccessConfig.Schedule("days",
        weekdays(List.of(new TimeRange(7 * 60, 19 * 60))), List.of()));
    assertFalse(open(closed, "2025-01-01T08:00", holidays));
  }

  @Test
  void alwaysIsAlwaysOpen() {
    assertTrue(open(WeeklySchedule.ALWAYS, "2025-01-01T00:00", holidays));
    assertTrue(open(WeeklySchedule.ALWAYS, "2025-01-05T23:59", none));
  }

  private static Map<DayOfWeek, List<TimeRange>> weekdays(List<TimeRange> ranges) {
    Map<DayOfWeek, List<TimeRange>> week = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
        DayOfWeek.FRIDAY)) {
      week.put(d, ranges);
    }
    return week;
  }
}
