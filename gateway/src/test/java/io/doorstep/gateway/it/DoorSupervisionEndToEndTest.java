package io.doorstep.gateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.gateway.alarms.Alarm;
import io.doorstep.gateway.alarms.AlarmBus;
import io.doorstep.gateway.alarms.AlarmType;
import io.doorstep.gateway.bus.CommandFailures;
import io.doorstep.gateway.doors.DoorBus;
import io.doorstep.sim.faceterminal.FaceTerminalSimulator;
import io.vertx.core.eventbus.ReplyException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Terminal doors watched and opened from the gateway, on a real broker with simulated terminals. */
class DoorSupervisionEndToEndTest {
  private static final Duration LIMIT = Duration.ofSeconds(30);
  @TempDir static Path dir;
  static RunningGateway running;
  static FaceTerminalSimulator gateIn;
  static FaceTerminalSimulator gateOut;

  @BeforeAll
  static void start() throws Exception {
    running = RunningGateway.start(dir, 30, List.of());
    gateIn = FaceTerminalSimulator.builder(running.broker.url(), TestEstate.GATE_IN_SN).create();
    // Its own held-open alarm comes quickly, so that the test need not wait the interface's 30 s.
    gateOut = FaceTerminalSimulator.builder(running.broker.url(), TestEstate.GATE_OUT_SN)
        .heldOpenAlarmAfter(Duration.ofMillis(300)).create();
    gateIn.start().get(10, TimeUnit.SECONDS);
    gateOut.start().get(10, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() {
    gateIn.close();
    gateOut.close();
    running.close();
  }

  @Test
  void aRemoteOpenIsAcknowledgedAndTheDoorOpensAndWhoIsAudited() throws Exception {
    DoorBus.DoorOpened opened = request(DoorBus.OPEN, new DoorBus.OpenDoor("G1-L1", "王保安", 2000));

    assertEquals(List.of(TestEstate.GATE_IN), opened.devices());
    Waits.until("the door is open", LIMIT, () -> "open".equals(gateIn.doorState()));
    assertTrue(audit("door.open", "G1-L1").contains("王保安"));
  }

  @Test
  void aRemoteOpenToASilentTerminalTimesOutWithAClearError() {
    // Configured, but nothing is connected under its serial number.
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> request(DoorBus.OPEN, new DoorBus.OpenDoor("B01-U1", "王保安", 2000)));
    ReplyException reply = assertInstanceOf(ReplyException.class, e.getCause());

    assertEquals(CommandFailures.DEVICE_TIMEOUT, reply.failureCode());
    assertEquals("door B01-U1 (1栋1单元): " + TestEstate.UNIT + " did not acknowledge the open in time;"
        + " it may be offline, and the door may or may not have opened", reply.getMessage());
  }

  @Test
  void aForcedDoorRaisesAnAlarm() throws Exception {
    gateIn.reportDoor("open", true, 0);

    Alarm alarm = awaitAlarm(TestEstate.GATE_IN, AlarmType.DOOR_FORCED);
    assertTrue(alarm.open());
    gateIn.reportDoor("closed", false, 3);
    Waits.until("closing the door clears it", LIMIT,
        () -> find(TestEstate.GATE_IN, AlarmType.DOOR_FORCED).map(a -> !a.open()).orElse(false));
  }

  @Test
  void aDoorHeldOpenRaisesAnAlarmThatClearsWhenItCloses() throws Exception {
    gateOut.reportDoor("open", false, 0);
    Alarm alarm = awaitAlarm(TestEstate.GATE_OUT, AlarmType.DOOR_HELD_OPEN);
    assertNull(alarm.clearedTs());

    gateOut.reportDoor("closed", false, 40);

    Waits.until("the alarm is cleared", LIMIT,
        () -> find(TestEstate.GATE_OUT, AlarmType.DOOR_HELD_OPEN).map(a -> !a.open()).orElse(false));
  }

  @Test
  void anAcknowledgementIsRecordedWithWho() throws Exception {
    gateOut.raiseAlarm("TAMPER");
    Alarm alarm = awaitAlarm(TestEstate.GATE_OUT, AlarmType.TAMPER);

    Alarm acked = request(AlarmBus.ACK, new AlarmBus.Acknowledge(alarm.id(), "王保安", "外壳被撬, 已报修"));

    assertEquals("王保安", acked.ackedBy());
    assertNotNull(acked.ackedTs());
    assertEquals(List.of("王保安", "外壳被撬, 已报修"), stored(alarm.id()));
    Waits.until("audited", LIMIT, () -> audit("alarm.ack", "alarm:" + alarm.id()).contains("王保安"));
  }

  private static Alarm awaitAlarm(String device, AlarmType type) throws InterruptedException {
    Waits.until(type.code() + " at " + device, LIMIT, () -> find(device, type).isPresent());
    return find(device, type).orElseThrow();
  }

  private static Optional<Alarm> find(String device, AlarmType type) {
    try {
      AlarmBus.AlarmList list = request(AlarmBus.ACTIVE, new AlarmBus.ActiveQuery());
      return list.alarms().stream().filter(a -> a.device().equals(device) && a.type() == type).findFirst();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static <T> T request(String address, Object body) throws Exception {
    return RunningGateway.await(running.gateway.vertx().eventBus().<T>request(address, body)).body();
  }

  /** acked_by and note of the alarm, as the table holds them. */
  private static List<String> stored(long alarmId) throws Exception {
    return RunningGateway.await(running.gateway.store().read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT acked_by, note FROM alarms WHERE id = ?")) {
        ps.setLong(1, alarmId);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return List.of(rs.getString(1), rs.getString(2));
        }
      }
    }));
  }

  /** The actors of the audit rows with this action and target. */
  private static List<String> audit(String action, String target) {
    try {
      return RunningGateway.await(running.gateway.store().read(c -> {
        try (PreparedStatement ps = c.prepareStatement("SELECT actor FROM audit WHERE action = ? AND target = ?")) {
          ps.setString(1, action);
          ps.setString(2, target);
          try (ResultSet rs = ps.executeQuery()) {
            List<String> actors = new ArrayList<>();
            while (rs.next()) {
              actors.add(rs.getString(1));
            }
            return actors;
          }
        }
      }));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
