package io.doorstep.gateway.alarms;

import io.doorstep.device.DeviceEvent;
import io.doorstep.device.EventIds;
import io.doorstep.device.EventKinds;
import io.doorstep.device.Severity;
import io.vertx.core.json.JsonObject;

/** Every change of an alarm is also an event in the log, so the log alone tells the whole story. */
final class AlarmEvents {
  private AlarmEvents() {}

  /** The raise event's id comes from its cause, so a cause seen twice cannot log two raises. */
  static String raisedId(DeviceEvent cause) {
    return cause.id() + "/alarm";
  }

  static DeviceEvent raised(Alarm alarm, String door, String causeId) {
    return new DeviceEvent(alarm.eventId(), alarm.raisedTs(), alarm.device(), EventKinds.ALARM_RAISED,
        alarm.type().severity(), base(alarm, door).put("cause", causeId));
  }

  static DeviceEvent cleared(Alarm alarm, String door, String causeId) {
    return new DeviceEvent(EventIds.next(), alarm.clearedTs(), alarm.device(), EventKinds.ALARM_CLEARED,
        Severity.INFO, base(alarm, door).put("cause", causeId));
  }

  static DeviceEvent acknowledged(Alarm alarm, String door) {
    return new DeviceEvent(EventIds.next(), alarm.ackedTs(), alarm.device(), EventKinds.ALARM_ACKED,
        Severity.INFO, base(alarm, door).put("by", alarm.ackedBy()).put("note", alarm.note()));
  }

  private static JsonObject base(Alarm alarm, String door) {
    return new JsonObject().put("alarmId", alarm.id()).put("type", alarm.type().code()).put("door", door);
  }
}
