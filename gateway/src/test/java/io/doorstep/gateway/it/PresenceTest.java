package io.doorstep.gateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.device.EventKinds;
import io.doorstep.gateway.devices.DeviceStatus;
import io.doorstep.sim.faceterminal.FaceTerminalSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A terminal is online while it speaks, and offline when it goes silent or its will arrives. */
class PresenceTest {
  /** One-second heartbeats so that three missed ones take seconds, not minutes. */
  private static final int HEARTBEAT_S = 1;
  @TempDir static Path dir;
  static RunningGateway running;

  @BeforeAll
  static void start() throws Exception {
    running = RunningGateway.start(dir, HEARTBEAT_S, List.of());
  }

  @AfterAll
  static void stop() {
    running.close();
  }

  @Test
  void aTerminalThatGoesSilentGoesOfflineAndComesBack() throws Exception {
    try (FaceTerminalSimulator terminal = simulator(TestEstate.GATE_OUT_SN)) {
      terminal.start().get(10, TimeUnit.SECONDS);
      Waits.until("online", Duration.ofSeconds(10), () -> status(TestEstate.GATE_OUT).online());

      terminal.pauseHeartbeats(true);
      Waits.until("offline after three missed heartbeats", Duration.ofSeconds(15),
          () -> !status(TestEstate.GATE_OUT).online());
      assertTrue(terminal.isConnected(), "still connected, only silent");
      Waits.until("the change is in the log", Duration.ofSeconds(10),
          () -> offlineReasons(TestEstate.GATE_OUT).contains("heartbeats missed"));

      terminal.pauseHeartbeats(false);
      Waits.until("online again with the next heartbeat", Duration.ofSeconds(10),
          () -> status(TestEstate.GATE_OUT).online());
    }
  }

  @Test
  void aTerminalThatDropsItsConnectionGoesOfflineByItsWill() throws Exception {
    try (FaceTerminalSimulator terminal = simulator(TestEstate.UNIT_SN)) {
      terminal.start().get(10, TimeUnit.SECONDS);
      Waits.until("online", Duration.ofSeconds(10), () -> status(TestEstate.UNIT).online());
      terminal.dropConnection();
      Waits.until("offline", Duration.ofSeconds(10), () -> !status(TestEstate.UNIT).online());
      Waits.until("the change is in the log", Duration.ofSeconds(10),
          () -> offlineReasons(TestEstate.UNIT).size() == 1);
      // The broker's will said so, not the silence.
      assertEquals(List.of("disconnected"), offlineReasons(TestEstate.UNIT));
    }
  }

  private static FaceTerminalSimulator simulator(String sn) {
    return FaceTerminalSimulator.builder(running.broker.url(), sn)
        .heartbeatInterval(Duration.ofSeconds(HEARTBEAT_S))
        .create();
  }

  private static DeviceStatus status(String device) {
    return running.gateway.devices().snapshot().stream().filter(s -> s.id().equals(device)).findFirst().orElseThrow();
  }

  private static List<String> offlineReasons(String device) {
    try {
      return running.events(Set.of(EventKinds.DEVICE_OFFLINE)).stream()
          .filter(e -> e.event().device().equals(device))
          .map(e -> e.event().payload().getString("why")).toList();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
