package io.doorstep.sim.modbus;

import static io.doorstep.sim.modbus.RtuFramer.Framed.Kind.BAD_CRC;
import static io.doorstep.sim.modbus.RtuFramer.Framed.Kind.FRAME;
import static io.doorstep.sim.modbus.RtuFramer.Framed.Kind.GAP;
import static io.doorstep.sim.modbus.RtuFramer.Framed.Kind.INCOMPLETE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.sim.modbus.RtuFramer.Framed;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RtuFramerTest {

  private static final long CHAR = RtuFramer.charNanos(9600);
  private final RtuFramer framer = new RtuFramer(9600);
  private final byte[] read = RtuCodec.encode(new RtuRequest.ReadRegisters(1, 4, 0x100, 16));
  private final byte[] write =
      RtuCodec.encode(RtuRequest.WriteRegisters.of(2, 0x100, List.of(2, 500)));

  private List<Framed> feed(byte[] bytes, int from, int to, long nanos) {
    return framer.accept(Arrays.copyOfRange(bytes, from, to), to - from, nanos);
  }

  @Test
  void framesEndByLengthWithoutWaitingForSilence() {
    byte[] both = new byte[read.length + write.length];
    System.arraycopy(read, 0, both, 0, read.length);
    System.arraycopy(write, 0, both, read.length, write.length);
    List<Framed> out = feed(both, 0, both.length, 1_000_000);
    assertEquals(2, out.size());
    assertEquals(FRAME, out.get(0).kind());
    assertArrayEquals(read, out.get(0).bytes());
    assertArrayEquals(write, out.get(1).bytes());
    assertFalse(framer.pending());
  }

  @Test
  void byteCountOfWriteMultipleIsWaitedFor() {
    long t = 1_000_000;
    assertTrue(feed(write, 0, 5, t).isEmpty());
    assertTrue(feed(write, 5, 7, t + 2 * CHAR).isEmpty());
    List<Framed> out = feed(write, 7, write.length, t + (write.length - 5) * CHAR);
    assertEquals(List.of(FRAME), out.stream().map(Framed::kind).toList());
  }

  @Test
  void badCrcIsDroppedAndTheLineResyncsAfterSilence() {
    byte[] bad = read.clone();
    bad[7] ^= 1;
    List<Framed> out = feed(bad, 0, bad.length, 1_000_000);
    assertEquals(BAD_CRC, out.get(0).kind());
    assertTrue(framer.silence(1_000_000 + 4 * CHAR).isEmpty());
    assertFalse(framer.pending());
    assertEquals(FRAME, feed(read, 0, read.length, 1_000_000 + 10 * CHAR).get(0).kind());
  }

  @Test
  void unknownFunctionEndsBySilence() {
    byte[] other = RtuCodec.encode(new RtuRequest.Other(1, 0x41, new byte[] {1, 2, 3}));
    assertTrue(feed(other, 0, other.length, 1_000_000).isEmpty());
    assertTrue(framer.silence(1_000_000 + 3 * CHAR).isEmpty());
    List<Framed> out = framer.silence(1_000_000 + 4 * CHAR);
    assertEquals(FRAME, out.get(0).kind());
    assertArrayEquals(other, out.get(0).bytes());
  }

  @Test
  void aGapOfMoreThanOneAndAHalfCharactersDropsTheFrame() {
    long t = 1_000_000;
    feed(read, 0, 3, t);
    // One byte arriving 3 characters after the last: 2 characters of silence before it.
    List<Framed> out = feed(read, 3, 4, t + 3 * CHAR);
    assertEquals(List.of(GAP), out.stream().map(Framed::kind).toList());
    assertTrue(feed(read, 4, read.length, t + 4 * CHAR).isEmpty());
    framer.silence(t + 8 * CHAR);
    assertEquals(FRAME, feed(read, 0, read.length, t + 20 * CHAR).get(0).kind());
  }

  @Test
  void bytesThatStreamedInWhileTheReaderSleptAreNoGap() {
    long t = 1_000_000;
    feed(read, 0, 2, t);
    // Six bytes seen at once, six characters later: they arrived back to back.
    List<Framed> out = feed(read, 2, 8, t + 6 * CHAR);
    assertEquals(List.of(FRAME), out.stream().map(Framed::kind).toList());
  }

  @Test
  void aFrameCutShortIsDroppedAtSilence() {
    feed(read, 0, 5, 1_000_000);
    List<Framed> out = framer.silence(1_000_000 + 4 * CHAR);
    assertEquals(List.of(INCOMPLETE), out.stream().map(Framed::kind).toList());
    assertFalse(framer.pending());
  }
}
