package io.doorstep.drivers.modbus;

import com.fazecast.jSerialComm.SerialPort;
import java.util.Set;

/**
 * A hand-written RTU slave on the far end of a {@link PtyPair}, deliberately not built on the
 * library the driver uses. Unit 1 answers from its register map, refuses reads of 0x0007-0x00FF
 * with exception 0x02 and a start (holding 0x0100 = 1) with exception 0x04; units listed as
 * silent never answer; units listed as noisy answer with a broken CRC.
 */
final class Responder implements AutoCloseable {
  final int[] input = new int[0x10000];
  final int[] holding = new int[0x10000];
  private final Set<Integer> answering;
  private final Set<Integer> noisy;
  private final SerialPort port;
  private final Thread thread;
  private volatile boolean running = true;
  /** When the last answer was handed to the line; 0 before the first. */
  private long answeredNanos;
  /** Units that answer this long after the request: later than the line waits, a late answer. */
  final java.util.Map<Integer, Long> answerDelayMs = new java.util.concurrent.ConcurrentHashMap<>();
  /** Late answers written so far. */
  final java.util.concurrent.atomic.AtomicInteger lateAnswers = new java.util.concurrent.atomic.AtomicInteger();
  /** The shortest silence seen between an answer and the next request's first byte. */
  volatile long shortestGapNanos = Long.MAX_VALUE;

  Responder(String path, Set<Integer> answering, Set<Integer> noisy) {
    this.answering = answering;
    this.noisy = noisy;
    port = SerialPort.getCommPort(path);
    port.setComPortParameters(9600, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
    port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 100, 0);
    if (!port.openPort()) {
      throw new IllegalStateException("cannot open " + path);
    }
    thread = new Thread(this::serve, "responder");
    thread.setDaemon(true);
    thread.start();
  }

  private void serve() {
    byte[] buf = new byte[300];
    int len = 0;
    while (running) {
      int n = port.readBytes(buf, buf.length - len, len);
      if (n < 0) {
        return;
      }
      if (n > 0 && len == 0 && answeredNanos != 0) {
        shortestGapNanos = Math.min(shortestGapNanos, System.nanoTime() - answeredNanos);
      }
      len += n;
      int need = len >= 2 ? requestLength(buf, len) : Integer.MAX_VALUE;
      if (len >= need) {
        byte[] frame = java.util.Arrays.copyOf(buf, need);
        len = 0;
        if (crc(frame, need - 2) == ((frame[need - 2] & 0xFF) | (frame[need - 1] & 0xFF) << 8)) {
          Long delay = answerDelayMs.get(frame[0] & 0xFF);
          if (delay == null) {
            answer(frame);
          } else {
            Thread late = new Thread(() -> {
              try {
                Thread.sleep(delay);
                answer(frame);
                lateAnswers.incrementAndGet();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }, "responder-late");
            late.setDaemon(true);
            late.start();
          }
        }
      }
    }
  }

  private static int requestLength(byte[] buf, int len) {
    int function = buf[1] & 0xFF;
    if (function == 0x10 || function == 0x0F) {
      return len >= 7 ? 9 + (buf[6] & 0xFF) : Integer.MAX_VALUE;
    }
    return 8;
  }

  private synchronized void answer(byte[] req) {
    int unit = req[0] & 0xFF;
    if (!answering.contains(unit) && !noisy.contains(unit)) {
      return;
    }
    int function = req[1] & 0xFF;
    int address = word(req, 2);
    int value = word(req, 4);
    byte[] pdu;
    if (function == 0x04 || function == 0x03) {
      if (function == 0x04 && address <= 0x00FF && address + value - 1 >= 0x0007) {
        pdu = new byte[] {(byte) (function | 0x80), 0x02};
      } else {
        int[] table = function == 0x04 ? input : holding;
        pdu = new byte[2 + 2 * value];
        pdu[0] = (byte) function;
        pdu[1] = (byte) (2 * value);
        for (int i = 0; i < value; i++) {
          pdu[2 + 2 * i] = (byte) (table[address + i] >> 8);
          pdu[3 + 2 * i] = (byte) table[address + i];
        }
      }
    } else if (function == 0x06) {
      if (address == 0x0100 && value == 1) {
        pdu = new byte[] {(byte) 0x86, 0x04};
      } else {
        holding[address] = value;
        pdu = java.util.Arrays.copyOfRange(req, 1, 6);
      }
    } else if (function == 0x10) {
      for (int i = 0; i < value; i++) {
        holding[address + i] = word(req, 7 + 2 * i);
      }
      pdu = java.util.Arrays.copyOfRange(req, 1, 6);
    } else {
      pdu = new byte[] {(byte) (function | 0x80), 0x01};
    }
    byte[] frame = new byte[pdu.length + 3];
    frame[0] = (byte) unit;
    System.arraycopy(pdu, 0, frame, 1, pdu.length);
    int crc = crc(frame, frame.length - 2);
    if (noisy.contains(unit)) {
      crc ^= 0x5A5A;
    }
    frame[frame.length - 2] = (byte) crc;
    frame[frame.length - 1] = (byte) (crc >> 8);
    port.writeBytes(frame, frame.length);
    answeredNanos = System.nanoTime();
  }

  private static int word(byte[] b, int at) {
    return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
  }

  /** CRC-16/MODBUS, as in the EBC-10's manual. */
  static int crc(byte[] data, int length) {
    int crc = 0xFFFF;
    for (int i = 0; i < length; i++) {
      crc ^= data[i] & 0xFF;
      for (int bit = 0; bit < 8; bit++) {
        crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
      }
    }
    return crc;
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join(2000);
    port.closePort();
  }
}
