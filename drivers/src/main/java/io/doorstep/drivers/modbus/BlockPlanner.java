package io.doorstep.drivers.modbus;

import io.doorstep.drivers.modbus.profile.AddressRange;
import io.doorstep.drivers.modbus.profile.DeviceProfile;
import io.doorstep.drivers.modbus.profile.Point;
import io.doorstep.drivers.modbus.profile.RegisterTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Coalesces a profile's points into as few reads as the device allows. On a 9600-baud bus every
 * transaction costs a request frame, the device's answer time and two silences, so carrying a
 * few unused registers is cheaper than a second read; but a read must never touch a forbidden
 * range (the device answers the whole read with an exception) and never split a 32-bit point,
 * whose halves would then come from two different moments.
 */
public final class BlockPlanner {
  /** Protocol limits per read: 125 registers (0x03/0x04), 2000 bits (0x01/0x02). */
  public static final int MAX_REGISTERS = 125;
  public static final int MAX_BITS = 2000;

  private BlockPlanner() {}

  /**
   * The reads for one poll of a device, table by table in {@link RegisterTable} order, each
   * table's blocks by address.
   *
   * @throws IllegalArgumentException when a point itself lies in a forbidden range
   */
  public static List<ReadBlock> plan(DeviceProfile profile) {
    List<ReadBlock> blocks = new ArrayList<>();
    for (RegisterTable table : RegisterTable.values()) {
      List<Point> points = profile.points().stream()
          .filter(p -> p.table() == table)
          .sorted(Comparator.comparingInt(Point::address).thenComparingInt(Point::lastAddress))
          .toList();
      planTable(profile, table, points, blocks);
    }
    return blocks;
  }

  private static void planTable(DeviceProfile profile, RegisterTable table, List<Point> points, List<ReadBlock> out) {
    int limit = limit(profile, table);
    List<Point> current = new ArrayList<>();
    int first = 0;
    int last = 0;
    for (Point p : points) {
      if (forbidden(profile, table, p.address(), p.lastAddress())) {
        throw new IllegalArgumentException(
            "point " + p.name() + " of profile " + profile.model() + " lies in a forbidden range");
      }
      if (!current.isEmpty() && fits(profile, table, limit, first, last, p)) {
        current.add(p);
        last = Math.max(last, p.lastAddress());
        continue;
      }
      if (!current.isEmpty()) {
        out.add(new ReadBlock(table, first, last - first + 1, current));
      }
      current = new ArrayList<>();
      current.add(p);
      first = p.address();
      last = p.lastAddress();
    }
    if (!current.isEmpty()) {
      out.add(new ReadBlock(table, first, last - first + 1, current));
    }
  }

  private static boolean fits(DeviceProfile profile, RegisterTable table, int limit, int first, int last, Point p) {
    int gap = p.address() - last - 1;
    int newLast = Math.max(last, p.lastAddress());
    return gap <= Math.max(0, profile.maxGap())
        && newLast - first + 1 <= limit
        && (newLast <= last || !forbidden(profile, table, last + 1, newLast));
  }

  private static int limit(DeviceProfile profile, RegisterTable table) {
    int protocol = table.isBitTable() ? MAX_BITS : MAX_REGISTERS;
    return profile.maxPerRead() > 0 ? Math.min(profile.maxPerRead(), protocol) : protocol;
  }

  private static boolean forbidden(DeviceProfile profile, RegisterTable table, int first, int last) {
    for (AddressRange range : profile.forbidden()) {
      if (range.overlaps(table, first, last)) {
        return true;
      }
    }
    return false;
  }
}
