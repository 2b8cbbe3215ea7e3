package io.doorstep.gateway.upstream;

import io.doorstep.device.EventKinds;
import java.util.List;
import java.util.stream.Collectors;

/** What the platform must get whatever the backlog: the records a person may be held to. */
final class UpstreamPolicy {
  /**
   * Never dropped from a full backlog: passages (who went where) and the charging-safety
   * record (stops, sessions, alarms). Alarms travel in their own lane and are never dropped
   * either; what may go are device states, door states and the like, newest kept.
   */
  static final List<String> NEVER_DROPPED = List.of(
      EventKinds.PASSAGE, EventKinds.OFFLINE_PASSAGE, EventKinds.CHARGING_STOP, EventKinds.CHARGING_ALARM,
      EventKinds.CHARGING_ALARM_CLEARED, EventKinds.CHARGING_SESSION_STARTED, EventKinds.CHARGING_SESSION_ENDED,
      EventKinds.FIRE_ALARM, EventKinds.FIRE_CLEAR, EventKinds.DOOR_REMOTE_OPEN);

  private UpstreamPolicy() {}

  static String neverDroppedSql() {
    return NEVER_DROPPED.stream().map(k -> "'" + k.replace("'", "''") + "'").collect(Collectors.joining(", "));
  }
}
