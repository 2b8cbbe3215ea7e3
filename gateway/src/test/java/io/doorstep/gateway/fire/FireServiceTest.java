package io.doorstep.gateway.fire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.device.DeviceCommand;
import io.doorstep.device.DeviceEvent;
import io.doorstep.device.EventKinds;
import io.doorstep.device.Severity;
import io.doorstep.gateway.fire.FakeDevices.Behaviour;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fire release and its reset, against fake devices: every rule, exactly. */
class FireServiceTest {
  private static final String PANEL = "facp-1";
  @TempDir Path dir;
  private DomainHarness h;
  private FireMode mode;

  @BeforeEach
  void start() throws Exception {
    h = DomainHarness.start(dir);
    mode = new FireMode(h.estate);
    h.deploy(h.fireService(mode));
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void aFireAlarmHoldsEveryEgressDeviceOpenAndNoOther() throws Exception {
    panel(EventKinds.FIRE_ALARM);

    awaitAllHeld();
    assertTrue(mode.active());
    assertTrue(h.devices.receivedBy(DomainHarness.NOT_EGRESS).isEmpty(), "the e-bike gate is no way out");
    Eventually.until("the release is in the log", () -> !h.events(EventKinds.FIRE_DOORS_RELEASED).isEmpty());
    DeviceEvent started = h.events(EventKinds.FIRE_MODE_STARTED).get(0).event();
    assertEquals(PANEL, started.device());
    assertEquals(Severity.CRITICAL, started.severity());
  }

  @Test
  void theReleaseDoesNotWaitForTheEventLog() throws Exception {
    // With nothing storing events, the fire event still reaches fire mode on its way to the log.
    h.vertx.deploymentIDs().forEach(id -> {
      try {
        DomainHarness.await(h.vertx.undeploy(id));
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });
    h.deploy(h.fireService(mode));
    panel(EventKinds.FIRE_ALARM);
    awaitAllHeld();
  }

  @Test
  void aDeviceThatDoesNotAnswerIsToldAgainUntilItDoes() throws Exception {
    h.devices.set("ft-u1", Behaviour.SILENT);
    panel(EventKinds.FIRE_ALARM);
    Eventually.until("the silent terminal was asked three times", () -> h.devices.receivedBy("ft-u1").size() >= 3);
    assertFalse(h.devices.held("ft-u1"));
    assertEquals(List.of("ft-u1"), status().unconfirmed());

    h.devices.set("ft-u1", Behaviour.ACK);
    awaitAllHeld();
    Eventually.until("nothing is left unconfirmed", () -> status().unconfirmed().isEmpty());
  }

  @Test
  void aDeviceThatComesBackIsToldAgainEvenIfItHadConfirmed() throws Exception {
    panel(EventKinds.FIRE_ALARM);
    awaitAllHeld();
    int before = h.devices.receivedBy("ft-f1").size();

    h.status("ft-f1", true);

    Eventually.until("the returning terminal is told again", () -> h.devices.receivedBy("ft-f1").size() > before);
    assertEquals(new DeviceCommand.HoldOpen("ft-f1", true), last("ft-f1"));
  }

  @Test
  void theAlarmClearingAtThePanelDoesNotEndFireMode() throws Exception {
    panel(EventKinds.FIRE_ALARM);
    awaitAllHeld();
    panel(EventKinds.FIRE_CLEAR);
    Eventually.until("the panel is no longer reported", () -> status().sourcesReportingFire().isEmpty());

    assertTrue(status().active());
    assertTrue(mode.active());
    assertTrue(h.devices.received().stream().noneMatch(c -> c instanceof DeviceCommand.HoldOpen hold && !hold.open()));
  }

  @Test
  void aGuardMayNotReset() throws Exception {
    panel(EventKinds.FIRE_ALARM);
    panel(EventKinds.FIRE_CLEAR);
    Eventually.until("the panel is clear", () -> status().sourcesReportingFire().isEmpty());

    assertEquals(FireBus.NOT_ALLOWED, h.refusal(FireBus.RESET, new FireBus.Reset("王保安", "guard")).failureCode());

    assertTrue(status().active());
    Eventually.until("the refusal is audited", () -> h.audit().contains(List.of("王保安", "fire.reset.refused", "fire-mode")));
    Eventually.until("the refusal is in the log", () -> !h.events(EventKinds.FIRE_RESET_REFUSED).isEmpty());
  }

  @Test
  void noResetWhileThePanelStillReportsFireWhateverTheRole() throws Exception {
    panel(EventKinds.FIRE_ALARM);
    awaitAllHeld();

    var refusal = h.refusal(FireBus.RESET, new FireBus.Reset("李工", "technician"));

    assertEquals(FireBus.STILL_ALARMING, refusal.failureCode());
    assertTrue(refusal.getMessage().contains(PANEL), refusal.getMessage());
    assertTrue(status().active());
    EGRESS().forEach(d -> assertTrue(h.devices.held(d), d));
  }

  @Test
  void aTechnicianResetsAfterThePanelClearedAndEveryHoldEnds() throws Exception {
    panel(EventKinds.FIRE_ALARM);
    awaitAllHeld();
    panel(EventKinds.FIRE_CLEAR);
    Eventually.until("the panel is clear", () -> status().sourcesReportingFire().isEmpty());

    FireBus.ResetDone done = h.request(FireBus.RESET, new FireBus.Reset("李工", "Technician"));

    assertTrue(done.ended());
    assertEquals(4, done.devices());
    assertFalse(mode.active());
    Eventually.until("every egress device ended its hold", () -> EGRESS().stream().noneMatch(h.devices::held));
    Eventually.until("the restore is in the log", () -> !h.events(EventKinds.FIRE_DOORS_RESTORED).isEmpty());
    assertEquals("李工", h.events(EventKinds.FIRE_MODE_ENDED).get(0).event().payload().getString("by"));
    Eventually.until("the reset is audited", () -> h.audit().contains(List.of("李工", "fire.reset", "fire-mode")));
  }

  @Test
  void aResetWithoutFireModeChangesNothing() throws Exception {
    FireBus.ResetDone done = h.request(FireBus.RESET, new FireBus.Reset("admin", "admin"));
    assertFalse(done.ended());
    assertTrue(h.devices.received().isEmpty());
  }

  @Test
  void aPersonMayStartFireModeByHand() throws Exception {
    FireBus.FireStatus status = h.request(FireBus.TRIGGER, new FireBus.Trigger("王保安", "smoke in B01"));
    assertTrue(status.active());
    awaitAllHeld();
    // Nothing reports fire, so a technician may end it at once.
    assertTrue(((FireBus.ResetDone) h.request(FireBus.RESET, new FireBus.Reset("李工", "technician"))).ended());
  }

  @Test
  void fireModeSurvivesARestartAndHoldsTheDoorsAgainWithoutANewAlarm() throws Exception {
    panel(EventKinds.FIRE_ALARM);
    awaitAllHeld();
    Eventually.until("fire mode is in the log", () -> h.events(EventKinds.FIRE_MODE_STARTED).size() == 1);

    h = h.restart(dir);
    mode = new FireMode(h.estate);
    h.deploy(h.fireService(mode));

    assertTrue(mode.active());
    awaitAllHeld();
    Eventually.until("the resumption is in the log", () -> !h.events(EventKinds.FIRE_MODE_RESUMED).isEmpty());
    assertEquals(1, h.events(EventKinds.FIRE_MODE_STARTED).size(), "a restart is not a new fire");
    // The panel's alarm is remembered too: no reset until it clears.
    assertEquals(FireBus.STILL_ALARMING,
        h.refusal(FireBus.RESET, new FireBus.Reset("李工", "technician")).failureCode());
  }

  @Test
  void aRestartAfterAResetThatNotEveryDoorConfirmedEndsTheHoldAgain() throws Exception {
    h.request(FireBus.TRIGGER, new FireBus.Trigger("王保安", null));
    awaitAllHeld();
    h.devices.set("ft-u1", Behaviour.SILENT);
    h.request(FireBus.RESET, new FireBus.Reset("李工", "technician"));
    Eventually.until("the others ended their hold", () -> !h.devices.held("ft-g1a") && !h.devices.held("ft-f1"));

    h = h.restart(dir);
    mode = new FireMode(h.estate);
    h.deploy(h.fireService(mode));

    assertFalse(mode.active());
    Eventually.until("the silent one is told again after the restart",
        () -> h.devices.receivedBy("ft-u1").contains(new DeviceCommand.HoldOpen("ft-u1", false)));
  }

  @Test
  void aDeviceThatCanNeverTakeTheHoldIsNotRetriedForever() throws Exception {
    h.devices.set("ft-g1b", Behaviour.UNKNOWN);
    panel(EventKinds.FIRE_ALARM);
    Eventually.until("the release is in the log", () -> !h.events(EventKinds.FIRE_DOORS_RELEASED).isEmpty());
    assertEquals("ft-g1b", h.events(EventKinds.FIRE_DOORS_RELEASED).get(0).event().payload()
        .getJsonArray("refused").getString(0));
    assertEquals(1, h.devices.receivedBy("ft-g1b").size());
  }

  private void panel(String kind) {
    h.record(DeviceEvent.of(PANEL, kind, Severity.CRITICAL, new JsonObject()));
  }

  private FireBus.FireStatus status() throws Exception {
    return h.request(FireBus.STATUS, new FireBus.StatusQuery());
  }

  private void awaitAllHeld() throws Exception {
    Eventually.until("every egress device holds open", () -> EGRESS().stream().allMatch(h.devices::held));
  }

  private DeviceCommand last(String device) {
    List<DeviceCommand> list = h.devices.receivedBy(device);
    return list.get(list.size() - 1);
  }

  private static List<String> EGRESS() {
    return DomainHarness.EGRESS_DEVICES;
  }
}
