package io.doorstep.sim.charger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.sim.modbus.RtuCodec;
import io.doorstep.sim.modbus.RtuRequest;
import io.doorstep.sim.modbus.RtuRequest.ReadRegisters;
import io.doorstep.sim.modbus.RtuRequest.WriteRegister;
import io.doorstep.sim.modbus.RtuRequest.WriteRegisters;
import io.doorstep.sim.modbus.RtuResponse;
import io.doorstep.sim.modbus.RtuResponse.Refused;
import io.doorstep.sim.modbus.RtuResponse.Registers;
import io.doorstep.sim.serial.RtuSlave;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pile's behaviour through its request handler, on a clock the test moves. */
class Ebc10PileTest {

  private static final ChargerProfile BIKE = new ChargerProfile(250, Duration.ofHours(3),
      Duration.ofHours(1), 0.5);

  private final ManualTicker clock = new ManualTicker();
  private final Ebc10Pile pile = Ebc10Pile.builder(3).ticker(clock).seed(7).build();

  private RtuResponse ask(RtuRequest request) {
    RtuSlave.Reply reply = pile.serve(request);
    return RtuCodec.decodeResponse(reply.frame());
  }

  private List<Integer> read(int function, int address, int count) {
    RtuResponse response = ask(new ReadRegisters(3, function, address, count));
    if (response instanceof Registers registers) {
      return registers.values();
    }
    throw new AssertionError("refused: " + response);
  }

  private int refusal(RtuRequest request) {
    RtuResponse response = ask(request);
    return response instanceof Refused refused ? refused.code() : -1;
  }

  @Test
  void inputRegistersFollowTheDocument() {
    pile.setSmoke(true);
    pile.setDoorOpen(true);
    clock.advance(Duration.ofSeconds(1));
    List<Integer> head = read(4, 0, 7);
    assertEquals(0b01001, head.get(0));
    assertTrue(Math.abs(head.get(1) - 2200) < 20, "mains " + head.get(1));
    assertTrue(Math.abs(head.get(2) - 250) < 10, "cabinet " + head.get(2));
    assertEquals(0x0102, head.get(3));
    assertEquals(10, head.get(4));
    assertEquals(1_234_567, head.get(5) << 16 | head.get(6));
    pile.setSmoke(false);
    pile.setCabinetTemperature(75);
    pile.setMainsVoltage(180);
    pile.setDoorOpen(false);
    pile.setInternalFault(true);
    clock.advance(Duration.ofSeconds(1));
    assertEquals(0b10110, read(4, 0, 1).get(0));
    pile.setCabinetTemperature(-5);
    clock.advance(Duration.ofSeconds(1));
    assertTrue((short) (int) read(4, 2, 1).get(0) < -40, "signed cabinet temperature");
  }

  @Test
  void aPortBlockShowsACharge() {
    pile.plugIn(4, BIKE);
    clock.advance(Duration.ofSeconds(90));
    List<Integer> block = read(4, 0x0130, 16);
    assertEquals(2, block.get(0));
    assertEquals(0, block.get(1));
    assertTrue(Math.abs(block.get(2) - 2195) < 30, "volts " + block.get(2));
    assertTrue(Math.abs(block.get(4) - 250) < 10, "watts " + block.get(4));
    assertTrue(Math.abs(block.get(3) - 250_000 / 219) < 50, "mA " + block.get(3));
    assertEquals(6, block.get(5) << 16 | block.get(6)); // 250 W for 90 s = 6.25 Wh
    assertEquals(90, block.get(8) << 16 | block.get(9));
    assertEquals(List.of(0, 0, 0, 0, 0, 0), block.subList(10, 16));
    assertEquals(List.of(0, 0, 0, 0, 0), read(4, 0x0100, 5).subList(0, 5));
    pile.breakPlugSensor(4, true);
    assertEquals(0x7FFF, read(4, 0x0137, 1).get(0));
    assertEquals(4, read(4, 0x0131, 1).get(0));
  }

  @ParameterizedTest(name = "fn {0} at {1} count {2}: exception {3}")
  @CsvSource({
      "4, 0x0000, 0, 3", "4, 0x0000, 126, 3", "3, 0x0000, 126, 3",
      "4, 0x0007, 1, 2", "4, 0x0005, 3, 2", "4, 0x00FF, 2, 2", "4, 0x01A0, 1, 2",
      "4, 0x0190, 17, 2", "3, 0x0004, 1, 2", "3, 0x0102, 1, 2", "3, 0x0100, 3, 2",
      "3, 0x01A0, 1, 2"})
  void readsOutsideTheMapOrTooLargeAreRefused(int function, int address, int count, int code) {
    assertEquals(code, refusal(new ReadRegisters(3, function, address, count)));
  }

  @Test
  void theWholePortAreaIsReadableInTwoReads() {
    assertEquals(112, read(4, 0x0100, 112).size());
    assertEquals(48, read(4, 0x0170, 48).size());
    assertEquals(List.of(3, 2, 0, 1), read(3, 0, 4));
    assertEquals(List.of(2, 1000), read(3, 0x0190, 2));
  }

  @Test
  void unknownFunctionsAndBadValuesAreRefused() {
    assertEquals(1, refusal(new RtuRequest.Other(3, 0x01, new byte[] {0, 0, 0, 1})));
    assertEquals(1, refusal(new RtuRequest.Other(3, 0x41, new byte[0])));
    assertEquals(3, refusal(new WriteRegister(3, 0x0100, 3)));
    assertEquals(3, refusal(new WriteRegister(3, 0x0101, 99)));
    assertEquals(3, refusal(new WriteRegister(3, 0x0101, 2001)));
    assertEquals(3, refusal(new WriteRegister(3, 0x0000, 248)));
    assertEquals(3, refusal(new WriteRegister(3, 0x0001, 7)));
    assertEquals(2, refusal(new WriteRegister(3, 0x0004, 1)));
    assertEquals(2, refusal(new WriteRegister(3, 0x0102, 1)));
    assertEquals(3, refusal(new WriteRegisters(3, 0x0100, 3, List.of(1, 1000))));
    assertEquals(2, refusal(WriteRegisters.of(3, 0x0101, List.of(1000, 0))));
  }

  @Test
  void startOnAnEmptyPortIsRefusedWith4AndWritesNothing() {
    assertEquals(4, refusal(new WriteRegister(3, 0x0100, 1)));
    // A multiple write that would fail part way writes none of it.
    assertEquals(4, refusal(WriteRegisters.of(3, 0x0110, List.of(1, 500))));
    assertEquals(1000, pile.tripWatts(2));
  }

  @Test
  void aWriteListenerHearsEveryRegisterWrittenAndNoRead() {
    List<Integer> heard = new java.util.ArrayList<>();
    pile.onWrite((register, value, nanos) -> {
      heard.add(register);
      heard.add(value);
    });
    pile.plugIn(2, BIKE);
    read(4, 0x0110, 10);
    ask(new WriteRegister(3, 0x0110, 2));
    ask(WriteRegisters.of(3, 0x0110, List.of(1, 1500)));
    assertEquals(List.of(0x0110, 2, 0x0110, 1, 0x0111, 1500), heard);
  }

  @Test
  void stopOpensTheRelayAndStartClosesIt() {
    pile.plugIn(1, BIKE);
    assertTrue(pile.relayClosed(1));
    assertEquals(1, read(3, 0x0100, 1).get(0));
    ask(new WriteRegister(3, 0x0100, 2));
    assertFalse(pile.relayClosed(1));
    assertEquals(PortState.PLUGGED, pile.state(1));
    assertEquals(2, read(3, 0x0100, 1).get(0));
    clock.advance(Duration.ofMinutes(5));
    assertEquals(0.0, pile.power(1));
    ask(WriteRegisters.of(3, 0x0100, List.of(1, 1500)));
    assertTrue(pile.relayClosed(1));
    assertEquals(1500, pile.tripWatts(1));
    pile.unplug(1);
    assertEquals(PortState.EMPTY, pile.state(1));
  }

  @Test
  void withoutAutoStartAPlugWaitsForAStart() {
    ask(new WriteRegister(3, 0x0003, 0));
    pile.plugIn(2, BIKE);
    assertEquals(PortState.PLUGGED, pile.state(2));
    ask(new WriteRegister(3, 0x0110, 1));
    assertEquals(PortState.CHARGING, pile.state(2));
  }

  @Test
  void aPowerAboveTheTripForTwoSecondsLatchesFault1UntilUnplugged() {
    pile.plugIn(5, BIKE);
    ask(new WriteRegister(3, 0x0141, 800));
    pile.drawPower(5, 900);
    clock.advance(Duration.ofMillis(1900));
    assertTrue(pile.relayClosed(5));
    clock.advance(Duration.ofMillis(200));
    assertFalse(pile.relayClosed(5));
    assertEquals(List.of(4, 1), read(4, 0x0140, 2));
    assertEquals(4, refusal(new WriteRegister(3, 0x0140, 1)));
    pile.releasePower(5);
    clock.advance(Duration.ofMinutes(1));
    assertEquals(PortState.FAULT, pile.state(5));
    pile.unplug(5);
    pile.plugIn(5, BIKE);
    assertEquals(PortState.CHARGING, pile.state(5));
  }

  @Test
  void aWeldedRelayAcknowledgesTheStopButKeepsCharging() {
    pile.plugIn(6, BIKE);
    pile.weldRelay(6);
    clock.advance(Duration.ofSeconds(10));
    assertEquals(List.of(2, 0), read(4, 0x0150, 2));
    assertTrue(ask(new WriteRegister(3, 0x0150, 2)) instanceof RtuResponse.WrittenRegister);
    clock.advance(Duration.ofSeconds(10));
    assertTrue(pile.relayClosed(6));
    assertTrue(pile.power(6) > 200);
    assertEquals(List.of(4, 3), read(4, 0x0150, 2));
    assertEquals(1, read(3, 0x0150, 1).get(0));
  }

  @Test
  void noCurrentForSixtySecondsIsState3() {
    pile.plugIn(7, BIKE);
    pile.drawPower(7, 0);
    clock.advance(Duration.ofSeconds(59));
    assertEquals(PortState.CHARGING, pile.state(7));
    clock.advance(Duration.ofSeconds(2));
    assertEquals(PortState.IDLE, pile.state(7));
  }

  @Test
  void addressChangeAnswersFromTheOldAddressThenMoves() {
    RtuSlave.Reply reply = pile.serve(new WriteRegister(3, 0x0000, 9));
    assertEquals(3, RtuCodec.decodeResponse(reply.frame()).unit());
    assertEquals(9, pile.address());
    assertNull(pile.serve(new ReadRegisters(3, 4, 0, 1)));
    assertEquals(19200, pile.serve(new WriteRegister(9, 0x0001, 3)).baudAfter());
  }

  @Test
  void broadcastWritesApplyAndAreNeverAnswered() {
    assertNull(pile.serve(new WriteRegister(0, 0x0002, 1)));
    assertTrue(pile.buzzer());
    assertNull(pile.serve(new ReadRegisters(0, 4, 0, 1)));
    assertNull(pile.serve(new WriteRegister(0, 0x0100, 1))); // refused, and still silent
  }

  @Test
  void injectedExceptionsSilenceAndCorruption() {
    pile.exceptionFor(4, 0x0105, 4);
    assertEquals(4, refusal(new ReadRegisters(3, 4, 0x0100, 16)));
    assertEquals(16, read(4, 0x0110, 16).size());
    pile.clearExceptions();
    assertEquals(16, read(4, 0x0100, 16).size());
    pile.corruptCrc(1);
    byte[] broken = pile.serve(new ReadRegisters(3, 4, 0, 1)).frame();
    assertFalse(io.doorstep.sim.modbus.Crc16.matches(broken, broken.length));
    assertEquals(1, read(4, 0, 1).size());
    pile.silence(true);
    assertNull(pile.serve(new ReadRegisters(3, 4, 0, 1)));
    assertNull(pile.serve(new WriteRegister(3, 0x0002, 1)));
    assertFalse(pile.buzzer());
  }

  @Test
  void chargingCurveUnderTimeAcceleration() {
    Ebc10Pile fast = Ebc10Pile.builder(1).ticker(clock).speed(60).seed(3).build();
    fast.plugIn(1, BIKE);
    fast.setPlugTemperature(1, 22);
    fast.releasePlugTemperature(1);
    // 2 real minutes = 2 simulated hours: still flat.
    clock.advance(Duration.ofMinutes(2));
    assertTrue(Math.abs(fast.power(1) - 250) < 15, "bulk " + fast.power(1));
    assertTrue(Math.abs(fast.sessionEnergyWh(1) - 500) < 10, "energy " + fast.sessionEnergyWh(1));
    double hot = fast.plugTemperature(1);
    assertTrue(hot > 24 && hot < 30, "plug " + hot);
    assertEquals(7200, fast.inputRegisters(0x0108, 2)[1]);
    // Half way down the taper: between bulk and the end of the taper.
    clock.advance(Duration.ofSeconds(90));
    double tapering = fast.power(1);
    assertTrue(tapering > 10 && tapering < 100, "taper " + tapering);
    clock.advance(Duration.ofMinutes(1));
    assertTrue(fast.power(1) < 1.5, "finished " + fast.power(1));
    double full = fast.sessionEnergyWh(1);
    assertTrue(full > 750 + 40 && full < 750 + 250, "energy " + full);
    assertTrue(fast.plugTemperature(1) < 23, "cooled " + fast.plugTemperature(1));
    assertEquals(PortState.IDLE, fast.state(1));
    int[] total = fast.inputRegisters(5, 2);
    assertEquals(1_234_567 + (long) full, (long) total[0] << 16 | total[1], 2);
  }
}
