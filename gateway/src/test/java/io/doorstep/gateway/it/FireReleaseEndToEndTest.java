package io.doorstep.gateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.device.EventKinds;
import io.doorstep.gateway.Gateway;
import io.doorstep.gateway.alarms.AlarmBus;
import io.doorstep.gateway.alarms.AlarmType;
import io.doorstep.gateway.doors.DoorBus;
import io.doorstep.gateway.fire.FireBus;
import io.doorstep.gateway.fire.FireResetCommand;
import io.doorstep.sim.faceterminal.FaceTerminalSimulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fire release as the law asks for it (GB 50396, GB 51348 §14.4.3), on a real broker with
 * simulated terminals: every way out opens and stays open, whatever happens to the terminals
 * or the gateway, until a technician or admin resets it after the panel has cleared.
 */
class FireReleaseEndToEndTest {
  private static final Duration LIMIT = Duration.ofSeconds(30);
  @TempDir Path dir;
  private FireEstate estate;

  @BeforeEach
  void start() throws Exception {
    estate = FireEstate.start(dir);
  }

  @AfterEach
  void stop() {
    estate.close();
  }

  @Test
  void aFireAlarmHoldsEveryWayOutOpenAndNoOtherDoor() throws Exception {
    estate.switchOnAll();

    estate.panel(EventKinds.FIRE_ALARM);

    awaitEgressOpen();
    Waits.until("every terminal confirmed", LIMIT, () -> estate.events(EventKinds.FIRE_DOORS_RELEASED) == 1);
    FireEstate.NOT_EGRESS.keySet().forEach(d -> assertFalse(estate.doorOpen(d), d + " is no way out"));
    assertEquals(1, estate.events(EventKinds.FIRE_MODE_STARTED));
    Waits.until("the fire alarm is raised", LIMIT, () -> fireAlarms() == 1);
  }

  @Test
  void nothingTheGatewayDoesClosesAHeldDoor() throws Exception {
    estate.switchOnAll();
    estate.panel(EventKinds.FIRE_ALARM);
    awaitEgressOpen();

    DoorBus.DoorOpened opened = estate.request(DoorBus.OPEN, new DoorBus.OpenDoor("B01-U1", "王保安", 1000));
    estate.panel(EventKinds.FIRE_CLEAR);
    assertEquals(1, fireReset("王保安", "guard").code());
    estate.restartGateway();
    Waits.until("the terminals are back", LIMIT,
        () -> FireEstate.EGRESS.keySet().stream().allMatch(estate::online));

    assertTrue(opened.heldByFire());
    Waits.until("fire mode was taken up again", LIMIT, () -> estate.events(EventKinds.FIRE_MODE_RESUMED) == 1);
    FireEstate.EGRESS.keySet().forEach(d -> assertTrue(estate.doorOpen(d), d));
  }

  @Test
  void aTerminalThatWasOfflineDuringTheAlarmIsHeldOpenWhenItReturns() throws Exception {
    estate.switchOnAll();
    FaceTerminalSimulator unit = estate.terminal("ft-b01-u1");
    unit.dropConnection();
    Waits.until("the gateway sees it gone", LIMIT, () -> !estate.online("ft-b01-u1"));

    estate.panel(EventKinds.FIRE_ALARM);
    Waits.until("the others are open", LIMIT, () -> estate.doorOpen("ft-g1-l1") && estate.doorOpen("ft-fl1"));
    assertFalse(estate.doorOpen("ft-b01-u1"));

    unit.reconnect().get();

    Waits.until("the returning terminal holds its door open", LIMIT, () -> estate.doorOpen("ft-b01-u1"));
  }

  @Test
  void aTerminalSwitchedOnForTheFirstTimeDuringTheFireIsHeldOpen() throws Exception {
    for (String d : FireEstate.allDevices()) {
      if (!d.equals("ft-fl1")) {
        estate.switchOn(d);
      }
    }
    estate.panel(EventKinds.FIRE_ALARM);
    Waits.until("the others are open", LIMIT, () -> estate.doorOpen("ft-g1-l1") && estate.doorOpen("ft-b01-u1"));

    // Never connected before: the broker kept nothing for it, only the gateway can tell it.
    estate.switchOn("ft-fl1");

    Waits.until("the fire lane holds open", LIMIT, () -> estate.doorOpen("ft-fl1"));
  }

  @Test
  void theGatewayRestartedInFireModeHoldsTheDoorsAgainWithoutANewAlarm() throws Exception {
    estate.switchOnAll();
    estate.panel(EventKinds.FIRE_ALARM);
    awaitEgressOpen();
    Waits.until("the fire alarm is raised", LIMIT, () -> fireAlarms() == 1);

    estate.gateway.close();
    // The terminals restart too (a power cut), forgetting their hold.
    for (String d : FireEstate.allDevices()) {
      estate.switchOff(d);
    }
    estate.gateway = Gateway.start(estate.config());
    estate.switchOnAll();

    awaitEgressOpen();
    FireEstate.NOT_EGRESS.keySet().forEach(d -> assertFalse(estate.doorOpen(d), d));
    Waits.until("the resumption is in the log", LIMIT, () -> estate.events(EventKinds.FIRE_MODE_RESUMED) == 1);
    assertEquals(1, estate.events(EventKinds.FIRE_MODE_STARTED), "a restart is not a new fire");
    assertEquals(1, fireAlarms(), "nor a new alarm");
  }

  @Test
  void onlyATechnicianOrAdminResetsAndOnlyOnceThePanelHasCleared() throws Exception {
    estate.switchOnAll();
    estate.panel(EventKinds.FIRE_ALARM);
    awaitEgressOpen();

    Cli guard = fireReset("王保安", "guard");
    assertEquals(1, guard.code);
    assertTrue(guard.err.contains("may not reset fire mode"), guard.err);

    Cli tooEarly = fireReset("李工", "technician");
    assertEquals(1, tooEarly.code);
    assertTrue(tooEarly.err.contains("still reported by " + FireEstate.PANEL), tooEarly.err);
    FireEstate.EGRESS.keySet().forEach(d -> assertTrue(estate.doorOpen(d), d + " still held"));

    estate.panel(EventKinds.FIRE_CLEAR);
    Waits.until("the panel is clear", LIMIT,
        () -> estate.<FireBus.FireStatus>request(FireBus.STATUS, new FireBus.StatusQuery()).sourcesReportingFire().isEmpty());

    Cli technician = fireReset("李工", "technician");
    assertEquals(0, technician.code, technician.err);
    assertTrue(technician.out.contains("fire mode reset by 李工 (technician)"), technician.out);
    Waits.until("every way out is closed again", LIMIT,
        () -> FireEstate.EGRESS.keySet().stream().noneMatch(estate::doorOpen));
    Waits.until("the fire alarm is cleared", LIMIT, () -> openFireAlarms() == 0);
    assertFalse(estate.<FireBus.FireStatus>request(FireBus.STATUS, new FireBus.StatusQuery()).active());

    Cli again = fireReset("李工", "technician");
    assertEquals(0, again.code);
    assertTrue(again.out.contains("not in fire mode"), again.out);
  }

  private void awaitEgressOpen() throws InterruptedException {
    Waits.until("every way out is held open", LIMIT, () -> FireEstate.EGRESS.keySet().stream().allMatch(estate::doorOpen));
  }

  private long fireAlarms() {
    return estate.<AlarmBus.AlarmList>request(AlarmBus.ACTIVE, new AlarmBus.ActiveQuery()).alarms().stream()
        .filter(a -> a.type() == AlarmType.FIRE).count();
  }

  private long openFireAlarms() {
    return estate.<AlarmBus.AlarmList>request(AlarmBus.ACTIVE, new AlarmBus.ActiveQuery()).alarms().stream()
        .filter(a -> a.type() == AlarmType.FIRE && a.open()).count();
  }

  private record Cli(int code, String out, String err) {}

  private Cli fireReset(String by, String role) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = FireResetCommand.run(new String[] {"--config", estate.configFile.toString(), "--by", by, "--role", role},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
