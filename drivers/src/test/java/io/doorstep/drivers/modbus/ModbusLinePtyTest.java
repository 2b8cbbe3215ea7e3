package io.doorstep.drivers.modbus;

import io.doorstep.drivers.Waits;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.doorstep.drivers.DeviceTimeoutException;
import io.doorstep.drivers.modbus.profile.RegisterTable;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The line over a real pseudo-terminal pair, opened by path through jSerialComm. */
class ModbusLinePtyTest {
  private static final RegisterTable IN = RegisterTable.INPUT_REGISTER;
  private static final RegisterTable HR = RegisterTable.HOLDING_REGISTER;

  private Path dir;
  private PtyPair pty;
  private Responder device;
  private Vertx vertx;
  private RecordingLineListener listener;
  private ModbusLine line;

  @BeforeEach
  void plugIn() throws Exception {
    assumeTrue(PtyPair.available(), "socat is not installed");
    dir = Files.createTempDirectory("modbus-pty");
    pty = new PtyPair(dir.resolve("gateway"), dir.resolve("bus"));
    device = new Responder(pty.b.toString(), Set.of(1), Set.of(3));
    vertx = Vertx.vertx();
    listener = new RecordingLineListener();
    LineOptions options = new LineOptions("shed", pty.a.toString(), 9600, LineOptions.Parity.NONE, 8, 1,
        Duration.ofMillis(100), Duration.ofMillis(400), 1);
    line = new ModbusLine(vertx, options, listener);
    line.open();
    Waits.until("line up", line::isOpen);
  }

  @AfterEach
  void unplug() throws Throwable {
    if (line != null) {
      Waits.await(line.close());
      vertx.close();
    }
    if (device != null) {
      device.close();
    }
    if (pty != null) {
      pty.close();
    }
  }

  @Test
  void readsAndWritesGoEndToEnd() throws Throwable {
    device.input[1] = 2301;
    device.input[2] = 0xFF38;
    assertArrayEquals(new int[] {0, 2301, 0xFF38}, Waits.await(line.readRegisters(1, IN, 0, 3, Priority.POLL, 50)));

    Waits.await(line.writeRegister(1, 0x0110, 2, Priority.SAFETY, 50));
    Waits.await(line.writeRegisters(1, 0x0002, new int[] {1, 0}, Priority.OPERATOR, 50));
    assertArrayEquals(new int[] {1, 0}, Waits.await(line.readRegisters(1, HR, 2, 2, Priority.POLL, 50)));
    assertEquals(2, device.holding[0x0110]);
    assertEquals(4, line.stats().transactions());
  }

  @Test
  void consecutiveRequestsLeaveTheDevicesTheirInterFrameSilence() throws Throwable {
    for (int i = 0; i < 20; i++) {
      Waits.await(line.readRegisters(1, IN, 0, 7, Priority.POLL, 50));
    }
    // 3.5 characters of 11 bits at 9600 baud; a pty adds nothing, so only the line can keep it.
    long silenceNanos = (long) (RtuTiming.silenceMs(9600) * 1_000_000);
    assertTrue(device.shortestGapNanos >= silenceNanos,
        "shortest gap " + device.shortestGapNanos / 1000 + " µs, silence " + silenceNanos / 1000 + " µs");
  }

  @Test
  void aLateAnswerFromAnotherUnitIsNotTakenForTheAnswerWaiting() throws Throwable {
    // unit 4 answers, but only after the line has given up on it
    device.close();
    device = new Responder(pty.b.toString(), Set.of(1, 4), Set.of());
    device.answerDelayMs.put(4, 250L);
    device.input[5] = 4242;
    device.input[0x20] = 7;

    assertInstanceOf(DeviceTimeoutException.class,
        Waits.failure(line.readRegisters(4, IN, 0x20, 1, Priority.POLL, 5)));
    // Unit 4's answers to the try and its retry arrive while unit 1's reads wait: each read must
    // still get unit 1's own answer.
    int reads = 0;
    while (device.lateAnswers.get() < 2 || reads < 5) {
      assertArrayEquals(new int[] {0, 4242, 0}, Waits.await(line.readRegisters(1, IN, 4, 3, Priority.POLL, 200)));
      reads++;
    }
    // each at its first try: a late answer taken for unit 1's would have failed an attempt
    UnitStats unit1 = line.stats().units().get(1);
    assertEquals(0, unit1.crcErrors(), "unit 1's reads were failed by unit 4's late answers");
    assertEquals(reads, unit1.transactions());
  }

  @Test
  void anExceptionResponseFailsWithItsCode() {
    Throwable refused = Waits.failure(line.writeRegister(1, 0x0100, 1, Priority.OPERATOR, 50));
    assertEquals(0x04, assertInstanceOf(ModbusExceptionResponse.class, refused).exceptionCode());
    Throwable outside = Waits.failure(line.readRegisters(1, IN, 0x0005, 10, Priority.POLL, 50));
    assertEquals(0x02, assertInstanceOf(ModbusExceptionResponse.class, outside).exceptionCode());
    assertEquals(2, line.stats().exceptionResponses());
    assertEquals(2, line.stats().transactions(), "an exception response is not retried");
  }

  @Test
  void aUnitThatNeverAnswersTimesOutAndIsBackedOffWhileItsNeighbourIsServed() throws Throwable {
    for (int i = 0; i < 2; i++) {
      assertInstanceOf(DeviceTimeoutException.class, Waits.failure(line.readRegisters(2, IN, 0, 7, Priority.POLL, 50)));
    }
    Waits.until("unit 2 silent", () -> listener.events.contains("silent 2"));
    long timeouts = line.stats().timeouts();
    for (int i = 0; i < 5; i++) {
      assertInstanceOf(DeviceSilentException.class, Waits.failure(line.readRegisters(2, IN, 0, 7, Priority.POLL, 50)));
      device.input[0] = i;
      assertArrayEquals(new int[] {i}, Waits.await(line.readRegisters(1, IN, 0, 1, Priority.POLL, 50)));
    }
    assertEquals(timeouts, line.stats().timeouts(), "a backed-off unit costs no time-outs");
    assertTrue(line.stats().units().get(2).silent());
  }

  @Test
  void aCorruptedAnswerIsCountedAsACrcError() {
    assertInstanceOf(CrcException.class, Waits.failure(line.readRegisters(3, IN, 0, 2, Priority.POLL, 50)));
    assertEquals(2, line.stats().crcErrors(), "the corrupted answer and its retry");
    assertEquals(2, line.stats().units().get(3).crcErrors());
  }

  @Test
  void killingSocatLosesTheLineAndRestartingItBringsItBack() throws Throwable {
    Waits.await(line.readRegisters(1, IN, 0, 1, Priority.POLL, 50));

    device.close();
    pty.close();
    Waits.until("line lost reported", () -> listener.count("lost") == 1);
    assertInstanceOf(LineLostException.class, Waits.failure(line.readRegisters(1, IN, 0, 1, Priority.POLL, 50)));
    assertEquals(1, line.stats().lineLosses());

    pty = new PtyPair(dir.resolve("gateway"), dir.resolve("bus"));
    device = new Responder(pty.b.toString(), Set.of(1), Set.of());
    device.input[4] = 10;
    Waits.until("line up again", () -> listener.count("up") == 2);
    assertArrayEquals(new int[] {10}, Waits.await(line.readRegisters(1, IN, 4, 1, Priority.POLL, 50)));
    assertEquals(1, listener.count("lost"), "one loss, reported once");
  }

  @Test
  void aLineWhosePortIsMissingComesUpWhenThePortAppears() throws Throwable {
    LineOptions options = new LineOptions("late", dir.resolve("late-gateway").toString(), 9600,
        LineOptions.Parity.NONE, 8, 1, Duration.ofMillis(100), Duration.ofMillis(400), 1);
    RecordingLineListener lateListener = new RecordingLineListener();
    ModbusLine late = new ModbusLine(vertx, options, lateListener);
    Waits.await(late.open());
    Waits.until("missing port reported", () -> lateListener.count("lost") == 1);
    assertInstanceOf(LineLostException.class, Waits.failure(late.readRegisters(1, IN, 0, 1, Priority.POLL, 50)));
    try (PtyPair second = new PtyPair(dir.resolve("late-gateway"), dir.resolve("late-bus"));
        Responder responder = new Responder(second.b.toString(), Set.of(1), Set.of())) {
      Waits.until("late line up", late::isOpen);
      Waits.await(late.readRegisters(1, IN, 0, 1, Priority.POLL, 50));
      Waits.await(late.close());
    }
  }
}
