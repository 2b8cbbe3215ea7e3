package io.doorstep.gateway.web.office;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Validity as the form shows it again, the inverse of how it is read (docs/people.md): a stored
 * end is exclusive, so "until 2025-07-01 00:00" is written back as "2025-06-30", the last day.
 */
final class FormDates {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd");
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

  private FormDates() {}

  static String from(long ms, ZoneId zone) {
    if (ms == 0) {
      return "";
    }
    LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochMilli(ms), zone);
    return t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? t.format(DAY) : t.format(MINUTE);
  }

  static String to(long ms, ZoneId zone) {
    if (ms == 0) {
      return "";
    }
    LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochMilli(ms), zone);
    return t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? t.minusDays(1).format(DAY) : t.format(MINUTE);
  }
}
