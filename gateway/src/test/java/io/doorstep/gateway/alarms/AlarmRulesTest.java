package io.doorstep.gateway.alarms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.doorstep.device.DeviceEvent;
import io.doorstep.device.EventKinds;
import io.doorstep.device.Severity;
import io.doorstep.gateway.alarms.AlarmRules.Clear;
import io.doorstep.gateway.alarms.AlarmRules.Raise;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which reports become which alarms. */
class AlarmRulesTest {
  private static final Clear DOOR_CLOSED = new Clear(List.of(AlarmType.DOOR_FORCED, AlarmType.DOOR_HELD_OPEN), false);

  @Test
  void aDoorOpenedWithoutReleaseIsForced() {
    assertEquals(List.of(new Raise(AlarmType.DOOR_FORCED)), AlarmRules.changesFor(door("open", true)));
  }

  @Test
  void aDoorOpenedNormallyIsNothing() {
    assertEquals(List.of(), AlarmRules.changesFor(door("open", false)));
  }

  @Test
  void aClosedDoorEndsForcedAndHeldOpen() {
    assertEquals(List.of(DOOR_CLOSED), AlarmRules.changesFor(door("closed", false)));
  }

  @Test
  void eachTerminalAlarmHasItsType() {
    assertEquals(List.of(new Raise(AlarmType.DOOR_FORCED)), AlarmRules.changesFor(alarm("FORCED")));
    assertEquals(List.of(new Raise(AlarmType.DOOR_HELD_OPEN)), AlarmRules.changesFor(alarm("HELD_OPEN")));
    assertEquals(List.of(new Raise(AlarmType.TAMPER)), AlarmRules.changesFor(alarm("TAMPER")));
  }

  @Test
  void anAlarmTypeOfANewerFirmwareIsIgnored() {
    assertEquals(List.of(), AlarmRules.changesFor(alarm("LOW_BATTERY")));
    assertEquals(List.of(), AlarmRules.changesFor(event(EventKinds.DEVICE_ALARM, new JsonObject())));
  }

  @Test
  void fireModeIsAnAlarmUntilItIsReset() {
    assertEquals(List.of(new Raise(AlarmType.FIRE)),
        AlarmRules.changesFor(event(EventKinds.FIRE_MODE_STARTED, new JsonObject())));
    assertEquals(List.of(new Clear(List.of(AlarmType.FIRE), true)),
        AlarmRules.changesFor(event(EventKinds.FIRE_MODE_ENDED, new JsonObject())));
  }

  @Test
  void otherEventsAreNothing() {
    assertEquals(List.of(), AlarmRules.changesFor(event(EventKinds.PASSAGE, new JsonObject())));
    assertEquals(List.of(), AlarmRules.changesFor(event(EventKinds.FIRE_ALARM, new JsonObject())));
  }

  private static DeviceEvent door(String state, boolean forced) {
    return event(EventKinds.DOOR_STATE, new JsonObject().put("state", state).put("forced", forced).put("heldS", 0));
  }

  private static DeviceEvent alarm(String type) {
    return event(EventKinds.DEVICE_ALARM, new JsonObject().put("type", type));
  }

  private static DeviceEvent event(String kind, JsonObject payload) {
    return DeviceEvent.of("ft-1", kind, Severity.INFO, payload);
  }
}
