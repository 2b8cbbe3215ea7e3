package io.doorstep.drivers.modbus;

import com.digitalpetri.modbus.pdu.ModbusRequestPdu;
import com.digitalpetri.modbus.pdu.ModbusResponsePdu;
import com.digitalpetri.modbus.pdu.ReadCoilsRequest;
import com.digitalpetri.modbus.pdu.ReadCoilsResponse;
import com.digitalpetri.modbus.pdu.ReadDiscreteInputsRequest;
import com.digitalpetri.modbus.pdu.ReadDiscreteInputsResponse;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersRequest;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersResponse;
import com.digitalpetri.modbus.pdu.ReadInputRegistersRequest;
import com.digitalpetri.modbus.pdu.ReadInputRegistersResponse;
import com.digitalpetri.modbus.pdu.WriteMultipleRegistersRequest;
import com.digitalpetri.modbus.pdu.WriteSingleCoilRequest;
import com.digitalpetri.modbus.pdu.WriteSingleRegisterRequest;
import io.doorstep.drivers.modbus.internal.Job;
import io.doorstep.drivers.modbus.internal.LineWorker;
import io.doorstep.drivers.modbus.internal.RtuChannel;
import io.doorstep.drivers.modbus.internal.SerialRtuChannel;
import io.doorstep.drivers.modbus.profile.RegisterTable;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * One RS-485 line: its serial port and the scheduler in front of it. Exactly one request is in
 * flight; waiting requests go SAFETY, then OPERATOR, then POLL, first come first served within a
 * priority. The port is driven by a thread of its own, never by an event loop; every future
 * completes, and every listener call is made, on the Vert.x context that called {@link #open()}.
 *
 * <p>Failures are typed: {@link io.doorstep.drivers.DeviceTimeoutException} (no answer, after
 * the retries), {@link CrcException} (answers that could not be trusted, after the retries),
 * {@link ModbusExceptionResponse} (the device refused), {@link DeviceSilentException} (a routine
 * poll of a unit that stopped answering, refused without using the line) and
 * {@link LineLostException} (no port).
 */
public final class ModbusLine {
  private final Vertx vertx;
  private final LineOptions options;
  private final LineListener listener;
  private final Function<LineOptions, RtuChannel> channels;
  private volatile Context context;
  private volatile LineWorker worker;
  private Thread thread;

  public ModbusLine(Vertx vertx, LineOptions options, LineListener listener) {
    this(vertx, options, listener, SerialRtuChannel::new);
  }

  /** With another way to reach the devices: tests drive the scheduler through a fake channel. */
  ModbusLine(Vertx vertx, LineOptions options, LineListener listener, Function<LineOptions, RtuChannel> channels) {
    this.vertx = vertx;
    this.options = options;
    this.listener = listener;
    this.channels = channels;
  }

  public String id() {
    return options.id();
  }

  public LineOptions options() {
    return options;
  }

  /**
   * Starts the line's thread, which opens the port. Completes at once, even when the port is
   * missing: the line keeps trying with back-off and tells the listener when it is up.
   */
  public synchronized Future<Void> open() {
    if (worker != null) {
      return Future.failedFuture(new IllegalStateException("line " + options.id() + " is already open"));
    }
    context = vertx.getOrCreateContext();
    worker = new LineWorker(options, channels, new Events());
    thread = new Thread(worker, "modbus-line-" + options.id());
    thread.setDaemon(true);
    thread.start();
    return Future.succeededFuture();
  }

  /** Closes the port; waiting requests fail with {@link LineLostException}. */
  public synchronized Future<Void> close() {
    LineWorker w = worker;
    Thread t = thread;
    if (w == null) {
      return Future.succeededFuture();
    }
    w.stop();
    t.interrupt();
    return vertx.executeBlocking(() -> {
      t.join();
      return null;
    });
  }

  /** Whether the port is open now. */
  public boolean isOpen() {
    LineWorker w = worker;
    return w != null && w.up();
  }

  /** Reads input (0x04) or holding (0x03) registers, each an unsigned 16-bit value. */
  public Future<int[]> readRegisters(int unit, RegisterTable table, int address, int count, Priority p, int answerTimeMs) {
    check(unit, address, count, 125);
    ModbusRequestPdu request = switch (table) {
      case INPUT_REGISTER -> new ReadInputRegistersRequest(address, count);
      case HOLDING_REGISTER -> new ReadHoldingRegistersRequest(address, count);
      default -> throw new IllegalArgumentException(table + " holds bits: use readBits");
    };
    long timeout = RtuTiming.timeoutMs(options.baud(), RtuTiming.READ_REQUEST_BYTES,
        RtuTiming.readResponseBytes(table, count), answerTimeMs);
    return submit(unit, p, request, timeout, answer -> registers(answer, count));
  }

  /** Reads coils (0x01) or discrete inputs (0x02). */
  public Future<boolean[]> readBits(int unit, RegisterTable table, int address, int count, Priority p, int answerTimeMs) {
    check(unit, address, count, 2000);
    ModbusRequestPdu request = switch (table) {
      case COIL -> new ReadCoilsRequest(address, count);
      case DISCRETE_INPUT -> new ReadDiscreteInputsRequest(address, count);
      default -> throw new IllegalArgumentException(table + " holds registers: use readRegisters");
    };
    long timeout = RtuTiming.timeoutMs(options.baud(), RtuTiming.READ_REQUEST_BYTES,
        RtuTiming.readResponseBytes(table, count), answerTimeMs);
    return submit(unit, p, request, timeout, answer -> bits(answer, count));
  }

  /** Writes one holding register (0x06). */
  public Future<Void> writeRegister(int unit, int address, int value, Priority p, int answerTimeMs) {
    check(unit, address, 1, 1);
    long timeout = RtuTiming.timeoutMs(options.baud(), RtuTiming.SINGLE_WRITE_BYTES, RtuTiming.SINGLE_WRITE_BYTES, answerTimeMs);
    return submit(unit, p, new WriteSingleRegisterRequest(address, value & 0xFFFF), timeout, answer -> null);
  }

  /** Writes consecutive holding registers in one request (0x10). */
  public Future<Void> writeRegisters(int unit, int address, int[] values, Priority p, int answerTimeMs) {
    check(unit, address, values.length, 123);
    byte[] bytes = new byte[values.length * 2];
    for (int i = 0; i < values.length; i++) {
      bytes[2 * i] = (byte) (values[i] >> 8);
      bytes[2 * i + 1] = (byte) values[i];
    }
    long timeout = RtuTiming.timeoutMs(options.baud(), RtuTiming.writeRegistersRequestBytes(values.length),
        RtuTiming.WRITE_REGISTERS_RESPONSE_BYTES, answerTimeMs);
    return submit(unit, p, new WriteMultipleRegistersRequest(address, values.length, bytes), timeout, answer -> null);
  }

  /** Writes one coil (0x05). */
  public Future<Void> writeCoil(int unit, int address, boolean value, Priority p, int answerTimeMs) {
    check(unit, address, 1, 1);
    long timeout = RtuTiming.timeoutMs(options.baud(), RtuTiming.SINGLE_WRITE_BYTES, RtuTiming.SINGLE_WRITE_BYTES, answerTimeMs);
    return submit(unit, p, new WriteSingleCoilRequest(address, value), timeout, answer -> null);
  }

  /** Counters since the line was created; utilisation since the previous call. Any thread. */
  public LineStats stats() {
    LineWorker w = worker;
    if (w == null) {
      return new LineStats(options.id(), false, 0, 0, 0, 0, 0, 0, java.util.Map.of());
    }
    return w.counters().snapshot(options.id(), w.up(), w::silent);
  }

  private <T> Future<T> submit(int unit, Priority p, ModbusRequestPdu request, long timeoutMs,
      Function<ModbusResponsePdu, T> decode) {
    LineWorker w = worker;
    Context ctx = context;
    if (w == null) {
      return Future.failedFuture(new LineLostException("line " + options.id() + " was never opened"));
    }
    Job job = new Job(unit, p, request, timeoutMs);
    Promise<T> promise = Promise.promise();
    job.result().whenComplete((answer, error) -> ctx.runOnContext(v -> {
      if (error != null) {
        promise.fail(error instanceof CompletionException && error.getCause() != null ? error.getCause() : error);
        return;
      }
      try {
        promise.complete(decode.apply(answer));
      } catch (RuntimeException e) {
        promise.fail(e);
      }
    }));
    w.submit(job);
    return promise.future();
  }

  private static void check(int unit, int address, int count, int max) {
    if (unit < 1 || unit > 247) {
      throw new IllegalArgumentException("unit " + unit + " is not a slave address (1-247); broadcast is not supported");
    }
    if (address < 0 || address > 0xFFFF || count < 1 || count > max || address + count > 0x10000) {
      throw new IllegalArgumentException("cannot access " + count + " at address " + address + " (at most " + max + ")");
    }
  }

  private static int[] registers(ModbusResponsePdu answer, int count) {
    byte[] bytes = answer instanceof ReadInputRegistersResponse r ? r.registers()
        : ((ReadHoldingRegistersResponse) answer).registers();
    if (bytes.length < 2 * count) {
      throw new CrcException("answer carries " + bytes.length / 2 + " registers, " + count + " were asked for");
    }
    int[] values = new int[count];
    for (int i = 0; i < count; i++) {
      values[i] = ((bytes[2 * i] & 0xFF) << 8) | (bytes[2 * i + 1] & 0xFF);
    }
    return values;
  }

  private static boolean[] bits(ModbusResponsePdu answer, int count) {
    byte[] bytes = answer instanceof ReadCoilsResponse r ? r.coils() : ((ReadDiscreteInputsResponse) answer).inputs();
    if (bytes.length * 8 < count) {
      throw new CrcException("answer carries " + bytes.length * 8 + " bits, " + count + " were asked for");
    }
    boolean[] values = new boolean[count];
    for (int i = 0; i < count; i++) {
      values[i] = ((bytes[i / 8] >> (i % 8)) & 1) != 0;
    }
    return values;
  }

  private final class Events implements LineWorker.Events {
    @Override
    public void lineUp() {
      context.runOnContext(v -> listener.lineUp(options.id()));
    }

    @Override
    public void lineLost(String reason) {
      context.runOnContext(v -> listener.lineLost(options.id(), reason));
    }

    @Override
    public void deviceSilent(int unit, boolean silent) {
      context.runOnContext(v -> listener.deviceSilent(options.id(), unit, silent));
    }
  }
}
