package io.doorstep.drivers.modbus;

import java.time.Duration;

/**
 * One RS-485 line as the estate file describes it.
 *
 * @param id the line's name in logs, stats and listener calls, e.g. "shed-a"
 * @param port the device path, e.g. /dev/ttyUSB0, or a link to a pseudo-terminal
 * @param reopenMin first pause before reopening a lost port
 * @param reopenMax longest pause between reopen attempts
 * @param retries how many times a request is repeated after a time-out or a corrupted answer
 */
public record LineOptions(
    String id,
    String port,
    int baud,
    Parity parity,
    int dataBits,
    int stopBits,
    Duration reopenMin,
    Duration reopenMax,
    int retries) {

  public enum Parity {
    NONE,
    EVEN,
    ODD
  }

  public LineOptions {
    if (id == null || id.isBlank() || port == null || port.isBlank()) {
      throw new IllegalArgumentException("a Modbus line needs an id and a port");
    }
    if (baud <= 0 || dataBits < 5 || dataBits > 8 || stopBits < 1 || stopBits > 2 || retries < 0) {
      throw new IllegalArgumentException("line " + id + ": bad serial settings " + baud + " baud, "
          + dataBits + " data bits, " + stopBits + " stop bits, " + retries + " retries");
    }
  }

  /** 8N1, one retry, reopening between 0.5 s and 10 s: what the EBC-10 and most meters expect. */
  public static LineOptions of(String id, String port, int baud) {
    return new LineOptions(id, port, baud, Parity.NONE, 8, 1, Duration.ofMillis(500), Duration.ofSeconds(10), 1);
  }
}
