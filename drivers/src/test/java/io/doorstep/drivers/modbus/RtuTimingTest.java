package io.doorstep.drivers.modbus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.doorstep.drivers.modbus.profile.RegisterTable;
import java.util.List;
import org.junit.jupiter.api.Test;

class RtuTimingTest {
  @Test
  void aCharacterIsElevenBits() {
    assertEquals(11.0 / 9.6, RtuTiming.characterMs(9600), 1e-9);
  }

  @Test
  void theSilenceIsThreeAndAHalfCharactersUpTo19200AndFixedAbove() {
    assertEquals(3.5 * 11.0 / 19.2, RtuTiming.silenceMs(19200), 1e-9);
    assertEquals(1.75, RtuTiming.silenceMs(38400), 1e-9);
    assertEquals(1.75, RtuTiming.silenceMs(115200), 1e-9);
  }

  @Test
  void aTimeOutCoversRequestAnswerTimeLongestAnswerAndTheMargin() {
    // 8-byte request + 125-register answer (255 bytes) at 9600 baud, device answers within 50 ms.
    int answer = RtuTiming.readResponseBytes(RegisterTable.INPUT_REGISTER, 125);
    assertEquals(255, answer);
    double wire = (8 + 3.5) * 11 / 9.6 + 50 + (255 + 3.5) * 11 / 9.6;
    assertEquals((long) Math.ceil(wire) + RtuTiming.MARGIN_MS, RtuTiming.timeoutMs(9600, 8, answer, 50));
  }

  @Test
  void bitAnswersCarryEightBitsPerByte() {
    assertEquals(5 + 2, RtuTiming.readResponseBytes(RegisterTable.COIL, 9));
    assertEquals(9 + 20, RtuTiming.writeRegistersRequestBytes(10));
  }

  @Test
  void theCycleFloorIsTheSumOfItsTransactions() {
    ReadBlock a = new ReadBlock(RegisterTable.INPUT_REGISTER, 0, 7, List.of());
    ReadBlock b = new ReadBlock(RegisterTable.INPUT_REGISTER, 0x100, 100, List.of());
    double expected = RtuTiming.transactionMs(9600, 8, 5 + 14, 50) + RtuTiming.transactionMs(9600, 8, 5 + 200, 50);
    assertEquals(expected, RtuTiming.minimumCycleMs(9600, List.of(a, b), 50), 1e-9);
  }
}
