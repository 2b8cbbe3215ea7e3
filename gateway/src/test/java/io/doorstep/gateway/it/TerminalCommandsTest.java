package io.doorstep.gateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.device.CommandResult;
import io.doorstep.device.DeviceCommand;
import io.doorstep.gateway.bus.CommandFailures;
import io.doorstep.sim.faceterminal.FaceTerminalSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands from the domain to a terminal complete on the terminal's own acknowledgement. */
class TerminalCommandsTest {
  /** The smallest JPEG header a terminal accepts as an image. */
  private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};
  @TempDir static Path dir;
  static RunningGateway running;
  static FaceTerminalSimulator terminal;

  @BeforeAll
  static void start() throws Exception {
    running = RunningGateway.start(dir, 30, List.of());
    terminal = FaceTerminalSimulator.builder(running.broker.url(), TestEstate.GATE_IN_SN).create();
    terminal.start().get(10, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() {
    terminal.close();
    running.close();
  }

  @Test
  void aRemoteOpenIsAcknowledgedAndTheDoorOpens() throws Exception {
    CommandResult result = send(new DeviceCommand.Open(TestEstate.GATE_IN, 2000, "remote"));
    assertTrue(result.ok());
    Waits.until("the door is open", Duration.ofSeconds(5), () -> "open".equals(terminal.doorState()));
  }

  @Test
  void aPersonUpsertReportsThePersonsTheTerminalRefused() throws Exception {
    CommandResult result = send(new DeviceCommand.UpsertPersons(TestEstate.GATE_IN, List.of(
        new DeviceCommand.TerminalPerson("R1001", "张三", 0, 0, List.of("04A1B2C3"), JPEG),
        new DeviceCommand.TerminalPerson("R1002", "李四", 0, 0, List.of(), "not a jpeg".getBytes()))));
    assertTrue(result.ok());
    assertEquals(List.of(new CommandResult.PersonFailure("R1002", "BAD_IMAGE")), result.failed());
    assertTrue(terminal.person("R1001").isPresent());
    assertTrue(terminal.person("R1002").isEmpty());

    assertTrue(send(new DeviceCommand.DeletePersons(TestEstate.GATE_IN, List.of("R1001", "R9999"))).ok());
    assertTrue(terminal.person("R1001").isEmpty());
  }

  @Test
  void moreThan50PersonsAreRefusedBeforeSending() {
    List<DeviceCommand.TerminalPerson> many = java.util.stream.IntStream.range(0, 51)
        .mapToObj(i -> new DeviceCommand.TerminalPerson("R" + i, "n", 0, 0, List.of(), null)).toList();
    assertEquals(CommandFailures.INVALID, failureOf(new DeviceCommand.UpsertPersons(TestEstate.GATE_IN, many)));
  }

  @Test
  void aTerminalThatNeverAnswersTimesOut() {
    // Configured, but nothing is connected under its serial number.
    assertEquals(CommandFailures.DEVICE_TIMEOUT, failureOf(new DeviceCommand.Open(TestEstate.UNIT, 2000, "remote")));
  }

  @Test
  void anUnknownDeviceIsRefused() {
    assertEquals(CommandFailures.INVALID, failureOf(new DeviceCommand.Open("no-such-device", 2000, "remote")));
  }

  private static CommandResult send(DeviceCommand command) throws Exception {
    return RunningGateway.await(CommandFailures.send(running.gateway.vertx().eventBus(), command));
  }

  private static int failureOf(DeviceCommand command) {
    ExecutionException e = assertThrows(ExecutionException.class, () -> send(command));
    return CommandFailures.code(e.getCause());
  }
}
