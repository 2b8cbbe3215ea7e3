package io.doorstep.drivers.modbus;

import io.doorstep.drivers.modbus.profile.RegisterTable;
import java.util.List;

/**
 * Modbus RTU wire timing, for two users: the line sizes each request's time-out from it, and the
 * benchmark states the floor of a poll cycle with it. A character is 11 bits on the wire (start,
 * 8 data, parity or a second stop bit, stop: the spec pads 8N1 to 11 so every framing costs the
 * same), and every frame is followed by 3.5 characters of silence, fixed at 1.75 ms above 19200
 * baud.
 */
public final class RtuTiming {
  public static final int BITS_PER_CHARACTER = 11;
  /**
   * Added to every time-out: the answer crosses a USB adapter (an FTDI latency timer alone holds
   * bytes up to 16 ms) and two schedulers before the line sees it.
   */
  public static final int MARGIN_MS = 25;

  private RtuTiming() {}

  /** Milliseconds one character takes on the wire. */
  public static double characterMs(int baud) {
    return BITS_PER_CHARACTER * 1000.0 / baud;
  }

  /** The inter-frame silence: 3.5 characters, or 1.75 ms above 19200 baud. */
  public static double silenceMs(int baud) {
    return baud > 19200 ? 1.75 : 3.5 * characterMs(baud);
  }

  /** A frame of {@code bytes} (address and CRC included) plus the silence that ends it. */
  public static double frameMs(int baud, int bytes) {
    return bytes * characterMs(baud) + silenceMs(baud);
  }

  /** Request frame, the device's answer time, answer frame: the floor of one transaction. */
  public static double transactionMs(int baud, int requestBytes, int responseBytes, int answerTimeMs) {
    return frameMs(baud, requestBytes) + answerTimeMs + frameMs(baud, responseBytes);
  }

  /**
   * How long to wait for an answer before calling it a time-out: the transaction with the
   * longest answer the request can get, plus {@link #MARGIN_MS}, rounded up.
   */
  public static long timeoutMs(int baud, int requestBytes, int responseBytes, int answerTimeMs) {
    return (long) Math.ceil(transactionMs(baud, requestBytes, responseBytes, answerTimeMs)) + MARGIN_MS;
  }

  /** The floor of one poll of these blocks, back to back, with no retries. */
  public static double minimumCycleMs(int baud, List<ReadBlock> blocks, int answerTimeMs) {
    double total = 0;
    for (ReadBlock b : blocks) {
      total += transactionMs(baud, READ_REQUEST_BYTES, readResponseBytes(b.table(), b.count()), answerTimeMs);
    }
    return total;
  }

  /** Address, function, start, quantity, CRC: every read request and 0x05/0x06 writes alike. */
  public static final int READ_REQUEST_BYTES = 8;
  /** 0x05 and 0x06 echo their request. */
  public static final int SINGLE_WRITE_BYTES = 8;

  /** Address, function, byte count, data, CRC. */
  public static int readResponseBytes(RegisterTable table, int count) {
    int data = table.isBitTable() ? (count + 7) / 8 : 2 * count;
    return 5 + data;
  }

  /** A 0x10 request: address, function, start, quantity, byte count, data, CRC. */
  public static int writeRegistersRequestBytes(int count) {
    return 9 + 2 * count;
  }

  /** A 0x10 answer: address, function, start, quantity, CRC. */
  public static final int WRITE_REGISTERS_RESPONSE_BYTES = 8;
}
