package io.doorstep.bench.modbus;

import com.fazecast.jSerialComm.SerialPort;
import io.doorstep.drivers.modbus.RtuTiming;
import io.doorstep.drivers.modbus.profile.RegisterTable;
import io.doorstep.sim.modbus.Crc16;
import java.util.concurrent.locks.LockSupport;

/**
 * The floor's master: jSerialComm alone, on the bench's thread. It writes a ready-made request,
 * reads exactly the answer's length with a blocking read and checks its CRC; no scheduler, no
 * Modbus library, no event loop, no time-out arithmetic. Like any correct RTU master it leaves
 * the 3.5-character silence after an answer before its next request: the gateway's line does,
 * and a floor that skipped it would not be one a real bus allows.
 */
final class BareMaster implements AutoCloseable {
  private final SerialPort port;
  private final byte[] answer = new byte[260];
  private final long silenceNanos;
  private long quietFromNanos;

  BareMaster(String path, int baud) {
    silenceNanos = (long) (RtuTiming.silenceMs(baud) * 1_000_000);
    port = SerialPort.getCommPort(path);
    port.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
    port.setComPortTimeouts(SerialPort.TIMEOUT_READ_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING, 2000, 2000);
    if (!port.openPort()) {
      throw new IllegalStateException("cannot open " + path + " (error " + port.getLastErrorCode() + ")");
    }
  }

  /** A read request as it goes on the wire: unit, function, start, quantity, CRC low byte first. */
  static byte[] readRequest(int unit, RegisterTable table, int address, int count) {
    int function = switch (table) {
      case HOLDING_REGISTER -> 0x03;
      case INPUT_REGISTER -> 0x04;
      default -> throw new IllegalArgumentException(table + " is not a register table");
    };
    byte[] frame = {(byte) unit, (byte) function, (byte) (address >> 8), (byte) address, (byte) (count >> 8),
        (byte) count, 0, 0};
    int crc = Crc16.of(frame, 0, 6);
    frame[6] = (byte) crc;
    frame[7] = (byte) (crc >>> 8);
    return frame;
  }

  /** Sends {@code request} and reads an answer of {@code answerBytes}; fails on silence or a bad CRC. */
  void exchange(byte[] request, int answerBytes) {
    long wait;
    while ((wait = quietFromNanos - System.nanoTime()) > 0) {
      LockSupport.parkNanos(wait);
    }
    if (port.writeBytes(request, request.length) != request.length) {
      throw new IllegalStateException("write to " + port.getSystemPortPath() + " failed");
    }
    int got = 0;
    while (got < answerBytes) {
      int n = port.readBytes(answer, answerBytes - got, got);
      if (n <= 0) {
        throw new IllegalStateException("no answer (" + got + " of " + answerBytes + " bytes)");
      }
      got += n;
    }
    quietFromNanos = System.nanoTime() + silenceNanos;
    if (!Crc16.matches(answer, answerBytes) || answer[0] != request[0] || answer[1] != request[1]) {
      throw new IllegalStateException("bad answer to unit " + request[0]);
    }
  }

  @Override
  public void close() {
    port.closePort();
  }
}
