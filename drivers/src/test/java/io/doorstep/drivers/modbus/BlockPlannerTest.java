package io.doorstep.drivers.modbus;

import static io.doorstep.drivers.modbus.Profiles.input;
import static io.doorstep.drivers.modbus.Profiles.point;
import static io.doorstep.drivers.modbus.Profiles.profile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.drivers.modbus.profile.AddressRange;
import io.doorstep.drivers.modbus.profile.DeviceProfile;
import io.doorstep.drivers.modbus.profile.Point;
import io.doorstep.drivers.modbus.profile.PointType;
import io.doorstep.drivers.modbus.profile.RegisterTable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BlockPlannerTest {
  private static final RegisterTable IN = RegisterTable.INPUT_REGISTER;

  @Test
  void theEbc10IsReadInThreeBlocksWithWholePortsAndNothingForbidden() {
    DeviceProfile ebc10 = Profiles.ebc10();
    List<ReadBlock> blocks = BlockPlanner.plan(ebc10);

    assertEquals(3, blocks.size(), blocks.toString());
    assertEquals(0x0000, blocks.get(0).address());
    assertEquals(7, blocks.get(0).count());
    assertEquals(0x0100, blocks.get(1).address());
    assertTrue(blocks.get(1).count() <= 125);
    for (ReadBlock b : blocks) {
      assertTrue(b.lastAddress() < 0x0007 || b.address() > 0x00FF, "touches the forbidden range: " + b);
      for (Point p : b.points()) {
        assertTrue(p.address() >= b.address() && p.lastAddress() <= b.lastAddress(), p.name() + " split in " + b);
      }
    }
    Set<String> planned = new HashSet<>();
    blocks.forEach(b -> b.points().forEach(p -> assertTrue(planned.add(p.name()), "twice: " + p.name())));
    assertEquals(ebc10.points().size(), planned.size());
    assertTrue(blocks.get(2).points().stream().anyMatch(p -> p.name().equals("port10.seconds")));
  }

  @Test
  void aGapWithinTheLimitIsCarriedAndAWiderOneStartsANewRead() {
    DeviceProfile p = profile(List.of(input("a", 0, PointType.UINT16), input("b", 4, PointType.UINT16),
        input("c", 10, PointType.UINT16)), List.of(), 3, 125);
    List<ReadBlock> blocks = BlockPlanner.plan(p);
    assertEquals(2, blocks.size());
    assertEquals(new ReadBlock(IN, 0, 5, List.of(p.points().get(0), p.points().get(1))), blocks.get(0));
    assertEquals(10, blocks.get(1).address());
    assertEquals(1, blocks.get(1).count());
  }

  @Test
  void aReadNeverCrossesAForbiddenRangeEvenWhenTheGapWouldAllowIt() {
    DeviceProfile p = profile(List.of(input("a", 0, PointType.UINT16), input("b", 3, PointType.UINT16)),
        List.of(new AddressRange(IN, 1, 1)), 10, 125);
    List<ReadBlock> blocks = BlockPlanner.plan(p);
    assertEquals(2, blocks.size());
    assertEquals(1, blocks.get(0).count());
  }

  @Test
  void aForbiddenRangeInAnotherTableDoesNotSplit() {
    DeviceProfile p = profile(List.of(input("a", 0, PointType.UINT16), input("b", 3, PointType.UINT16)),
        List.of(new AddressRange(RegisterTable.HOLDING_REGISTER, 1, 1)), 10, 125);
    assertEquals(1, BlockPlanner.plan(p).size());
  }

  @Test
  void a32BitPointThatWouldCrossTheLimitStartsTheNextBlock() {
    DeviceProfile p = profile(List.of(input("a", 0, PointType.UINT16), input("b", 3, PointType.UINT32)), List.of(), 10, 4);
    List<ReadBlock> blocks = BlockPlanner.plan(p);
    assertEquals(2, blocks.size());
    assertEquals(new ReadBlock(IN, 0, 1, List.of(p.points().get(0))), blocks.get(0));
    assertEquals(new ReadBlock(IN, 3, 2, List.of(p.points().get(1))), blocks.get(1));
  }

  @Test
  void tablesAreNeverMixedAndBitTablesCountBits() {
    DeviceProfile p = profile(List.of(
        point("coil0", RegisterTable.COIL, 0, PointType.BOOL),
        point("coil1000", RegisterTable.COIL, 1000, PointType.BOOL),
        point("di5", RegisterTable.DISCRETE_INPUT, 5, PointType.BOOL),
        point("hr0", RegisterTable.HOLDING_REGISTER, 0, PointType.UINT16)), List.of(), 2000, 0);
    List<ReadBlock> blocks = BlockPlanner.plan(p);
    assertEquals(List.of(RegisterTable.COIL, RegisterTable.DISCRETE_INPUT, RegisterTable.HOLDING_REGISTER),
        blocks.stream().map(ReadBlock::table).toList());
    assertEquals(1001, blocks.get(0).count());
  }

  @Test
  void pointsSharingARegisterShareTheRead() {
    Point bit0 = new Point("smoke", IN, 0, PointType.BIT, 0, 1, null, java.util.OptionalInt.empty(), "");
    Point bit3 = new Point("door", IN, 0, PointType.BIT, 3, 1, null, java.util.OptionalInt.empty(), "");
    List<ReadBlock> blocks = BlockPlanner.plan(profile(List.of(bit3, bit0), List.of(), 0, 125));
    assertEquals(1, blocks.size());
    assertEquals(1, blocks.get(0).count());
    assertEquals(2, blocks.get(0).points().size());
  }

  @Test
  void anEmptyProfileNeedsNoRead() {
    assertEquals(List.of(), BlockPlanner.plan(profile(List.of(), List.of(), 10, 125)));
  }

  @Test
  void aPointInsideAForbiddenRangeIsAProfileError() {
    DeviceProfile p = profile(List.of(input("a", 5, PointType.UINT32)), List.of(new AddressRange(IN, 6, 9)), 0, 125);
    assertThrows(IllegalArgumentException.class, () -> BlockPlanner.plan(p));
  }
}
