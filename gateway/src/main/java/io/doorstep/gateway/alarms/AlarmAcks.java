package io.doorstep.gateway.alarms;

import java.sql.Connection;
import java.sql.SQLException;

/** An acknowledgement, checked and applied in one write so that two guards cannot both succeed. */
final class AlarmAcks {
  /**
   * @param before the alarm before, null if there is none with that id
   * @param after the alarm as acknowledged, null if it had been acknowledged before
   */
  record Outcome(Alarm before, Alarm after) {}

  private AlarmAcks() {}

  /** What is wrong with the request, or null. */
  static String problem(AlarmBus.Acknowledge ack) {
    if (ack.by() == null || ack.by().isBlank()) {
      return "say who acknowledges the alarm";
    }
    if (ack.by().length() > AlarmBus.MAX_BY) {
      return "a name of at most " + AlarmBus.MAX_BY + " characters";
    }
    if (ack.note() != null && ack.note().length() > AlarmBus.MAX_NOTE) {
      return "a note of at most " + AlarmBus.MAX_NOTE + " characters";
    }
    return null;
  }

  static Outcome apply(Connection c, AlarmBus.Acknowledge ack, long ts) throws SQLException {
    Alarm before = AlarmRows.byId(c, ack.alarmId());
    if (before == null || before.acknowledged()) {
      return new Outcome(before, null);
    }
    AlarmRows.acknowledge(c, before, ack.by().strip(), ack.note(), ts);
    return new Outcome(before, AlarmRows.byId(c, ack.alarmId()));
  }
}
