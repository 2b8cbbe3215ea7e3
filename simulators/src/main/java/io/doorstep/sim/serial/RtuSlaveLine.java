package io.doorstep.sim.serial;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import io.doorstep.sim.modbus.MalformedFrameException;
import io.doorstep.sim.modbus.RtuCodec;
import io.doorstep.sim.modbus.RtuFramer;
import io.doorstep.sim.modbus.RtuFramer.Framed;
import io.doorstep.sim.modbus.RtuRequest;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The slave end of one RS-485 line, opened by path through jSerialComm (a socat pty link or a
 * real adapter), 8N1. One thread reads, frames, lets the {@link RtuSlave} answer and writes the
 * reply paced at the line's baud rate, as half duplex allows.
 *
 * <p>If the other end goes away (the pty pair restarted, the adapter unplugged), reads return
 * -1: the line closes its port and opens the path again until it succeeds or is closed.
 */
public final class RtuSlaveLine implements AutoCloseable {

  /** How replies go out. */
  public record Options(int baud, Duration answerDelay, boolean paced) {

    /** 9600 baud, answers 5 ms after the request, paced at the baud rate. */
    public static Options defaults() {
      return new Options(9600, Duration.ofMillis(5), true);
    }

    public Options baud(int newBaud) {
      return new Options(newBaud, answerDelay, paced);
    }

    public Options answerDelay(Duration delay) {
      return new Options(baud, delay, paced);
    }

    public Options paced(boolean on) {
      return new Options(baud, answerDelay, on);
    }
  }

  private static final int IDLE_READ_MS = 100;
  private static final long REOPEN_PAUSE_NANOS = 50_000_000;

  private final String path;
  private final RtuSlave slave;
  private final Options options;
  private final RtuFramer framer;
  private final Thread thread;
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong answers = new AtomicLong();
  private final AtomicLong exceptions = new AtomicLong();
  private final AtomicLong crcDrops = new AtomicLong();
  private final AtomicLong framingDrops = new AtomicLong();
  private final AtomicLong unanswered = new AtomicLong();
  private final AtomicLong reopens = new AtomicLong();
  private volatile boolean running = true;
  private volatile int baud;
  private volatile SerialPort port;

  private RtuSlaveLine(String path, RtuSlave slave, Options options) {
    this.path = path;
    this.slave = slave;
    this.options = options;
    this.baud = options.baud();
    this.framer = new RtuFramer(baud);
    this.thread = new Thread(this::run, "rtu-line-" + path);
    thread.setDaemon(true);
    thread.setPriority(Thread.MAX_PRIORITY);
  }

  /** Opens {@code path} and starts answering; fails at once if the path cannot be opened. */
  public static RtuSlaveLine open(String path, RtuSlave slave, Options options) {
    Objects.requireNonNull(slave);
    RtuSlaveLine line = new RtuSlaveLine(path, slave, options);
    line.port = line.openPort();
    if (line.port == null) {
      throw new IllegalStateException("cannot open serial line " + path);
    }
    line.thread.start();
    return line;
  }

  public String path() {
    return path;
  }

  /** The baud rate now; a device may have changed it. */
  public int baud() {
    return baud;
  }

  public LineCounts counts() {
    return new LineCounts(requests.get(), answers.get(), exceptions.get(), crcDrops.get(),
        framingDrops.get(), unanswered.get(), reopens.get());
  }

  @Override
  public void close() {
    running = false;
    SerialPort current = port;
    if (current != null) {
      current.closePort();
    }
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Null while the path does not exist (an adapter unplugged) or cannot be opened. */
  private SerialPort openPort() {
    SerialPort serial;
    try {
      serial = SerialPort.getCommPort(path);
    } catch (SerialPortInvalidPortException e) {
      return null;
    }
    serial.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
    serial.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, IDLE_READ_MS, 0);
    return serial.openPort() ? serial : null;
  }

  private void run() {
    byte[] buffer = new byte[1024];
    while (running) {
      SerialPort serial = port;
      int read;
      long now;
      if (framer.pending()) {
        // Inside a frame: watch for silence at sub-millisecond resolution, which jSerialComm's
        // read time-outs (tenths of a second on Linux) cannot give.
        int available = serial.bytesAvailable();
        if (available < 0) {
          read = -1;
        } else if (available == 0) {
          now = System.nanoTime();
          if (now >= framer.silenceDeadline()) {
            handle(framer.silence(now));
          } else {
            LockSupport.parkNanos(Math.min(framer.silenceDeadline() - now, 100_000));
          }
          continue;
        } else {
          read = serial.readBytes(buffer, Math.min(available, buffer.length));
        }
      } else {
        read = serial.readBytes(buffer, buffer.length);
      }
      now = System.nanoTime();
      if (read < 0) {
        reopen();
      } else if (read > 0) {
        handle(framer.accept(buffer, read, now));
      }
    }
    SerialPort current = port;
    if (current != null) {
      current.closePort();
    }
  }

  private void handle(List<Framed> framed) {
    for (Framed item : framed) {
      switch (item.kind()) {
        case FRAME -> answer(item.bytes());
        case BAD_CRC -> crcDrops.incrementAndGet();
        case GAP, INCOMPLETE -> framingDrops.incrementAndGet();
        default -> throw new IllegalStateException(item.kind().toString());
      }
    }
  }

  private void answer(byte[] frame) {
    long received = System.nanoTime();
    RtuRequest request;
    try {
      request = RtuCodec.decodeRequest(frame);
    } catch (MalformedFrameException e) {
      framingDrops.incrementAndGet();
      return;
    }
    requests.incrementAndGet();
    RtuSlave.Reply reply = slave.handle(request);
    if (reply == null || reply.frame() == null) {
      unanswered.incrementAndGet();
    } else {
      send(reply.frame(), received);
      answers.incrementAndGet();
      if ((reply.frame()[1] & 0x80) != 0) {
        exceptions.incrementAndGet();
      }
    }
    if (reply != null && reply.baudAfter() > 0 && reply.baudAfter() != baud) {
      baud = reply.baudAfter();
      framer.baud(baud);
      port.setBaudRate(baud);
    }
  }

  private void send(byte[] frame, long received) {
    SerialPort serial = port;
    if (!options.paced()) {
      serial.writeBytes(frame, frame.length);
      return;
    }
    // The standard silence before a reply, at least; the device may take longer to think.
    long delay = Math.max(options.answerDelay().toNanos(), framer.silenceNanos());
    long deadline = received + delay;
    long left;
    while ((left = deadline - System.nanoTime()) > 0) {
      LockSupport.parkNanos(left);
    }
    // jSerialComm takes (buffer, count, offset).
    PacedWriter.write((bytes, offset, length) -> serial.writeBytes(bytes, length, offset), frame,
        baud);
  }

  private void reopen() {
    SerialPort old = port;
    if (old != null) {
      old.closePort();
    }
    while (running) {
      LockSupport.parkNanos(REOPEN_PAUSE_NANOS);
      SerialPort fresh = running ? openPort() : null;
      if (fresh != null) {
        port = fresh;
        reopens.incrementAndGet();
        if (!running) {
          fresh.closePort();
        }
        return;
      }
    }
  }
}
