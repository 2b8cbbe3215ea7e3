package io.doorstep.gateway.alarms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.device.DeviceEvent;
import io.doorstep.device.EventKinds;
import io.doorstep.device.Severity;
import io.doorstep.gateway.fire.DomainHarness;
import io.doorstep.gateway.fire.Eventually;
import io.doorstep.gateway.fire.FireBus;
import io.doorstep.gateway.fire.FireMode;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alarms from what doors report: raised once, cleared when the condition ends, acknowledged by someone. */
class AlarmServiceTest {
  private static final String UNIT = "ft-u1";
  @TempDir Path dir;
  private DomainHarness h;
  private FireMode fire;

  @BeforeEach
  void start() throws Exception {
    h = DomainHarness.start(dir);
    fire = new FireMode(h.estate);
    h.deploy(new AlarmService(h.store, h.estate, fire));
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void aForcedDoorReportedTwiceIsOneAlarmAndItsEvent() throws Exception {
    h.record(door(UNIT, "open", true));
    h.record(alarm(UNIT, "FORCED"));

    Alarm alarm = awaitOne(AlarmType.DOOR_FORCED);
    assertEquals(UNIT, alarm.device());
    assertTrue(alarm.open());
    Eventually.until("the raise is in the log", () -> h.events(EventKinds.ALARM_RAISED).size() == 1);
    DeviceEvent raised = h.events(EventKinds.ALARM_RAISED).get(0).event();
    assertEquals(alarm.eventId(), raised.id());
    assertEquals("U1", raised.payload().getString("door"));
    assertEquals(Severity.ALARM, raised.severity());
    assertEquals(1, active().size());
  }

  @Test
  void heldOpenIsRaisedAndClearedWhenTheDoorCloses() throws Exception {
    h.record(door(UNIT, "open", false));
    h.record(alarm(UNIT, "HELD_OPEN"));
    Alarm held = awaitOne(AlarmType.DOOR_HELD_OPEN);

    h.record(door(UNIT, "closed", false));

    Eventually.until("the clear is in the log", () -> h.events(EventKinds.ALARM_CLEARED).size() == 1);
    Alarm after = active().get(0);
    assertEquals(held.id(), after.id());
    assertNotNull(after.clearedTs(), "cleared, and still listed until someone acknowledges it");
    assertNull(after.ackedTs());
  }

  @Test
  void aNewConditionAfterTheClearIsANewAlarm() throws Exception {
    h.record(alarm(UNIT, "HELD_OPEN"));
    awaitOne(AlarmType.DOOR_HELD_OPEN);
    h.record(door(UNIT, "closed", false));
    Eventually.until("cleared", () -> !active().get(0).open());

    h.record(alarm(UNIT, "HELD_OPEN"));

    Eventually.until("a second alarm", () -> active().size() == 2);
  }

  @Test
  void anAcknowledgementRecordsWhoAndWhyAndIsAudited() throws Exception {
    h.record(door(UNIT, "open", true));
    Alarm alarm = awaitOne(AlarmType.DOOR_FORCED);

    Alarm acked = h.request(AlarmBus.ACK, new AlarmBus.Acknowledge(alarm.id(), "王保安", "快递员推开的"));

    assertEquals("王保安", acked.ackedBy());
    assertEquals("快递员推开的", acked.note());
    assertNotNull(acked.ackedTs());
    assertTrue(acked.open(), "a forced door stays open until it closes");
    Eventually.until("audited", () -> h.audit().contains(List.of("王保安", "alarm.ack", "alarm:" + alarm.id())));
    Eventually.until("in the log", () -> h.events(EventKinds.ALARM_ACKED).size() == 1);
    assertEquals(AlarmBus.ALREADY_ACKNOWLEDGED,
        h.refusal(AlarmBus.ACK, new AlarmBus.Acknowledge(alarm.id(), "李四", null)).failureCode());
  }

  @Test
  void anAcknowledgedAndClearedAlarmLeavesTheActiveList() throws Exception {
    h.record(door(UNIT, "open", true));
    Alarm alarm = awaitOne(AlarmType.DOOR_FORCED);
    h.request(AlarmBus.ACK, new AlarmBus.Acknowledge(alarm.id(), "王保安", null));
    h.record(door(UNIT, "closed", false));

    Eventually.until("nothing needs attention", () -> active().isEmpty());
  }

  @Test
  void tamperHasNoEndButItsAcknowledgement() throws Exception {
    h.record(alarm(UNIT, "TAMPER"));
    Alarm alarm = awaitOne(AlarmType.TAMPER);

    Alarm acked = h.request(AlarmBus.ACK, new AlarmBus.Acknowledge(alarm.id(), "李工", "外壳已复位"));

    assertFalse(acked.open());
    assertTrue(active().isEmpty());
    h.record(alarm(UNIT, "TAMPER"));
    Eventually.until("a new tamper is a new alarm", () -> active().size() == 1);
  }

  @Test
  void acknowledgementsNeedAnAlarmAndAName() throws Exception {
    assertEquals(AlarmBus.NOT_FOUND, h.refusal(AlarmBus.ACK, new AlarmBus.Acknowledge(999, "王保安", null)).failureCode());
    assertEquals(AlarmBus.INVALID, h.refusal(AlarmBus.ACK, new AlarmBus.Acknowledge(1, " ", null)).failureCode());
  }

  @Test
  void aDoorHeldOpenByFireModeIsNoAlarmButFireModeIs() throws Exception {
    h.deploy(h.fireService(fire));
    h.request(FireBus.TRIGGER, new FireBus.Trigger("王保安", null));

    h.record(alarm(UNIT, "HELD_OPEN"));
    h.record(alarm(DomainHarness.NOT_EGRESS, "HELD_OPEN"));

    Eventually.until("the fire alarm and the e-bike gate's", () -> active().size() == 2);
    assertTrue(active().stream().anyMatch(a -> a.type() == AlarmType.FIRE && a.device().equals("gateway")));
    assertTrue(active().stream().noneMatch(a -> a.device().equals(UNIT)));

    h.request(FireBus.RESET, new FireBus.Reset("李工", "technician"));
    Eventually.until("the reset ends the fire alarm",
        () -> active().stream().filter(a -> a.type() == AlarmType.FIRE).allMatch(a -> !a.open()));
  }

  @Test
  void openAlarmsAreRememberedAcrossARestart() throws Exception {
    h.record(door(UNIT, "open", true));
    awaitOne(AlarmType.DOOR_FORCED);

    h = h.restart(dir);
    h.deploy(new AlarmService(h.store, h.estate, new FireMode(h.estate)));
    h.record(alarm(UNIT, "FORCED"));
    h.record(door(UNIT, "closed", false));

    Eventually.until("the one alarm is cleared", () -> !active().get(0).open());
    assertEquals(1, active().size());
  }

  private Alarm awaitOne(AlarmType type) throws Exception {
    Eventually.until("a " + type.code() + " alarm", () -> active().stream().anyMatch(a -> a.type() == type));
    return active().stream().filter(a -> a.type() == type).findFirst().orElseThrow();
  }

  private List<Alarm> active() throws Exception {
    return h.<AlarmBus.AlarmList>request(AlarmBus.ACTIVE, new AlarmBus.ActiveQuery()).alarms();
  }

  private static DeviceEvent door(String device, String state, boolean forced) {
    return DeviceEvent.of(device, EventKinds.DOOR_STATE, forced ? Severity.ALARM : Severity.INFO,
        new JsonObject().put("state", state).put("forced", forced).put("heldS", 0));
  }

  private static DeviceEvent alarm(String device, String type) {
    return DeviceEvent.of(device, EventKinds.DEVICE_ALARM, Severity.ALARM, new JsonObject().put("type", type));
  }
}
