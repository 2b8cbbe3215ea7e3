package io.doorstep.gateway.access;

import io.doorstep.gateway.config.AccessConfig;
import io.doorstep.gateway.config.AccessConfig.TimeRange;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * When a group's doors open to its members, in the estate's local time. A range belongs to the
 * day it starts on: Monday's 22:00-06:00 covers Tuesday 03:00, and if Monday is a holiday it is
 * Monday's holiday ranges that reach into Tuesday morning.
 */
public final class WeeklySchedule {
  /** For groups without a schedule. */
  public static final WeeklySchedule ALWAYS = new WeeklySchedule("always", allDay(), null);

  private final String id;
  private final Map<DayOfWeek, List<TimeRange>> week;
  private final List<TimeRange> holiday;

  private WeeklySchedule(String id, Map<DayOfWeek, List<TimeRange>> week, List<TimeRange> holiday) {
    this.id = id;
    this.week = week;
    this.holiday = holiday;
  }

  private static Map<DayOfWeek, List<TimeRange>> allDay() {
    Map<DayOfWeek, List<TimeRange>> week = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : DayOfWeek.values()) {
      week.put(day, List.of(new TimeRange(0, 1440)));
    }
    return Map.copyOf(week);
  }

  public static WeeklySchedule of(AccessConfig.Schedule schedule) {
    return new WeeklySchedule(schedule.id(), schedule.week(), schedule.holiday());
  }

  public String id() {
    return id;
  }

  public boolean isOpen(LocalDateTime local, Set<LocalDate> holidays) {
    int minute = local.getHour() * 60 + local.getMinute();
    LocalDate today = local.toLocalDate();
    for (TimeRange r : rangesOf(today, holidays)) {
      if (minute >= r.from() && (r.crossesMidnight() || minute < r.to())) {
        return true;
      }
    }
    for (TimeRange r : rangesOf(today.minusDays(1), holidays)) {
      if (r.crossesMidnight() && minute < r.to()) {
        return true;
      }
    }
    return false;
  }

  private List<TimeRange> rangesOf(LocalDate day, Set<LocalDate> holidays) {
    if (holiday != null && holidays.contains(day)) {
      return holiday;
    }
    return week.getOrDefault(day.getDayOfWeek(), List.of());
  }
}
