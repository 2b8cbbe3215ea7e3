package io.doorstep.sim.serial;

import com.fazecast.jSerialComm.SerialPort;
import io.doorstep.sim.modbus.RtuCodec;
import io.doorstep.sim.modbus.RtuRequest;
import io.doorstep.sim.modbus.RtuResponse;
import java.io.ByteArrayOutputStream;
import java.time.Duration;

/** A hand-built Modbus master on the other pty end: writes frames, reads whole answers. */
public final class TestMaster implements AutoCloseable {

  private final SerialPort port;
  /** When the first and the last byte of the last answer arrived. */
  public long firstByteNanos;
  public long lastByteNanos;

  public TestMaster(String path, int baud) {
    port = SerialPort.getCommPort(path);
    port.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
    port.setComPortTimeouts(SerialPort.TIMEOUT_NONBLOCKING, 0, 0);
    if (!port.openPort()) {
      throw new IllegalStateException("cannot open " + path);
    }
  }

  public void send(byte[] frame) {
    port.readBytes(new byte[4096], Math.max(0, port.bytesAvailable()));
    port.writeBytes(frame, frame.length);
  }

  public RtuResponse ask(RtuRequest request) {
    send(RtuCodec.encode(request));
    byte[] answer = answer(Duration.ofSeconds(2));
    if (answer == null) {
      throw new AssertionError("no answer to " + request);
    }
    return RtuCodec.decodeResponse(answer);
  }

  /** The answer's bytes, or null if nothing came within {@code wait}. */
  public byte[] answer(Duration wait) {
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    byte[] buffer = new byte[512];
    long deadline = System.nanoTime() + wait.toNanos();
    while (System.nanoTime() < deadline) {
      int n = port.readBytes(buffer, buffer.length);
      if (n > 0) {
        long now = System.nanoTime();
        if (got.size() == 0) {
          firstByteNanos = now;
        }
        lastByteNanos = now;
        got.write(buffer, 0, n);
        byte[] bytes = got.toByteArray();
        int length = RtuCodec.responseLength(bytes, bytes.length);
        if (length > 0 && bytes.length >= length) {
          return bytes;
        }
      } else {
        sleepMicros(100);
      }
    }
    return got.size() == 0 ? null : got.toByteArray();
  }

  @Override
  public void close() {
    port.closePort();
  }

  private static void sleepMicros(long micros) {
    java.util.concurrent.locks.LockSupport.parkNanos(micros * 1000);
  }
}
