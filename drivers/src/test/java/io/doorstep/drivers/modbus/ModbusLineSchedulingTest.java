package io.doorstep.drivers.modbus;

import io.doorstep.drivers.Waits;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.digitalpetri.modbus.pdu.ReadInputRegistersRequest;
import com.digitalpetri.modbus.pdu.WriteSingleRegisterRequest;
import io.doorstep.drivers.DeviceTimeoutException;
import io.doorstep.drivers.modbus.profile.RegisterTable;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The line's scheduler against a fake bus: order, retries, silent units. */
class ModbusLineSchedulingTest {
  private static final RegisterTable IN = RegisterTable.INPUT_REGISTER;

  private Vertx vertx;
  private FakeChannel bus;
  private RecordingLineListener listener;
  private ModbusLine line;

  @BeforeEach
  void openLine() {
    vertx = Vertx.vertx();
    bus = new FakeChannel();
    listener = new RecordingLineListener();
    line = new ModbusLine(vertx, LineOptions.of("test", "/dev/fake", 9600), listener, o -> bus);
    line.open();
    Waits.until("line up", line::isOpen);
  }

  @AfterEach
  void closeLine() throws Throwable {
    Waits.await(line.close());
    vertx.close();
  }

  @Test
  void aSafetyWriteQueuedBehindTwentyPollsGoesNextAndEachPriorityKeepsItsOrder() throws Throwable {
    bus.answering(1);
    bus.hold();
    List<Future<?>> all = new ArrayList<>();
    all.add(line.readRegisters(1, IN, 0, 1, Priority.POLL, 50));
    Waits.until("first poll on the wire", () -> bus.seen.size() == 1);
    for (int i = 1; i <= 20; i++) {
      all.add(line.readRegisters(1, IN, i, 1, Priority.POLL, 50));
    }
    all.add(line.writeRegister(1, 0x0100, 2, Priority.OPERATOR, 50));
    all.add(line.writeRegister(1, 0x0110, 2, Priority.SAFETY, 50));
    all.add(line.writeRegister(1, 0x0120, 2, Priority.SAFETY, 50));
    bus.release();
    for (Future<?> f : all) {
      Waits.await(f);
    }

    List<String> order = bus.seen.stream().map(s -> describe(s.request())).toList();
    List<String> expected = new ArrayList<>(List.of("read 0", "write 272", "write 288", "write 256"));
    for (int i = 1; i <= 20; i++) {
      expected.add("read " + i);
    }
    assertEquals(expected, order);
  }

  private static String describe(Object request) {
    if (request instanceof ReadInputRegistersRequest r) {
      return "read " + r.address();
    }
    return "write " + ((WriteSingleRegisterRequest) request).address();
  }

  @Test
  void aTimeOutIsRetriedOnceAndTheSecondAnswerCounts() throws Throwable {
    AtomicInteger calls = new AtomicInteger();
    bus.units.put(2, (u, request) -> {
      if (calls.incrementAndGet() == 1) {
        throw new DeviceTimeoutException("lost on the wire");
      }
      return FakeChannel.echo(request);
    });
    assertArrayEquals(new int[] {7, 8}, Waits.await(line.readRegisters(2, IN, 7, 2, Priority.POLL, 50)));
    assertEquals(2, bus.count(2));
    LineStats stats = line.stats();
    assertEquals(2, stats.transactions());
    assertEquals(1, stats.timeouts());
    assertEquals(1, stats.units().get(2).timeouts());
  }

  @Test
  void aCorruptedAnswerIsRetriedOnceThenFailsAsCrc() {
    bus.units.put(3, (u, request) -> {
      throw new CrcException("bad CRC");
    });
    assertInstanceOf(CrcException.class, Waits.failure(line.readRegisters(3, IN, 0, 1, Priority.POLL, 50)));
    assertEquals(2, bus.count(3));
    assertEquals(2, line.stats().crcErrors());
  }

  @Test
  void anExceptionResponseIsNotRetried() {
    bus.units.put(4, (u, request) -> {
      throw new ModbusExceptionResponse(4, 0x06, 0x04);
    });
    Throwable failure = Waits.failure(line.writeRegister(4, 0x0100, 1, Priority.OPERATOR, 50));
    ModbusExceptionResponse refused = assertInstanceOf(ModbusExceptionResponse.class, failure);
    assertEquals(0x04, refused.exceptionCode());
    assertEquals(0x06, refused.functionCode());
    assertTrue(refused.getMessage().contains("exception 0x04 (device could not do it)"), refused.getMessage());
    assertEquals(1, bus.count(4));
    assertEquals(1, line.stats().exceptionResponses());
  }

  @Test
  void aSilentUnitIsBackedOffWhileOthersAreServedThenProbedAgain() throws Throwable {
    bus.answering(1);
    // Unit 5 never answers: three time-outs (a poll and its retry, then one more) make it silent.
    for (int i = 0; i < 2; i++) {
      assertInstanceOf(DeviceTimeoutException.class, Waits.failure(line.readRegisters(5, IN, 0, 1, Priority.POLL, 50)));
    }
    Waits.until("unit 5 reported silent", () -> listener.events.contains("silent 5"));
    assertTrue(line.stats().units().get(5).silent());

    long triedBefore = bus.count(5);
    for (int i = 0; i < 10; i++) {
      assertInstanceOf(DeviceSilentException.class, Waits.failure(line.readRegisters(5, IN, 0, 1, Priority.POLL, 50)));
      Waits.await(line.readRegisters(1, IN, 0, 1, Priority.POLL, 50));
    }
    assertEquals(triedBefore, bus.count(5), "refused polls must not touch the line");

    // A stop is always tried, silent or not.
    Waits.failure(line.writeRegister(5, 0x0100, 2, Priority.SAFETY, 50));
    assertEquals(triedBefore + 2, bus.count(5));

    // The unit comes back; after the back-off one poll gets through and finds it.
    bus.answering(5);
    Waits.until("unit 5 probed and found", () -> {
      line.readRegisters(5, IN, 0, 1, Priority.POLL, 50);
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return listener.events.contains("answering 5");
    });
    Waits.await(line.readRegisters(5, IN, 0, 1, Priority.POLL, 50));
    assertTrue(!line.stats().units().get(5).silent());
  }

  @Test
  void requestsOfAClosedLineFailAsLineLost() throws Throwable {
    Waits.await(line.close());
    assertInstanceOf(LineLostException.class, Waits.failure(line.readRegisters(1, IN, 0, 1, Priority.POLL, 50)));
  }
}
