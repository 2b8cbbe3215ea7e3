package io.doorstep.gateway.people;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * Validity dates as offices write them: 2025-06-30, 2025/6/30 or 2025.06.30, optionally with a time
 * (2025-06-30 18:00). A date alone means the whole day: from its start, or through its end.
 */
final class CsvDates {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-M-d").withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("uuuu-M-d H:mm[:ss]").withResolverStyle(ResolverStyle.STRICT);

  private CsvDates() {}

  /**
   * Unix ms; 0 for an empty cell (no limit). The end of validity is exclusive: "through
   * 2025-06-30" is "until 2025-07-01 00:00".
   *
   * @throws IllegalArgumentException saying what a date should look like
   */
  static long parse(String written, boolean end, ZoneId zone) {
    String t = written.strip().replace('/', '-').replace('.', '-').replaceAll("\\s+", " ");
    if (t.isEmpty()) {
      return 0;
    }
    try {
      if (t.contains(" ")) {
        return LocalDateTime.parse(t, DATE_TIME).atZone(zone).toInstant().toEpochMilli();
      }
      LocalDate day = LocalDate.parse(t, DATE);
      return (end ? day.plusDays(1) : day).atStartOfDay(zone).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + written.strip() + "' is not a date: write 2025-06-30, or 2025-06-30 18:00");
    }
  }
}
