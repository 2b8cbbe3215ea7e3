package io.doorstep.gateway.alarms;

import io.doorstep.device.DeviceEvent;
import io.doorstep.device.EventKinds;
import java.util.List;

/**
 * Which stored events raise or clear which alarms. Pure, so that every rule has a test without
 * a broker or a database.
 */
final class AlarmRules {
  /** What one event does to the alarms of its device. */
  sealed interface Change {}

  record Raise(AlarmType type) implements Change {}

  /** Ends the open alarms of these types, of the event's device only unless {@code anyDevice}. */
  record Clear(List<AlarmType> types, boolean anyDevice) implements Change {}

  private AlarmRules() {}

  static List<Change> changesFor(DeviceEvent event) {
    return switch (event.kind()) {
      case EventKinds.DOOR_STATE -> doorState(event);
      case EventKinds.DEVICE_ALARM -> deviceAlarm(event.payload().getString("type"));
      case EventKinds.FIRE_MODE_STARTED -> List.of(new Raise(AlarmType.FIRE));
      case EventKinds.FIRE_MODE_ENDED -> List.of(new Clear(List.of(AlarmType.FIRE), true));
      case EventKinds.LINE_LOST -> List.of(new Raise(AlarmType.LINE_LOST));
      case EventKinds.LINE_UP -> List.of(new Clear(List.of(AlarmType.LINE_LOST), false));
      case EventKinds.UPSTREAM_REFUSED -> List.of(new Raise(AlarmType.UPSTREAM_REFUSED));
      case EventKinds.UPSTREAM_CONNECTED -> List.of(new Clear(List.of(AlarmType.UPSTREAM_REFUSED), false));
      case EventKinds.CHARGING_ALARM -> ofType(event, Raise::new);
      case EventKinds.CHARGING_ALARM_CLEARED -> ofType(event, t -> new Clear(List.of(t), false));
      default -> List.of();
    };
  }

  private static List<Change> doorState(DeviceEvent event) {
    String state = event.payload().getString("state");
    if ("closed".equals(state)) {
      // Both conditions are about an open door; a closed one ends them.
      return List.of(new Clear(List.of(AlarmType.DOOR_FORCED, AlarmType.DOOR_HELD_OPEN), false));
    }
    if ("open".equals(state) && Boolean.TRUE.equals(event.payload().getBoolean("forced"))) {
      return List.of(new Raise(AlarmType.DOOR_FORCED));
    }
    return List.of();
  }

  /** A charging alarm names its type in the payload; an unknown one changes nothing. */
  private static List<Change> ofType(DeviceEvent event, java.util.function.Function<AlarmType, Change> change) {
    return AlarmType.fromCode(event.payload().getString("type")).map(t -> List.of(change.apply(t))).orElse(List.of());
  }

  private static List<Change> deviceAlarm(String type) {
    if (type == null) {
      return List.of();
    }
    return switch (type) {
      case "FORCED" -> List.of(new Raise(AlarmType.DOOR_FORCED));
      case "HELD_OPEN" -> List.of(new Raise(AlarmType.DOOR_HELD_OPEN));
      case "TAMPER" -> List.of(new Raise(AlarmType.TAMPER));
      default -> List.of();
    };
  }
}
