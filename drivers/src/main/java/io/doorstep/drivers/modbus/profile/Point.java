package io.doorstep.drivers.modbus.profile;

import java.util.OptionalInt;

/**
 * A named value of a device: where it lives and how to read it. Value = raw × scale.
 *
 * @param name unique in the profile, e.g. {@code mainsVoltage} or {@code port3.power}
 * @param table where it is read from
 * @param address first register (or bit) address
 * @param type how the raw bits are read
 * @param bit for {@link PointType#BIT}: which bit of the register, 0–15; otherwise 0
 * @param scale multiplier from raw to value (1 when none)
 * @param wordOrder for 32-bit types
 * @param invalidRaw a raw value the device sends when the sensor is broken (0x7FFF on the EBC-10's plug temperature)
 * @param unit for people and the web page, e.g. "W", "°C"; may be empty
 */
public record Point(
    String name,
    RegisterTable table,
    int address,
    PointType type,
    int bit,
    double scale,
    WordOrder wordOrder,
    OptionalInt invalidRaw,
    String unit) {

  /** The last register (or bit) address the point covers. */
  public int lastAddress() {
    return address + type.registers() - 1;
  }
}
