package io.doorstep.drivers.modbus;

import io.doorstep.drivers.modbus.profile.Point;
import io.doorstep.drivers.modbus.profile.RegisterTable;
import java.util.List;

/**
 * One read request planned by {@link BlockPlanner}: a contiguous run of registers (or bits) of
 * one table, and the points it carries.
 *
 * @param address first register (or bit) read
 * @param count how many registers (or bits) are read, gaps included
 * @param points the points lying wholly inside the block, by address
 */
public record ReadBlock(RegisterTable table, int address, int count, List<Point> points) {
  public ReadBlock {
    points = List.copyOf(points);
  }

  /** The last register (or bit) address read. */
  public int lastAddress() {
    return address + count - 1;
  }
}
