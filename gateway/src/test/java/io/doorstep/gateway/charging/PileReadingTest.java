package io.doorstep.gateway.charging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.drivers.modbus.DeviceReading;
import io.doorstep.drivers.modbus.PointValue;
import io.doorstep.drivers.modbus.PointValue.Quality;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** From the driver's points of an EBC-10 to what the rules read. */
class PileReadingTest {
  private final Map<String, PointValue> points = new HashMap<>();

  private void port(int n, Quality quality, double state, double plug) {
    String p = "port" + n + ".";
    put(p + "state", state, quality);
    put(p + "fault", 0, quality);
    put(p + "voltage", 220, quality);
    put(p + "current", 1800, quality);
    put(p + "power", 400, quality);
    put(p + "energy", 123, quality);
    put(p + "plugTemperature", plug, quality);
    put(p + "relaySeconds", 3600, quality);
  }

  private void put(String name, double value, Quality quality) {
    points.put(name, new PointValue(value, quality));
  }

  @Test
  void aGoodPollReadsEveryPortAndThePile() {
    put("status", PileReading.SMOKE | PileReading.DOOR_OPEN, Quality.OK);
    put("mainsVoltage", 231.5, Quality.OK);
    put("cabinetTemperature", -3.5, Quality.OK);
    port(1, Quality.OK, 2, 41.5);
    port(2, Quality.OK, 0, 20);
    PileReading r = PileReading.from(new DeviceReading("P1", 42, points));

    assertEquals("P1", r.pileId());
    assertEquals(42, r.atMillis());
    assertTrue(r.flag(PileReading.SMOKE));
    assertTrue(r.flag(PileReading.DOOR_OPEN));
    assertFalse(r.flag(PileReading.CABINET_HOT));
    assertEquals(231.5, r.mainsVoltage());
    assertEquals(-3.5, r.cabinetTemperature());
    assertEquals(List.of(new PortReading(1, 2, 0, 400, 1800, 123, 41.5, false, 3600, true),
        new PortReading(2, 0, 0, 400, 1800, 123, 20.0, false, 3600, true)), r.ports());
  }

  @Test
  void a7fffPlugTemperatureIsABrokenSensorNotATemperature() {
    port(1, Quality.OK, 2, 0);
    put("port1.plugTemperature", 3276.7, Quality.INVALID);
    PortReading p = PileReading.from(new DeviceReading("P1", 1, points)).ports().get(0);
    assertNull(p.plugTemperature());
    assertTrue(p.plugSensorBroken());
    assertTrue(p.valid());
  }

  @Test
  void faultFourIsABrokenSensorToo() {
    port(1, Quality.OK, 4, 25);
    put("port1.fault", 4, Quality.OK);
    assertTrue(PileReading.from(new DeviceReading("P1", 1, points)).ports().get(0).plugSensorBroken());
  }

  @Test
  void aFailedBlockMakesItsPortsInvalidAndTheOthersStayGood() {
    port(1, Quality.OK, 2, 30);
    port(8, Quality.FAILED, 0, 0);
    var ports = PileReading.from(new DeviceReading("P1", 1, points)).ports();
    assertTrue(ports.get(0).valid());
    assertEquals(8, ports.get(1).port());
    assertFalse(ports.get(1).valid());
  }

  @Test
  void aPortWithOnePointFailedIsNotValid() {
    port(1, Quality.OK, 2, 30);
    put("port1.power", 0, Quality.FAILED);
    assertFalse(PileReading.from(new DeviceReading("P1", 1, points)).ports().get(0).valid());
  }

  @Test
  void aFailedStatusIsUnknownNotZero() {
    put("status", 0, Quality.FAILED);
    put("mainsVoltage", 0, Quality.FAILED);
    PileReading r = PileReading.from(new DeviceReading("P1", 1, points));
    assertNull(r.statusFlags());
    assertNull(r.mainsVoltage());
    assertNull(r.cabinetTemperature());
    assertFalse(r.flag(PileReading.SMOKE));
  }

  @Test
  void unreadPortsDecideNothing() {
    ShedRig rig = new ShedRig();
    rig.read("P1", Port.charging(1, 900).plug(80.0));
    rig.pass(1_000).read("P1", Port.plugged(1));
    var actions = rig.pass(10_000).safety.onReading(new PileReading("P1", rig.now, null, null, null,
        List.of(PortReading.failed(1), PortReading.failed(2))), rig.now);
    assertEquals(List.of(), actions);
  }
}
