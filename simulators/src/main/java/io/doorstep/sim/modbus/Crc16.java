package io.doorstep.sim.modbus;

/** CRC-16/MODBUS (poly 0xA001 reflected, init 0xFFFF); sent low byte first. */
public final class Crc16 {

  private Crc16() {
  }

  public static int of(byte[] bytes, int offset, int length) {
    int crc = 0xFFFF;
    for (int i = offset; i < offset + length; i++) {
      crc ^= bytes[i] & 0xFF;
      for (int bit = 0; bit < 8; bit++) {
        crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
      }
    }
    return crc;
  }

  /** Whether the last two bytes of {@code frame[0, length)} are the CRC of the rest. */
  public static boolean matches(byte[] frame, int length) {
    if (length < 3) {
      return false;
    }
    int crc = of(frame, 0, length - 2);
    return (frame[length - 2] & 0xFF) == (crc & 0xFF)
        && (frame[length - 1] & 0xFF) == (crc >>> 8);
  }
}
