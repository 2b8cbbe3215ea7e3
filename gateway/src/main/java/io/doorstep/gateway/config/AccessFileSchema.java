package io.doorstep.gateway.config;

import io.doorstep.gateway.config.AccessConfig.Group;
import io.doorstep.gateway.config.AccessConfig.Passback;
import io.doorstep.gateway.config.AccessConfig.Schedule;
import io.doorstep.gateway.config.AccessConfig.TimeRange;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keys of the estate file's {@code access:} section, one entry at a time. References to
 * doors and schedules, and repeated ids, are {@link AccessReferenceCheck}'s.
 */
final class AccessFileSchema {
  private static final List<String> ACCESS =
      List.of("verifyRateLimit", "holidays", "schedules", "groups", "passback", "separation");
  private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
  private static final List<String> SCHEDULE = with(List.of("id"), DAYS, List.of("daily", "holiday"));
  private static final List<String> GROUP = List.of("id", "name", "doors", "doorKinds", "personKinds", "schedule");
  private static final List<String> PASSBACK = List.of("id", "doors", "mode", "lockoutS");
  private static final List<String> SEPARATION = List.of("refuseEbikesAt");

  private static final Pattern RANGE = Pattern.compile("(\\d{1,2}):(\\d{2})-(\\d{1,2}):(\\d{2})");
  private static final String DATE_RANGE_SEPARATOR = "..";

  static final TextRule TIME_RANGE = new TextRule(s -> timeRange(s) != null,
      "a time range HH:MM-HH:MM in 24-hour time, e.g. 07:00-19:00, or 22:00-06:00 across midnight "
          + "(00:00-24:00 is the whole day; start and end differ)");
  static final TextRule HOLIDAY = new TextRule(s -> dates(s) != null,
      "a date YYYY-MM-DD or an inclusive range YYYY-MM-DD..YYYY-MM-DD, e.g. 2025-01-28..2025-02-04");
  static final TextRule TIME_ZONE = new TextRule(AccessFileSchema::isZone,
      "a time zone id such as Asia/Shanghai");
  private static final TextRule DOOR_KIND = oneOf(EstateConfig.DOOR_KINDS);
  private static final TextRule PERSON_KIND = oneOf(AccessConfig.PERSON_KINDS);

  private AccessFileSchema() {}

  static AccessConfig read(YamlMap top) {
    // An absent section reads as empty, so every key below takes its default.
    YamlMap access = top.map("access", ACCESS);
    Set<LocalDate> holidays = new LinkedHashSet<>();
    access.texts("holidays", HOLIDAY).forEach(text -> {
      List<LocalDate> dates = dates(text);
      if (dates != null) {
        holidays.addAll(dates);
      }
    });
    YamlMap separation = access.map("separation", SEPARATION);
    List<String> refuse = separation.has("refuseEbikesAt")
        ? separation.texts("refuseEbikesAt", DOOR_KIND)
        : AccessConfig.DEFAULT_REFUSE_EBIKES_AT;
    return new AccessConfig(
        access.integer("verifyRateLimit", AccessConfig.DEFAULT_VERIFY_RATE_LIMIT, 1, 1000),
        access.maps("schedules", SCHEDULE).stream().map(AccessFileSchema::schedule).toList(),
        holidays,
        access.maps("groups", GROUP).stream().map(AccessFileSchema::group).toList(),
        access.maps("passback", PASSBACK).stream().map(AccessFileSchema::passback).toList(),
        refuse);
  }

  private static Schedule schedule(YamlMap schedule) {
    String id = schedule.requiredText("id", TextRule.ID);
    List<TimeRange> daily = ranges(schedule, "daily");
    Map<DayOfWeek, List<TimeRange>> week = new EnumMap<>(DayOfWeek.class);
    for (int i = 0; i < DAYS.size(); i++) {
      String day = DAYS.get(i);
      week.put(DayOfWeek.of(i + 1), schedule.has(day) ? ranges(schedule, day) : daily);
    }
    // holiday: [] closes on holidays, which is not the same as leaving the key out.
    return new Schedule(id, week, schedule.has("holiday") ? ranges(schedule, "holiday") : null);
  }

  private static List<TimeRange> ranges(YamlMap map, String key) {
    List<TimeRange> ranges = new ArrayList<>();
    for (String text : map.texts(key, TIME_RANGE)) {
      TimeRange range = timeRange(text);
      if (range != null) {
        ranges.add(range);
      }
    }
    return ranges;
  }

  private static Group group(YamlMap group) {
    String id = group.requiredText("id", TextRule.ID);
    if (AccessConfig.HOUSEHOLD_GROUP.equals(id)) {
      group.problem("id", "'" + AccessConfig.HOUSEHOLD_GROUP + "' is the built-in group of residents and tenants "
          + "(the gates and their own building); choose another id");
    }
    if (!group.has("doors") && !group.has("doorKinds")) {
      group.problem("doors", "a group needs doors, doorKinds or both: the doors its members may use");
    }
    return new Group(
        id,
        group.requiredText("name", TextRule.ANY),
        group.texts("doors", TextRule.ID),
        group.texts("doorKinds", DOOR_KIND),
        group.texts("personKinds", PERSON_KIND),
        group.text("schedule", TextRule.ID, null));
  }

  private static Passback passback(YamlMap passback) {
    String mode = passback.requiredOneOf("mode", AccessConfig.PASSBACK_MODES);
    int lockout = 0;
    if (AccessConfig.TIMED.equals(mode)) {
      passback.require("lockoutS", "required for mode timed: seconds before the same direction is allowed again");
      lockout = passback.integer("lockoutS", 0, 1, 86_400);
    } else if (mode != null) {
      passback.forbid("lockoutS", "only mode timed has a lock-out; strict alternates in and out whatever the time");
    }
    return new Passback(
        passback.requiredText("id", TextRule.ID),
        passback.requiredTexts("doors", TextRule.ID),
        mode,
        lockout);
  }

  static ZoneId zone(String text) {
    return text != null && isZone(text) ? ZoneId.of(text) : EstateConfig.DEFAULT_TIME_ZONE;
  }

  private static boolean isZone(String text) {
    try {
      ZoneId.of(text);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  /** The range, or null when the text is not one. */
  static TimeRange timeRange(String text) {
    Matcher m = RANGE.matcher(text);
    if (!m.matches()) {
      return null;
    }
    int from = minutes(m.group(1), m.group(2));
    int to = minutes(m.group(3), m.group(4));
    if (from < 0 || from >= 1440 || to <= 0 || to > 1440 || from == to) {
      return null;
    }
    return new TimeRange(from, to);
  }

  /** Minutes of the day, -1 when out of range; 24:00 is allowed here and refused as a start by the caller. */
  private static int minutes(String hours, String minutes) {
    int h = Integer.parseInt(hours);
    int m = Integer.parseInt(minutes);
    if (m > 59 || h > 24 || (h == 24 && m != 0)) {
      return -1;
    }
    return h * 60 + m;
  }

  /** The dates of a holiday entry, or null when the text is not one. */
  static List<LocalDate> dates(String text) {
    try {
      int cut = text.indexOf(DATE_RANGE_SEPARATOR);
      if (cut < 0) {
        return List.of(LocalDate.parse(text));
      }
      LocalDate first = LocalDate.parse(text.substring(0, cut));
      LocalDate last = LocalDate.parse(text.substring(cut + DATE_RANGE_SEPARATOR.length()));
      // A year of holidays is a typo, not a holiday.
      if (last.isBefore(first) || first.plusDays(366).isBefore(last)) {
        return null;
      }
      return first.datesUntil(last.plusDays(1)).toList();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static TextRule oneOf(List<String> allowed) {
    return new TextRule(allowed::contains, "one of " + String.join(", ", allowed));
  }

  @SafeVarargs
  private static List<String> with(List<String>... parts) {
    List<String> all = new ArrayList<>();
    for (List<String> part : parts) {
      all.addAll(part);
    }
    return List.copyOf(all);
  }
}
