package io.doorstep.drivers.modbus.internal;

import com.digitalpetri.modbus.ModbusRtuFrame;
import com.digitalpetri.modbus.ModbusRtuResponseFrameParser;
import com.digitalpetri.modbus.ModbusRtuResponseFrameParser.Accumulated;
import com.digitalpetri.modbus.ModbusRtuResponseFrameParser.ParseError;
import com.digitalpetri.modbus.client.ModbusRtuClientTransport;
import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortDataListener;
import com.fazecast.jSerialComm.SerialPortEvent;
import io.doorstep.drivers.modbus.LineLostException;
import io.doorstep.drivers.modbus.LineOptions;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves RTU frames over one jSerialComm port, using the library's response frame parser.
 *
 * <p>Not the library's own SerialPortClientTransport, because of how a port dies: when a USB
 * adapter is pulled (or the far end of a pseudo-terminal closes) jSerialComm keeps
 * {@code isOpen()} true, reads return -1 and writes return 0, and 2.1.0's transport loops
 * forever on a write of 0 and never hears of the -1. Here a write of 0 or less, a
 * {@code bytesAvailable()} of -1 and jSerialComm's PORT_DISCONNECTED event all mark the port
 * lost, and whoever waits for an answer is woken by {@link #lost()}.
 */
final class JscTransport implements ModbusRtuClientTransport {
  private static final Logger log = LoggerFactory.getLogger(JscTransport.class);
  private static final long STRAY_LOG_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);
  private final LineOptions options;
  private final ModbusRtuResponseFrameParser parser = new ModbusRtuResponseFrameParser();
  private final AtomicReference<Consumer<ModbusRtuFrame>> receiver = new AtomicReference<>();
  private final CompletableFuture<String> lost = new CompletableFuture<>();
  private volatile SerialPort port;
  private volatile int lastExceptionCode = -1;
  private volatile ExpectedAnswer expected;
  private final AtomicLong strayAnswers = new AtomicLong();
  private volatile long strayLoggedAtNanos = System.nanoTime() - STRAY_LOG_EVERY_NANOS;

  JscTransport(LineOptions options) {
    this.options = options;
  }

  void open() {
    SerialPort p;
    try {
      p = SerialPort.getCommPort(options.port());
    } catch (RuntimeException e) {
      throw new LineLostException("no serial port " + options.port() + ": " + e.getMessage());
    }
    p.setComPortParameters(options.baud(), options.dataBits(), stopBits(), parity());
    p.setComPortTimeouts(SerialPort.TIMEOUT_WRITE_BLOCKING, 0, 1000);
    if (!p.openPort()) {
      throw new LineLostException("cannot open " + options.port() + " (error " + p.getLastErrorCode() + ")");
    }
    parser.reset();
    p.addDataListener(new Listener());
    port = p;
  }

  /** Completes with the reason when the port goes away; never completes while it is fine. */
  CompletableFuture<String> lost() {
    SerialPort p = port;
    if (p != null && !lost.isDone() && p.bytesAvailable() < 0) {
      markLost("reading " + options.port() + " fails (error " + p.getLastErrorCode() + ")");
    }
    return lost;
  }

  private void markLost(String reason) {
    lost.complete(reason);
  }

  void close() {
    SerialPort p = port;
    port = null;
    if (p != null) {
      p.removeDataListener();
      p.closePort();
    }
  }

  @Override
  public CompletionStage<Void> send(ModbusRtuFrame frame) {
    SerialPort p = port;
    if (p == null || lost().isDone()) {
      return CompletableFuture.failedFuture(new LineLostException(reason()));
    }
    expected = ExpectedAnswer.of(frame);
    ByteBuffer buffer = ByteBuffer.allocate(256);
    buffer.put((byte) frame.unitId()).put(frame.pdu()).put(frame.crc()).flip();
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    int done = 0;
    while (done < bytes.length) {
      int n = p.writeBytes(bytes, bytes.length - done, done);
      if (n <= 0) {
        markLost("writing " + options.port() + " fails (wrote " + n + ", error " + p.getLastErrorCode() + ")");
        return CompletableFuture.failedFuture(new LineLostException(reason()));
      }
      done += n;
    }
    return CompletableFuture.completedFuture(null);
  }

  /**
   * The exception code of the last exception answer received. modbus 2.1.0's client reports the
   * function byte (0x86) where the exception code belongs: it peeks at the function code without
   * consuming it, then reads the same byte again as the code. With one request in flight the
   * last exception frame seen is the one the client is reporting.
   */
  int lastExceptionCode() {
    return lastExceptionCode;
  }

  /** Answers dropped because they did not fit the request on the wire, since the port opened. */
  long strayAnswers() {
    return strayAnswers.get();
  }

  /**
   * A late answer, or one from a unit that was not asked: dropped, so that the request waiting
   * now is not failed for it (it gets its own answer, or times out and is retried). Logged at
   * most once a minute with the count, since a slow device repeats it on every poll.
   */
  private void stray(ModbusRtuFrame frame) {
    long count = strayAnswers.incrementAndGet();
    long now = System.nanoTime();
    if (now - strayLoggedAtNanos >= STRAY_LOG_EVERY_NANOS) {
      strayLoggedAtNanos = now;
      log.warn("{}: dropped an answer from unit {} that fits no request waiting (a late answer?); {} so far",
          options.port(), frame.unitId(), count);
    }
  }

  String reason() {
    return lost.isDone() ? lost.join() : "port " + options.port() + " is not open";
  }

  @Override
  public void receive(Consumer<ModbusRtuFrame> frameReceiver) {
    receiver.set(frameReceiver);
  }

  @Override
  public void resetFrameParser() {
    parser.reset();
  }

  // The line opens and closes the port itself; the client is never asked to.
  @Override
  public CompletionStage<Void> connect() {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletionStage<Void> disconnect() {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public boolean isConnected() {
    return port != null && !lost.isDone();
  }

  private int parity() {
    return switch (options.parity()) {
      case NONE -> SerialPort.NO_PARITY;
      case EVEN -> SerialPort.EVEN_PARITY;
      case ODD -> SerialPort.ODD_PARITY;
    };
  }

  private int stopBits() {
    return options.stopBits() == 2 ? SerialPort.TWO_STOP_BITS : SerialPort.ONE_STOP_BIT;
  }

  private final class Listener implements SerialPortDataListener {
    @Override
    public int getListeningEvents() {
      return SerialPort.LISTENING_EVENT_DATA_RECEIVED | SerialPort.LISTENING_EVENT_PORT_DISCONNECTED;
    }

    @Override
    public void serialEvent(SerialPortEvent event) {
      if ((event.getEventType() & SerialPort.LISTENING_EVENT_PORT_DISCONNECTED) != 0) {
        markLost("port " + options.port() + " disconnected");
        return;
      }
      byte[] data = event.getReceivedData();
      if (data == null || data.length == 0) {
        return;
      }
      var state = parser.parse(data);
      if (state instanceof Accumulated a) {
        parser.reset();
        ExpectedAnswer wanted = expected;
        if (wanted == null || !wanted.matches(a.frame())) {
          stray(a.frame());
          return;
        }
        ByteBuffer pdu = a.frame().pdu();
        if (pdu.remaining() >= 2 && (pdu.get(pdu.position()) & 0x80) != 0) {
          lastExceptionCode = pdu.get(pdu.position() + 1) & 0xFF;
        }
        Consumer<ModbusRtuFrame> r = receiver.get();
        if (r != null) {
          r.accept(a.frame());
        }
      } else if (state instanceof ParseError) {
        // Noise: drop it; the request it belonged to will time out and be retried.
        parser.reset();
      }
    }
  }
}
