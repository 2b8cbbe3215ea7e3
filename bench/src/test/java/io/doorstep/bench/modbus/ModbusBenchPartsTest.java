package io.doorstep.bench.modbus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.doorstep.drivers.modbus.profile.RegisterTable;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModbusBenchPartsTest {

  @Test
  void theBareMastersRequestIsTheTextbookFrame() {
    // The Modbus spec's example: read 10 holding registers from 0 of unit 1.
    assertArrayEquals(new byte[] {0x01, 0x03, 0x00, 0x00, 0x00, 0x0A, (byte) 0xC5, (byte) 0xCD},
        BareMaster.readRequest(1, RegisterTable.HOLDING_REGISTER, 0, 10));
    assertEquals(0x04, BareMaster.readRequest(3, RegisterTable.INPUT_REGISTER, 0x0100, 122)[1]);
  }

  @Test
  void markdownTablesLineUp() {
    assertEquals("| a | b |\n|---|---:|\n| x | 1.00 |\n",
        Md.table(List.of("a", "b"), List.of(List.of("x", Md.ms(1)))));
    assertThrows(IllegalArgumentException.class, () -> Md.table(List.of("a", "b"), List.of(List.of("x"))));
    assertEquals("5,267.50", Md.ms(5267.5));
    assertEquals("90.0 %", Md.pct(0.9));
  }

  @Test
  void percentilesAreNearestRank() {
    List<Double> v = List.of(5.0, 1.0, 3.0, 2.0, 4.0);
    assertEquals(1.0, EfficiencyRun.percentile(v, 0));
    assertEquals(3.0, EfficiencyRun.percentile(v, 50));
    assertEquals(5.0, EfficiencyRun.percentile(v, 99));
    assertEquals(5.0, EfficiencyRun.percentile(v, 100));
  }

  @Test
  void theCycleTimerIsReadFromPrometheusTextForItsLineOnly() {
    String text = String.join("\n",
        "# TYPE doorstep_modbus_poll_cycle_seconds summary",
        "doorstep_modbus_poll_cycle_seconds_count{line=\"other\"} 9.0",
        "doorstep_modbus_poll_cycle_seconds_count{line=\"shed1-bus\"} 4.0",
        "doorstep_modbus_poll_cycle_seconds_sum{line=\"shed1-bus\"} 19.5",
        "doorstep_modbus_poll_cycle_seconds_max{line=\"shed1-bus\"} 5.1");
    HazardRun.CycleMetric m = HazardRun.CycleMetric.parse(text, "shed1-bus");
    assertEquals(new HazardRun.CycleMetric(4, 19.5, 5.1), m);
    assertEquals(4875.0, HazardRun.CycleMetric.meanMs(new HazardRun.CycleMetric(0, 0, 0), m), 1e-9);
  }

  @Test
  void optionsHaveTheIssuesDefaultsAndRefuseNonsense() {
    ModbusOptions o = ModbusOptions.parse(new String[] {"efficiency"});
    assertEquals(List.of(9600, 115200), o.bauds());
    assertEquals(5, o.answerDelayMs());
    ModbusOptions h = ModbusOptions.parse(new String[] {"hazard", "--trials", "5", "--cycle-ms", "0", "--out", "x.md"});
    assertEquals(5, h.trials());
    assertEquals(0, h.cycleMs());
    assertEquals(Path.of("x.md"), h.out());
    assertThrows(IllegalArgumentException.class, () -> ModbusOptions.parse(new String[] {"speed"}));
    assertThrows(IllegalArgumentException.class, () -> ModbusOptions.parse(new String[] {"hazard", "--trials"}));
    assertThrows(IllegalArgumentException.class, () -> ModbusOptions.parse(new String[] {"hazard", "--trials", "0"}));
    assertEquals(2, ModbusBench.run(new String[] {"overhead", "--bogus", "1"}, ""));
    assertEquals(0, ModbusBench.run(new String[] {"--help"}, ""));
  }
}
