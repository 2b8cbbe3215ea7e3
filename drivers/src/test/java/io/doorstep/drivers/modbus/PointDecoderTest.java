package io.doorstep.drivers.modbus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.doorstep.drivers.modbus.PointValue.Quality;
import io.doorstep.drivers.modbus.profile.Point;
import io.doorstep.drivers.modbus.profile.PointType;
import io.doorstep.drivers.modbus.profile.RegisterTable;
import io.doorstep.drivers.modbus.profile.WordOrder;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class PointDecoderTest {
  private static final RegisterTable IN = RegisterTable.INPUT_REGISTER;

  private static Point p(String name, int address, PointType type, double scale, WordOrder order, OptionalInt invalid) {
    return new Point(name, IN, address, type, 0, scale, order, invalid, "");
  }

  private static PointValue one(Point point, int... registers) {
    ReadBlock block = new ReadBlock(point.table(), point.address(), registers.length, List.of(point));
    return PointDecoder.decode(block, registers).get(point.name());
  }

  @Test
  void int16IsSignedAndScaled() {
    PointValue v = one(p("t", 0, PointType.INT16, 0.1, WordOrder.HIGH_FIRST, OptionalInt.empty()), 0xFF38);
    assertEquals(-20.0, v.value(), 1e-9);
    assertEquals(Quality.OK, v.quality());
  }

  @Test
  void uint16IsUnsigned() {
    assertEquals(65336.0, one(p("u", 0, PointType.UINT16, 1, null, OptionalInt.empty()), 0xFF38).value());
  }

  @Test
  void bitTakesOneBitOfTheRegister() {
    Point smoke = new Point("smoke", IN, 0, PointType.BIT, 0, 1, null, OptionalInt.empty(), "");
    Point door = new Point("door", IN, 0, PointType.BIT, 3, 1, null, OptionalInt.empty(), "");
    Map<String, PointValue> v = PointDecoder.decode(new ReadBlock(IN, 0, 1, List.of(smoke, door)), new int[] {0b1000});
    assertEquals(0.0, v.get("smoke").value());
    assertEquals(1.0, v.get("door").value());
  }

  @Test
  void uint32HighWordFirstAndLowWordFirst() {
    assertEquals(0x12345678L, (long) one(p("e", 0, PointType.UINT32, 1, WordOrder.HIGH_FIRST, OptionalInt.empty()), 0x1234, 0x5678).value());
    assertEquals(0x56781234L, (long) one(p("e", 0, PointType.UINT32, 1, WordOrder.LOW_FIRST, OptionalInt.empty()), 0x1234, 0x5678).value());
    assertEquals(4294967295.0, one(p("e", 0, PointType.UINT32, 1, WordOrder.HIGH_FIRST, OptionalInt.empty()), 0xFFFF, 0xFFFF).value());
  }

  @Test
  void int32IsSigned() {
    assertEquals(-2.0, one(p("i", 0, PointType.INT32, 1, WordOrder.HIGH_FIRST, OptionalInt.empty()), 0xFFFF, 0xFFFE).value());
    assertEquals(-2.0, one(p("i", 0, PointType.INT32, 1, WordOrder.LOW_FIRST, OptionalInt.empty()), 0xFFFE, 0xFFFF).value());
  }

  @Test
  void float32InBothWordOrders() {
    int bits = Float.floatToIntBits(230.5f);
    assertEquals(230.5, one(p("f", 0, PointType.FLOAT32, 1, WordOrder.HIGH_FIRST, OptionalInt.empty()), bits >>> 16, bits & 0xFFFF).value());
    assertEquals(230.5, one(p("f", 0, PointType.FLOAT32, 1, WordOrder.LOW_FIRST, OptionalInt.empty()), bits & 0xFFFF, bits >>> 16).value());
  }

  @Test
  void theSensorBrokenSentinelIsInvalidNotAValue() {
    Point plug = p("plug", 0, PointType.INT16, 0.1, null, OptionalInt.of(0x7FFF));
    assertEquals(Quality.INVALID, one(plug, 0x7FFF).quality());
    assertEquals(Quality.OK, one(plug, 0x7FFE).quality());
  }

  @Test
  void theSentinelOfASignedPointIsComparedAsTheRawRegister() {
    Point signed = p("s", 0, PointType.INT16, 1, null, OptionalInt.of(0x8000));
    assertEquals(Quality.INVALID, one(signed, 0x8000).quality());
  }

  @Test
  void pointsAreFoundAtTheirOffsetInsideTheBlock() {
    Point a = p("a", 10, PointType.UINT16, 1, null, OptionalInt.empty());
    Point b = p("b", 13, PointType.UINT32, 1, WordOrder.HIGH_FIRST, OptionalInt.empty());
    Map<String, PointValue> v = PointDecoder.decode(new ReadBlock(IN, 10, 5, List.of(a, b)), new int[] {7, 0, 0, 0, 9});
    assertEquals(7.0, v.get("a").value());
    assertEquals(9.0, v.get("b").value());
  }

  @Test
  void coilsAndDiscreteInputsAreBools() {
    Point c = new Point("relay", RegisterTable.COIL, 3, PointType.BOOL, 0, 1, null, OptionalInt.empty(), "");
    Map<String, PointValue> v = PointDecoder.decode(new ReadBlock(RegisterTable.COIL, 2, 3, List.of(c)), new boolean[] {false, true, false});
    assertEquals(1.0, v.get("relay").value());
  }

  @Test
  void aFailedBlockMarksEachOfItsPoints() {
    ReadBlock block = BlockPlanner.plan(Profiles.ebc10()).get(0);
    Map<String, PointValue> v = PointDecoder.failed(block);
    assertEquals(block.points().size(), v.size());
    v.values().forEach(value -> assertEquals(Quality.FAILED, value.quality()));
  }
}
