package io.doorstep.bench.modbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.drivers.modbus.ReadBlock;
import io.doorstep.drivers.modbus.RtuTiming;
import io.doorstep.drivers.modbus.profile.RegisterTable;
import java.util.List;
import org.junit.jupiter.api.Test;

class CycleTheoryTest {
  /** The shipped EBC-10 profile's plan: the pile's own registers, ports 1-8, ports 9-10. */
  private static final List<ReadBlock> EBC10 = List.of(
      new ReadBlock(RegisterTable.INPUT_REGISTER, 0x0000, 7, List.of()),
      new ReadBlock(RegisterTable.INPUT_REGISTER, 0x0100, 122, List.of()),
      new ReadBlock(RegisterTable.INPUT_REGISTER, 0x0180, 26, List.of()));

  @Test
  void at9600BaudTwelvePilesNeedFiveAndAQuarterSecondsOnTheWire() {
    CycleTheory t = CycleTheory.of(9600, EBC10, 5, 12);
    double c = 11000.0 / 9600;
    double silence = 3.5 * c;
    assertEquals(List.of(19, 249, 57), t.blocks().stream().map(CycleTheory.Block::responseBytes).toList());
    // 8-byte request, silence, 5 ms, answer, silence; per block, then per pile, then × 12
    double pile = (8 * c + silence + 5 + 19 * c + silence) + (8 * c + silence + 5 + 249 * c + silence)
        + (8 * c + silence + 5 + 57 * c + silence);
    assertEquals(pile, t.deviceMs(), 1e-9);
    assertEquals(12 * pile, t.cycleMs(), 1e-9);
    assertEquals(5267.5, t.cycleMs(), 0.05);
    assertEquals(12 * RtuTiming.minimumCycleMs(9600, EBC10, 5), t.cycleMs(), 1e-9);
  }

  @Test
  void above19200TheSilenceIsFixedAndThePtyNeedsNoRequestTime() {
    CycleTheory t = CycleTheory.of(115200, EBC10, 5, 12);
    CycleTheory.Block ports = t.blocks().get(1);
    assertEquals(1.75, ports.silenceMs(), 1e-12);
    assertEquals(5 + 249 * 11000.0 / 115200 + 1.75, ports.ptyMs(), 1e-9);
    assertTrue(t.ptyCycleMs() < t.cycleMs());
  }

  @Test
  void aDelayShorterThanTheSilenceStillWaitsTheSilenceOnThePty() {
    CycleTheory t = CycleTheory.of(9600, EBC10.subList(0, 1), 0, 1);
    assertEquals(3.5 * 11000.0 / 9600 + 19 * 11000.0 / 9600 + 3.5 * 11000.0 / 9600, t.ptyCycleMs(), 1e-9);
  }

  @Test
  void efficiencyIsTheTheoreticalRateOverTheAchievedOne() {
    assertEquals(0.9, CycleTheory.efficiency(900, 1000), 1e-12);
  }

  @Test
  void theoryTextShowsEveryTermOfEveryBlock() {
    String text = EfficiencyRun.theoryText(CycleTheory.of(9600, EBC10, 5, 12));
    assertTrue(text.contains("| input register 0x0100 count 122 | 8 B = 9.17 | 249 B = 285.31 | "
        + "9.17 + 4.01 + 5 + 285.31 + 4.01 = 307.50 |"), text);
    assertTrue(text.contains("× 12 piles = **5,267.50 ms**"), text);
  }
}
