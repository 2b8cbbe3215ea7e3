package io.doorstep.gateway.it;

import static io.doorstep.gateway.it.ChargingRig.PILE_1;
import static io.doorstep.gateway.it.ChargingRig.PILE_2;
import static io.doorstep.gateway.it.ChargingRig.PILE_3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.gateway.alarms.Alarm;
import io.doorstep.gateway.fire.FireBus;
import io.doorstep.sim.modbus.RtuRequest;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every row of the charging-safety table, end to end: EBC-10 simulators on a real serial line
 * (a socat pseudo-terminal pair), the gateway reading them through jSerialComm, deciding and
 * writing the stop. Durations are shortened through the limits an estate file may set, so the
 * rows that wait for minutes by default wait for seconds here; the defaults themselves are
 * covered by the rules' own tests.
 */
class ChargingSafetyEndToEndTest {
  /** Short durations; the levels (800 W, 55/70 °C, 15 W, 2 W) are the defaults. */
  private static final String QUICK = "overPowerSeconds: 2, fullMinutes: 1, unpluggedSeconds: 10,"
      + " maxSessionMinutes: 10, stopConfirmSeconds: 5";

  @TempDir Path dir;

  @Test
  void aHotPlugWarnsThenIsStoppedAndStaysStoppedUntilUnplugged() throws Exception {
    try (ChargingRig rig = ChargingRig.start(dir, QUICK, 16000, 1)) {
      rig.charge(1, 1, 200);
      rig.charge(1, 2, 200);

      rig.pile(1).setPlugTemperature(1, 60);
      rig.awaitAlarm(PILE_1 + "/1", "charging.plug-warm");
      assertTrue(rig.pile(1).relayClosed(1), "a warm plug is a warning, not a stop");

      rig.pile(1).setPlugTemperature(1, 75);
      rig.awaitRelayOpen(1, 1);
      rig.awaitAlarm(PILE_1 + "/1", "charging.plug-hot");
      assertEquals("plug-hot", rig.stopReason(PILE_1, 1));
      Waits.until("the session ends as PLUG_HOT", Duration.ofSeconds(10), () -> !rig.events(
          Set.of("charging.session.ended"), p -> "plug-hot".equals(p.getString("reason"))).isEmpty());
      assertTrue(rig.pile(1).relayClosed(2), "the other port charges on");

      // Someone starts the port again at the pile: the gateway stops it again at once.
      rig.pile(1).setPlugTemperature(1, 30);
      rig.pile(1).serve(new RtuRequest.WriteRegister(1, 0x0100, 1));
      assertTrue(rig.pile(1).relayClosed(1));
      Waits.until("the restarted port is stopped again", Duration.ofSeconds(10),
          () -> rig.stops(PILE_1, 1).size() >= 2 && !rig.pile(1).relayClosed(1));

      // Unplugged (and seen so: the line is read every 100 ms) and plugged in again, it may charge.
      rig.pile(1).unplug(1);
      Thread.sleep(1500);
      assertNull(rig.openAlarm(PILE_1 + "/1", "charging.plug-hot"), "the plug-hot alarm ends with the plug");
      rig.pile(1).releasePlugTemperature(1);
      rig.charge(1, 1, 200);
      Thread.sleep(1500);
      assertTrue(rig.pile(1).relayClosed(1), "a re-plugged port charges");
    }
  }

  @Test
  void overPowerForItsDurationIsStoppedButAPortJustBelowItIsNot() throws Exception {
    try (ChargingRig rig = ChargingRig.start(dir, QUICK, 16000, 1)) {
      rig.charge(1, 3, 200);
      rig.charge(1, 4, 200);
      rig.pile(1).drawPower(3, 850);
      rig.pile(1).drawPower(4, 780);

      rig.awaitRelayOpen(1, 3);
      assertEquals("over-power", rig.stopReason(PILE_1, 3));
      rig.awaitAlarm(PILE_1 + "/3", "charging.over-power");
      Thread.sleep(3000);
      assertTrue(rig.pile(1).relayClosed(4), "780 W is under the 800 W limit");
      assertTrue(rig.stops(PILE_1, 4).isEmpty());
    }
  }

  @Test
  void aBrokenPlugSensorWhileChargingIsStopped() throws Exception {
    try (ChargingRig rig = ChargingRig.start(dir, QUICK, 16000, 1)) {
      rig.charge(2, 5, 200);
      rig.pile(2).breakPlugSensor(5, true);

      rig.awaitRelayOpen(2, 5);
      assertEquals("sensor-broken", rig.stopReason(PILE_2, 5));
      rig.awaitAlarm(PILE_2 + "/5", "charging.sensor-broken");
    }
  }

  @Test
  void aFullChargeIsCutAndItsSessionClosedAsFull() throws Exception {
    try (ChargingRig rig = ChargingRig.start(dir, QUICK, 16000, 1)) {
      rig.charge(1, 6, 200);
      rig.pile(1).drawPower(6, 8);

      Waits.until("the full charge is cut after a minute below 15 W", Duration.ofSeconds(90),
          () -> !rig.pile(1).relayClosed(6));
      assertEquals("full", rig.stopReason(PILE_1, 6));
      Waits.until("the session is closed as FULL", Duration.ofSeconds(10), () -> !rig.events(
          Set.of("charging.session.ended"), p -> p.getInteger("port") == 6 && "full".equals(p.getString("reason")))
          .isEmpty());
      assertNull(rig.openAlarm(PILE_1 + "/6", "charging.over-power"), "a full charge is no alarm");
    }
  }

  @Test
  void aSessionOverTheTimeLimitIsStopped() throws Exception {
    // 600 simulated seconds each second: the port has been charging for over 10 min when the
    // gateway first sees it, so its session is worked out from the pile's relay time.
    try (ChargingRig rig = ChargingRig.start(dir, QUICK, 16000, 600, piles -> {
      piles.get(2).plugIn(7, ChargingRig.bike(200));
      sleep(1500);
    })) {
      rig.awaitRelayOpen(3, 7);
      assertEquals("time-limit", rig.stopReason(PILE_3, 7));
      List<JsonObject> started = rig.events(Set.of("charging.session.started"), p -> p.getInteger("port") == 7);
      assertTrue(started.get(0).getBoolean("reconstructed"));
    }
  }

  @Test
  void aClosedRelayWithNothingDrawingIsStopped() throws Exception {
    try (ChargingRig rig = ChargingRig.start(dir, QUICK, 16000, 1)) {
      rig.charge(2, 8, 200);
      rig.pile(2).drawPower(8, 0);

      Waits.until("the idle port is stopped after 10 s below 2 W", Duration.ofSeconds(30),
          () -> !rig.pile(2).relayClosed(8));
      assertEquals("unplugged", rig.stopReason(PILE_2, 8));
    }
  }

  @Test
  void smokeStopsEveryPortOfTheShedAndSoundsTheSiren() throws Exception {
    try (ChargingRig rig = ChargingRig.start(dir, QUICK, 16000, 1)) {
      rig.charge(1, 1, 200);
      rig.charge(2, 1, 200);
      rig.charge(3, 1, 200);

      rig.pile(2).setSmoke(true);

      rig.awaitRelayOpen(1, 1);
      rig.awaitRelayOpen(2, 1);
      rig.awaitAlarm(PILE_2, "charging.smoke");
      assertEquals(io.doorstep.device.Severity.CRITICAL, rig.openAlarm(PILE_2, "charging.smoke").type().severity());
      Waits.until("the siren is switched on", Duration.ofSeconds(10), () -> !rig.events(
          Set.of("charging.siren"), p -> "S1".equals(p.getString("shed")) && p.getBoolean("on")).isEmpty());
      assertTrue(rig.pile(3).relayClosed(1), "shed S2 is another shed");

      rig.pile(2).setSmoke(false);
      Waits.until("the siren is switched off", Duration.ofSeconds(10), () -> !rig.events(
          Set.of("charging.siren"), p -> "S1".equals(p.getString("shed")) && !p.getBoolean("on")).isEmpty());
    }
  }

  @Test
  void aHotCabinetStopsItsPileOnlyAndBadMainsIsAWarning() throws Exception {
    try (ChargingRig rig = ChargingRig.start(dir, QUICK, 16000, 1)) {
      rig.charge(1, 2, 200);
      rig.charge(2, 2, 200);

      rig.pile(1).setMainsVoltage(180);
      rig.awaitAlarm(PILE_1, "charging.mains");
      assertTrue(rig.pile(1).relayClosed(2), "low mains is a warning only");

      rig.pile(1).setCabinetTemperature(75);
      rig.awaitRelayOpen(1, 2);
      rig.awaitAlarm(PILE_1, "charging.cabinet-hot");
      assertTrue(rig.pile(2).relayClosed(2), "the other pile's cabinet is fine");
    }
  }

  @Test
  void aPortFaultIsAnAlarmWithItsFault() throws Exception {
    try (ChargingRig rig = ChargingRig.start(dir, QUICK, 16000, 1)) {
      rig.charge(3, 9, 200);
      rig.pile(3).shortCircuit(9);

      rig.awaitAlarm(PILE_3 + "/9", "charging.port-fault");
      Waits.until("the session ends as FAULT", Duration.ofSeconds(10), () -> !rig.events(
          Set.of("charging.session.ended"), p -> p.getInteger("port") == 9 && "fault".equals(p.getString("reason")))
          .isEmpty());
    }
  }

  @Test
  void fireModeStopsEveryPortAndRefusesStartsUntilReset() throws Exception {
    try (ChargingRig rig = ChargingRig.start(dir, QUICK, 16000, 1)) {
      rig.charge(1, 1, 200);
      rig.charge(3, 1, 200);

      RunningGateway.await(rig.running.gateway.vertx().eventBus()
          .request(FireBus.TRIGGER, new FireBus.Trigger("guard", "test")));
      rig.awaitRelayOpen(1, 1);
      rig.awaitRelayOpen(3, 1);

      // A resident plugs in during the fire: the pile starts by itself, the gateway stops it.
      rig.pile(1).plugIn(5, ChargingRig.bike(200));
      Waits.until("a start during fire mode is stopped", Duration.ofSeconds(10),
          () -> !rig.stops(PILE_1, 5).isEmpty() && !rig.pile(1).relayClosed(5));
      assertEquals("fire-mode", rig.stopReason(PILE_1, 5));

      RunningGateway.await(rig.running.gateway.vertx().eventBus()
          .request(FireBus.RESET, new FireBus.Reset("admin", "admin")));
      rig.pile(1).unplug(5);
      Thread.sleep(500);
      rig.pile(1).plugIn(5, ChargingRig.bike(200));
      Thread.sleep(2000);
      assertTrue(rig.pile(1).relayClosed(5), "after the reset a new plug charges");
    }
  }

  @Test
  void overTheShedBudgetTheNewestSessionsStopUntilUnder() throws Exception {
    try (ChargingRig rig = ChargingRig.start(dir, QUICK, 1000, 1)) {
      rig.charge(1, 1, 300);
      rig.charge(1, 2, 300);
      rig.charge(2, 1, 300);
      assertTrue(rig.stops(PILE_1, 1).isEmpty() && rig.stops(PILE_2, 1).isEmpty(), "900 W fits in 1000 W");

      rig.charge(2, 2, 300);

      rig.awaitRelayOpen(2, 2);
      assertEquals("budget", rig.stopReason(PILE_2, 2));
      rig.awaitAlarm("S1", "charging.budget");
      assertTrue(rig.pile(1).relayClosed(1) && rig.pile(1).relayClosed(2) && rig.pile(2).relayClosed(1),
          "only the newest session is stopped");
    }
  }

  @Test
  void aWeldedRelayIsACriticalAlarmNamingTheBreakerToCut() throws Exception {
    try (ChargingRig rig = ChargingRig.start(dir, QUICK, 16000, 1)) {
      rig.charge(2, 4, 200);
      rig.pile(2).weldRelay(4);
      rig.pile(2).setPlugTemperature(4, 80);

      rig.awaitAlarm(PILE_2 + "/4", "charging.relay-welded");
      Alarm alarm = rig.openAlarm(PILE_2 + "/4", "charging.relay-welded");
      assertEquals(io.doorstep.device.Severity.CRITICAL, alarm.type().severity());
      JsonObject raised = rig.events(Set.of("charging.alarm"),
          p -> "charging.relay-welded".equals(p.getString("type"))).get(0);
      assertTrue(raised.getString("textZh").contains("1号棚 2号桩 断路器 QF2"), raised.encode());
      assertTrue(rig.pile(2).relayClosed(4), "the simulator's relay is welded");
    }
  }

  @Test
  void aSilentPileGoesOfflineWhileTheOthersOnTheLineAreStillServed() throws Exception {
    try (ChargingRig rig = ChargingRig.start(dir, QUICK, 16000, 1)) {
      rig.charge(1, 1, 200);
      rig.pile(3).silence(true);

      Waits.until("pile-3 is offline", Duration.ofSeconds(15), () -> !rig.events(Set.of("device.offline"),
          p -> true).isEmpty() && offline(rig, PILE_3));
      rig.pile(1).setPlugTemperature(1, 75);
      rig.awaitRelayOpen(1, 1);

      rig.pile(3).silence(false);
      Waits.until("pile-3 is back", Duration.ofSeconds(40), () -> !offline(rig, PILE_3));
    }
  }

  @Test
  void aLineThatVanishesIsAnAlarmAndComesBackByItself() throws Exception {
    try (ChargingRig rig = ChargingRig.start(dir, QUICK, 16000, 1)) {
      rig.charge(1, 1, 200);

      rig.pty.stop();
      rig.awaitAlarm("shed-bus", "line-lost");
      JsonObject health = new JsonObject(rig.running.get("/health"));
      assertEquals("degraded", health.getString("status"));

      rig.pty.restart();
      Waits.until("the line-lost alarm ends", Duration.ofSeconds(30),
          () -> rig.openAlarm("shed-bus", "line-lost") == null);
      // Readings flow again: a hot plug is stopped as before.
      rig.pile(1).setPlugTemperature(1, 75);
      rig.awaitRelayOpen(1, 1);
    }
  }

  @Test
  void corruptedAnswersAndExceptionResponsesAreCountedAndStopNothing() throws Exception {
    try (ChargingRig rig = ChargingRig.start(dir, QUICK, 16000, 1)) {
      rig.charge(1, 1, 200);
      rig.pile(1).corruptCrc(5);
      // The second read of the pile (ports 8-10) is refused from now on.
      rig.pile(1).exceptionFor(0x04, 0x0180, 0x04);

      try {
        Waits.until("CRC errors and exceptions show in /metrics", Duration.ofSeconds(20), () -> {
          String metrics = get(rig, "/metrics");
          return counter(metrics, "doorstep_modbus_crc_errors_total{line=\"shed-bus\"}") >= 5
              && counter(metrics, "doorstep_modbus_exceptions_total{line=\"shed-bus\"}") >= 1;
        });
      } catch (AssertionError e) {
        throw new AssertionError(e.getMessage() + "\n" + get(rig, "/metrics").lines()
            .filter(l -> l.startsWith("doorstep_modbus")).collect(java.util.stream.Collectors.joining("\n")));
      }
      Thread.sleep(2000);
      assertTrue(rig.pile(1).relayClosed(1), "bad frames never stop a healthy port");
      assertTrue(rig.stops(PILE_1, 1).isEmpty());
      assertFalse(offline(rig, PILE_1), "a refused block does not make the pile offline");
    }
  }

  private static boolean offline(ChargingRig rig, String device) {
    return rig.running.gateway.devices().snapshot().stream()
        .anyMatch(s -> s.id().equals(device) && !s.online());
  }

  private static String get(ChargingRig rig, String path) {
    try {
      return rig.running.get(path);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** The value of a Prometheus sample line starting with {@code name}, 0 when absent. */
  private static double counter(String metrics, String name) {
    return metrics.lines().filter(l -> l.startsWith(name + " ")).mapToDouble(l -> Double.parseDouble(
        l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(0);
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
