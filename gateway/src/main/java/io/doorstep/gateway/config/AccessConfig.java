package io.doorstep.gateway.config;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The estate file's {@code access:} section: who may use which doors and when. The defaults
 * (residents at the gates and their own building, staff everywhere) need none of it; it names
 * only what differs from them.
 *
 * @param verifyRateLimit verifications a second one terminal may ask for; more are not answered
 * @param holidays dates on which each schedule's {@code holiday} ranges apply instead of the weekday's
 * @param refuseEbikesAt door kinds where someone with an e-bike is refused (人车分流)
 */
public record AccessConfig(
    int verifyRateLimit,
    List<Schedule> schedules,
    Set<LocalDate> holidays,
    List<Group> groups,
    List<Passback> passback,
    List<String> refuseEbikesAt) {

  public static final int DEFAULT_VERIFY_RATE_LIMIT = 20;

  /** E-bikes go through the e-bike gate, never through the pedestrian lanes or into a unit. */
  public static final List<String> DEFAULT_REFUSE_EBIKES_AT = List.of("pedestrian-gate", EstateConfig.UNIT_DOOR);

  public static final List<String> PERSON_KINDS = List.of("resident", "tenant", "staff", "visitor");

  /** Built in and derived from each person's household; the estate file cannot redefine it. */
  public static final String HOUSEHOLD_GROUP = "household";

  /** Built in for staff at all hours; a group of this id in the estate file replaces it. */
  public static final String STAFF_GROUP = "staff";

  public static final String STRICT = "strict";
  public static final String TIMED = "timed";
  public static final List<String> PASSBACK_MODES = List.of(STRICT, TIMED);

  public AccessConfig {
    schedules = List.copyOf(schedules);
    holidays = Set.copyOf(holidays);
    groups = List.copyOf(groups);
    passback = List.copyOf(passback);
    refuseEbikesAt = List.copyOf(refuseEbikesAt);
  }

  public static AccessConfig defaults() {
    return new AccessConfig(DEFAULT_VERIFY_RATE_LIMIT, List.of(), Set.of(), List.of(), List.of(),
        DEFAULT_REFUSE_EBIKES_AT);
  }

  /**
   * A weekly schedule. A range belongs to the day it starts on, so Monday's 22:00-06:00 still
   * holds at 03:00 on Tuesday, and a holiday's ranges decide its own night.
   *
   * @param week the ranges of each day; a day without ranges is closed
   * @param holiday the ranges of a holiday, or null when holidays keep their weekday's ranges
   */
  public record Schedule(String id, Map<DayOfWeek, List<TimeRange>> week, List<TimeRange> holiday) {
    public Schedule {
      Map<DayOfWeek, List<TimeRange>> copy = new EnumMap<>(DayOfWeek.class);
      week.forEach((day, ranges) -> copy.put(day, List.copyOf(ranges)));
      week = Map.copyOf(copy);
      holiday = holiday == null ? null : List.copyOf(holiday);
    }
  }

  /**
   * Minutes of the day, the end excluded; an end at or before the start crosses midnight.
   *
   * @param from 0..1439
   * @param to 1..1440 (1440 is 24:00)
   */
  public record TimeRange(int from, int to) {
    public boolean crossesMidnight() {
      return to <= from;
    }
  }

  /**
   * Who may use which doors, and when.
   *
   * @param doors door ids
   * @param doorKinds every door of these kinds, besides {@code doors}
   * @param personKinds every person of these kinds belongs, besides the members listed in the store
   * @param schedule a schedule id, or null for at all hours
   */
  public record Group(
      String id, String name, List<String> doors, List<String> doorKinds, List<String> personKinds, String schedule) {
    public Group {
      doors = List.copyOf(doors);
      doorKinds = List.copyOf(doorKinds);
      personKinds = List.copyOf(personKinds);
    }
  }

  /**
   * Doors that share anti-passback state.
   *
   * @param mode {@code strict}: in and out must alternate; {@code timed}: the same direction
   *     again only after {@code lockoutS}
   * @param lockoutS seconds, for {@code timed}; 0 for {@code strict}
   */
  public record Passback(String id, List<String> doors, String mode, int lockoutS) {
    public Passback {
      doors = List.copyOf(doors);
    }
  }
}
