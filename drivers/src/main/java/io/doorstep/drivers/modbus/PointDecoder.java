package io.doorstep.drivers.modbus;

import io.doorstep.drivers.modbus.PointValue.Quality;
import io.doorstep.drivers.modbus.profile.Point;
import io.doorstep.drivers.modbus.profile.WordOrder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns the raw answer to one {@link ReadBlock} into point values. Pure: no I/O, no state, so
 * every encoding a profile can name is tested here rather than on a bus.
 */
public final class PointDecoder {
  private PointDecoder() {}

  /**
   * Decodes a register block (input or holding registers).
   *
   * @param registers the answer, one unsigned 16-bit value per register, {@code block.count()} long
   */
  public static Map<String, PointValue> decode(ReadBlock block, int[] registers) {
    requireLength(block, registers.length);
    Map<String, PointValue> values = new LinkedHashMap<>();
    for (Point p : block.points()) {
      int offset = p.address() - block.address();
      values.put(p.name(), registerValue(p, registers, offset));
    }
    return values;
  }

  /** Decodes a bit block (coils or discrete inputs). */
  public static Map<String, PointValue> decode(ReadBlock block, boolean[] bits) {
    requireLength(block, bits.length);
    Map<String, PointValue> values = new LinkedHashMap<>();
    for (Point p : block.points()) {
      int raw = bits[p.address() - block.address()] ? 1 : 0;
      values.put(p.name(), scaled(p, raw, raw));
    }
    return values;
  }

  /** Every point of a block whose read failed: present, marked FAILED, so a consumer sees the gap. */
  public static Map<String, PointValue> failed(ReadBlock block) {
    Map<String, PointValue> values = new LinkedHashMap<>();
    for (Point p : block.points()) {
      values.put(p.name(), new PointValue(Double.NaN, Quality.FAILED));
    }
    return values;
  }

  private static PointValue registerValue(Point p, int[] registers, int offset) {
    int first = registers[offset] & 0xFFFF;
    switch (p.type()) {
      case BOOL:
        return scaled(p, first, first != 0 ? 1 : 0);
      case BIT:
        return scaled(p, first, (first >> p.bit()) & 1);
      case UINT16:
        return scaled(p, first, first);
      case INT16:
        return scaled(p, first, (short) first);
      default:
        break;
    }
    int second = registers[offset + 1] & 0xFFFF;
    long raw32 = p.wordOrder() == WordOrder.LOW_FIRST
        ? ((long) second << 16) | first
        : ((long) first << 16) | second;
    return switch (p.type()) {
      case UINT32 -> scaled(p, (int) raw32, raw32);
      case INT32 -> scaled(p, (int) raw32, (int) raw32);
      case FLOAT32 -> scaled(p, (int) raw32, Float.intBitsToFloat((int) raw32));
      default -> throw new IllegalStateException("unhandled type " + p.type());
    };
  }

  /**
   * @param raw what the sentinel is compared with: the 16-bit register for 16-bit types (so a
   *     profile writes 0x7FFF, not -1), the 32 bits for 32-bit types
   */
  private static PointValue scaled(Point p, int raw, double value) {
    if (p.invalidRaw().isPresent() && p.invalidRaw().getAsInt() == raw) {
      return new PointValue(Double.NaN, Quality.INVALID);
    }
    return PointValue.ok(value * p.scale());
  }

  private static void requireLength(ReadBlock block, int length) {
    if (length < block.count()) {
      throw new IllegalArgumentException(
          "answer has " + length + " values, the block at " + block.address() + " needs " + block.count());
    }
  }
}
