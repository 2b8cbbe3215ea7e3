package io.doorstep.drivers.modbus;

import io.doorstep.drivers.Waits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.digitalpetri.modbus.pdu.ReadInputRegistersRequest;
import com.digitalpetri.modbus.pdu.WriteMultipleRegistersRequest;
import com.digitalpetri.modbus.pdu.WriteSingleRegisterRequest;
import io.doorstep.drivers.modbus.PointValue.Quality;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The poller against a fake bus where every register reads as its own address. */
class ModbusPollerTest {
  private Vertx vertx;
  private FakeChannel bus;
  private ModbusLine line;
  private ModbusPoller poller;
  private final Map<String, DeviceReading> readings = new ConcurrentHashMap<>();
  private final List<String> onlineEvents = new CopyOnWriteArrayList<>();
  private final List<Long> cycles = new CopyOnWriteArrayList<>();

  private final PollListener listener = new PollListener() {
    @Override
    public void reading(DeviceReading reading) {
      readings.put(reading.deviceId(), reading);
    }

    @Override
    public void online(String deviceId, boolean online, String reason) {
      onlineEvents.add(deviceId + (online ? " online" : " offline: " + reason));
    }

    @Override
    public void cycleCompleted(String lineId, long nanos) {
      cycles.add(nanos);
    }
  };

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
    bus = new FakeChannel();
    line = new ModbusLine(vertx, LineOptions.of("shed", "/dev/fake", 9600), new LineListener() {}, o -> bus);
    line.open();
    Waits.until("line up", line::isOpen);
    poller = new ModbusPoller(vertx, line, List.of(
        new PolledDevice("pile-1", 1, Profiles.ebc10()),
        new PolledDevice("pile-9", 9, Profiles.ebc10())), Duration.ZERO, listener);
  }

  @AfterEach
  void tearDown() throws Throwable {
    poller.stop();
    Waits.await(line.close());
    vertx.close();
  }

  @Test
  void everyPointOfAnAnsweringPileIsReportedAndASilentPileGoesOffline() {
    bus.answering(1);
    poller.start();
    Waits.until("both piles read", () -> readings.size() == 2 && cycles.size() >= 1);

    DeviceReading pile1 = readings.get("pile-1");
    assertEquals(Profiles.ebc10().points().size(), pile1.values().size());
    assertEquals(0x0100, pile1.get("port1.state").value());
    assertEquals(0x0192 * 0.1, pile1.get("port10.voltage").value(), 1e-9);
    assertEquals(((long) 0x0005 << 16) | 0x0006, (long) pile1.get("totalEnergy").value());
    assertTrue(pile1.values().values().stream().allMatch(PointValue::isOk));

    DeviceReading pile9 = readings.get("pile-9");
    assertTrue(pile9.values().values().stream().allMatch(v -> v.quality() == Quality.FAILED));
    Waits.until("online states reported", () -> onlineEvents.size() == 2);
    assertEquals("pile-1 online", onlineEvents.get(0));
    assertTrue(onlineEvents.get(1).startsWith("pile-9 offline: "), onlineEvents.get(1));
  }

  @Test
  void anExceptionOnOneBlockFailsOnlyItsPointsAndTheDeviceStaysOnline() {
    bus.units.put(1, (u, request) -> {
      if (request instanceof ReadInputRegistersRequest r && r.address() == 0x0100) {
        throw new ModbusExceptionResponse(1, 0x04, 0x02);
      }
      return FakeChannel.echo(request);
    });
    poller.start();
    Waits.until("pile-1 read", () -> readings.containsKey("pile-1"));
    DeviceReading pile1 = readings.get("pile-1");
    assertEquals(Quality.FAILED, pile1.get("port1.state").quality());
    assertEquals(Quality.OK, pile1.get("mainsVoltage").quality());
    assertEquals(Quality.OK, pile1.get("port10.state").quality());
    Waits.until("online reported", () -> onlineEvents.contains("pile-1 online"));
  }

  @Test
  void aPileThatComesBackIsReportedOnlineAgain() {
    poller.start();
    Waits.until("pile-1 offline", () -> onlineEvents.stream().anyMatch(e -> e.startsWith("pile-1 offline")));
    bus.answering(1);
    Waits.until("pile-1 online", () -> onlineEvents.contains("pile-1 online"));
  }

  @Test
  void commandsAreWrittenWithTheFunctionTheirValuesNeed() throws Throwable {
    bus.answering(1);
    Waits.await(poller.command("pile-1", "port3.stop", Priority.SAFETY));
    Waits.await(poller.command("pile-1", "buzzerAndAutoStartOff", Priority.OPERATOR));
    WriteSingleRegisterRequest stop = (WriteSingleRegisterRequest) bus.seen.get(0).request();
    assertEquals(0x0120, stop.address());
    assertEquals(2, stop.value());
    WriteMultipleRegistersRequest both = (WriteMultipleRegistersRequest) bus.seen.get(1).request();
    assertEquals(2, both.address());
    assertEquals(2, both.quantity());

    assertInstanceOf(IllegalArgumentException.class, Waits.failure(poller.command("pile-1", "port11.stop", Priority.SAFETY)));
    assertInstanceOf(IllegalArgumentException.class, Waits.failure(poller.command("pile-2", "port1.stop", Priority.SAFETY)));
  }

  @Test
  void pollNowReadsOneDeviceAndReportsIt() throws Throwable {
    bus.answering(1);
    DeviceReading reading = Waits.await(poller.pollNow("pile-1"));
    assertEquals(0x0130, reading.get("port4.state").value());
    assertEquals(reading, readings.get("pile-1"));
    assertEquals(3, bus.count(1), "the three planned blocks");
  }

  @Test
  void aReplacedSetIsPolledFromTheNextCycleAndARemovedDeviceIsForgotten() throws Throwable {
    bus.answering(1);
    bus.answering(2);
    bus.answering(9);
    poller.start();
    Waits.until("pile-9 online", () -> onlineEvents.contains("pile-9 online"));

    Waits.await(poller.configure(List.of(
        new PolledDevice("pile-1", 1, Profiles.ebc10()),
        new PolledDevice("pile-2", 2, Profiles.ebc10()))));
    assertNull(poller.online("pile-9"), "a removed device's online state is forgotten");
    Waits.until("the added pile is read and reported online", () -> readings.containsKey("pile-2")
        && onlineEvents.contains("pile-2 online"));

    long ninthAfterRemoval = countAfterTheCycleUnderWay(9);
    int cyclesSeen = cycles.size();
    Waits.until("two more cycles", () -> cycles.size() >= cyclesSeen + 2);
    assertEquals(ninthAfterRemoval, bus.count(9), "the removed unit is not asked again after the cycle under way");
    assertTrue(onlineEvents.contains("pile-1 online"));
    assertEquals(1, onlineEvents.stream().filter(e -> e.equals("pile-1 online")).count(),
        "a device that stays as it was keeps its state: no second online report");

    Throwable command = Waits.failure(poller.command("pile-9", "port1.stop", Priority.SAFETY));
    assertInstanceOf(IllegalArgumentException.class, command);
    assertEquals("no device pile-9 on line shed", command.getMessage());
    assertInstanceOf(IllegalArgumentException.class, Waits.failure(poller.pollNow("pile-9")));
  }

  @Test
  void aDeviceGivenAnotherUnitIsReadThereAndReportedAfresh() throws Throwable {
    bus.answering(1);
    bus.answering(5);
    poller.start();
    Waits.until("pile-1 online", () -> onlineEvents.contains("pile-1 online"));

    Waits.await(poller.configure(List.of(new PolledDevice("pile-1", 5, Profiles.ebc10()))));
    long firstAfterMove = countAfterTheCycleUnderWay(1);
    Waits.until("unit 5 read and pile-1 reported online again",
        () -> bus.count(5) > 0 && onlineEvents.stream().filter(e -> e.equals("pile-1 online")).count() == 2);
    int cyclesSeen = cycles.size();
    Waits.until("two more cycles", () -> cycles.size() >= cyclesSeen + 2);
    assertEquals(firstAfterMove, bus.count(1), "the old unit is not read any more");
    Waits.await(poller.command("pile-1", "port3.stop", Priority.SAFETY));
    assertEquals(5, bus.seen.get(bus.seen.size() - 1).unit(), "a command goes to the new unit");
  }

  @Test
  void aSetThatCannotBePolledIsRefusedAndChangesNothing() throws Throwable {
    IllegalArgumentException twice = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> poller.configure(List.of(new PolledDevice("pile-1", 1, Profiles.ebc10()),
            new PolledDevice("pile-1", 2, Profiles.ebc10()))));
    assertEquals("two devices named pile-1 on line shed", twice.getMessage());
    assertEquals(List.of("pile-1", "pile-9"), List.copyOf(poller.devices().keySet()));
  }

  /** The exchanges with a unit once the cycle that was under way has ended. */
  private long countAfterTheCycleUnderWay(int unit) {
    int cyclesSeen = cycles.size();
    Waits.until("the cycle under way ends", () -> cycles.size() >= cyclesSeen + 1);
    return bus.count(unit);
  }
}
