package io.doorstep.sim.charger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.sim.modbus.Crc16;
import io.doorstep.sim.modbus.RtuCodec;
import io.doorstep.sim.modbus.RtuRequest.ReadRegisters;
import io.doorstep.sim.modbus.RtuRequest.WriteRegister;
import io.doorstep.sim.modbus.RtuResponse;
import io.doorstep.sim.modbus.RtuResponse.Refused;
import io.doorstep.sim.modbus.RtuResponse.Registers;
import io.doorstep.sim.serial.PtyPair;
import io.doorstep.sim.serial.RtuSlaveLine;
import io.doorstep.sim.serial.TestMaster;
import io.doorstep.sim.testing.Threads;
import io.doorstep.sim.testing.Waits;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Piles on a real pty pair, read by a master written in the test. */
class Ebc10BusLineTest {

  private static final Duration NO_ANSWER = Duration.ofMillis(300);

  private final PtyPair pty = PtyPair.start();
  private final Ebc10Pile one = Ebc10Pile.atAddress(1);
  private final Ebc10Pile two = Ebc10Pile.atAddress(2);
  private Ebc10Bus bus = Ebc10Bus.open(pty.a(), List.of(one, two));
  private TestMaster master = new TestMaster(pty.b(), 9600);

  @AfterEach
  void close() {
    master.close();
    bus.close();
    pty.close();
    Threads.assertNoneLeft();
  }

  @Test
  void eachPileAnswersForItsOwnAddress() {
    two.plugIn(3, ChargerProfile.typical(new java.util.Random(1)));
    RtuResponse answer = master.ask(new ReadRegisters(2, 4, 0x0120, 16));
    assertEquals(2, answer.unit());
    assertEquals(2, ((Registers) answer).values().get(0));
    RtuResponse empty = master.ask(new ReadRegisters(1, 4, 0x0120, 1));
    assertEquals(List.of(0), ((Registers) empty).values());
    List<Integer> head = ((Registers) master.ask(new ReadRegisters(1, 4, 0, 7))).values();
    assertEquals(List.of(0x0102, 10), head.subList(3, 5));
    master.send(RtuCodec.encode(new ReadRegisters(7, 4, 0, 1)));
    assertNull(master.answer(NO_ANSWER));
  }

  @Test
  void exceptionsComeBackOverTheLine() {
    assertEquals(new Refused(1, 4, 2), master.ask(new ReadRegisters(1, 4, 0x0007, 1)));
    assertEquals(new Refused(1, 4, 3), master.ask(new ReadRegisters(1, 4, 0x0100, 126)));
    assertEquals(new Refused(1, 6, 4), master.ask(new WriteRegister(1, 0x0100, 1)));
    assertEquals(new Refused(1, 0x2B, 1),
        master.ask(new io.doorstep.sim.modbus.RtuRequest.Other(1, 0x2B, new byte[] {0x0E, 1, 0})));
    assertEquals(4, bus.counts().exceptions());
  }

  @Test
  void broadcastIsAppliedAndUnanswered() {
    master.send(RtuCodec.encode(new WriteRegister(0, 0x0002, 1)));
    assertNull(master.answer(NO_ANSWER));
    assertTrue(one.buzzer());
    assertTrue(two.buzzer());
  }

  @Test
  void aRequestWithABadCrcIsDroppedUnanswered() {
    byte[] frame = RtuCodec.encode(new ReadRegisters(1, 4, 0, 1));
    frame[frame.length - 1] ^= 0x55;
    master.send(frame);
    assertNull(master.answer(NO_ANSWER));
    assertEquals(1, bus.counts().crcDrops());
    // The line is in step again after the silence.
    assertEquals(1, master.ask(new ReadRegisters(1, 4, 4, 1)).unit());
  }

  @Test
  void silenceAndCorruptedCrcInjection() {
    one.silence(true);
    master.send(RtuCodec.encode(new ReadRegisters(1, 4, 0, 1)));
    assertNull(master.answer(NO_ANSWER));
    one.silence(false);
    one.corruptCrc(1);
    master.send(RtuCodec.encode(new ReadRegisters(1, 4, 0, 1)));
    byte[] broken = master.answer(Duration.ofSeconds(2));
    assertEquals(7, broken.length);
    assertFalse(Crc16.matches(broken, broken.length));
    assertEquals(1, master.ask(new ReadRegisters(1, 4, 0, 1)).unit());
  }

  @Test
  void stopAndStartOverTheLine() {
    one.plugIn(1, ChargerProfile.typical(new java.util.Random(2)));
    master.ask(new WriteRegister(1, 0x0100, 2));
    assertFalse(one.relayClosed(1));
    assertEquals(PortState.PLUGGED, one.state(1));
    master.ask(new WriteRegister(1, 0x0100, 1));
    assertTrue(one.relayClosed(1));
  }

  @Test
  void aLongAnswerTakesItsByteTimeAt9600Baud() {
    master.ask(new ReadRegisters(1, 4, 0x0100, 1)); // warm up
    RtuResponse answer = master.ask(new ReadRegisters(1, 4, 0x0100, 125));
    assertEquals(125, ((Registers) answer).values().size());
    // 255 bytes of 11 bits at 9600 bit/s: the last arrives 254 characters after the first.
    long theory = 254L * 11 * 1_000_000_000L / 9600;
    long took = master.lastByteNanos - master.firstByteNanos;
    assertTrue(took >= theory * 9 / 10, "took " + took / 1e6 + " ms, theory " + theory / 1e6);
  }

  @Test
  void unpacedAnswersComeAtOnce() {
    bus.close();
    bus = Ebc10Bus.open(pty.a(), List.of(one), RtuSlaveLine.Options.defaults().paced(false));
    master.ask(new ReadRegisters(1, 4, 0x0100, 125));
    long took = master.lastByteNanos - master.firstByteNanos;
    assertTrue(took < 100_000_000L, "took " + took / 1e6 + " ms");
  }

  @Test
  void addressAndBaudChangesTakeEffectAfterTheReply() {
    assertEquals(1, master.ask(new WriteRegister(1, 0x0000, 9)).unit());
    assertEquals(9, master.ask(new ReadRegisters(9, 3, 0, 1)).unit());
    assertEquals(9, master.ask(new WriteRegister(9, 0x0001, 3)).unit());
    Waits.until(() -> bus.baud() == 19200, Duration.ofSeconds(2), () -> "baud " + bus.baud());
    master.close();
    master = new TestMaster(pty.b(), 19200);
    assertEquals(List.of(9, 3), ((Registers) master.ask(new ReadRegisters(9, 3, 0, 2))).values());
  }

  @Test
  void theLineComesBackWhenThePtyPairIsReplugged() {
    pty.restart();
    master.close();
    master = new TestMaster(pty.b(), 9600);
    Waits.until(() -> bus.counts().reopens() > 0, Duration.ofSeconds(5), () -> "not reopened");
    assertEquals(1, master.ask(new ReadRegisters(1, 4, 0, 1)).unit());
  }
}
