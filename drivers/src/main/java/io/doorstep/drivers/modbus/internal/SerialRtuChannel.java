package io.doorstep.drivers.modbus.internal;

import com.digitalpetri.modbus.client.ModbusRtuClient;
import com.digitalpetri.modbus.exceptions.ModbusCrcException;
import com.digitalpetri.modbus.exceptions.ModbusException;
import com.digitalpetri.modbus.exceptions.ModbusResponseException;
import com.digitalpetri.modbus.pdu.ModbusRequestPdu;
import com.digitalpetri.modbus.pdu.ModbusResponsePdu;
import io.doorstep.drivers.DeviceTimeoutException;
import io.doorstep.drivers.modbus.CrcException;
import io.doorstep.drivers.modbus.LineLostException;
import io.doorstep.drivers.modbus.LineOptions;
import io.doorstep.drivers.modbus.ModbusExceptionResponse;
import io.doorstep.drivers.modbus.RtuTiming;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * A real serial port: digitalpetri's RTU client (PDU encoding, CRC, matching the answer to the
 * request) over {@link JscTransport}, its failures turned into the driver's typed exceptions.
 */
public final class SerialRtuChannel implements RtuChannel {
  /** Past the request's own time-out, in case the client's timer never fires. */
  private static final long GUARD_MS = 1000;

  private final LineOptions options;
  private final JscTransport transport;
  private final NextTimeout timeouts = new NextTimeout();
  private final ModbusRtuClient client;
  private final long silenceNanos;
  /** Before this, the line still owes the devices the silence that ends the last frame. */
  private long quietFromNanos;

  public SerialRtuChannel(LineOptions options) {
    this.options = options;
    this.silenceNanos = (long) (RtuTiming.silenceMs(options.baud()) * 1_000_000);
    this.transport = new JscTransport(options);
    this.client = ModbusRtuClient.create(transport, config -> config.timeoutScheduler = timeouts);
  }

  @Override
  public void open() {
    transport.open();
  }

  @Override
  public ModbusResponsePdu exchange(int unit, ModbusRequestPdu request, long timeoutMs) {
    CompletableFuture<String> lost = transport.lost();
    if (lost.isDone()) {
      throw new LineLostException(lost.join());
    }
    awaitSilence();
    timeouts.next(timeoutMs);
    CompletableFuture<ModbusResponsePdu> answer = client.sendAsync(unit, request).toCompletableFuture();
    try {
      return outcome(unit, answer, lost, timeoutMs);
    } finally {
      // A device takes a frame as ended only after 3.5 character times of silence (1.75 ms above
      // 19200 baud); a request sent sooner runs into the last answer and is dropped as garbage.
      quietFromNanos = System.nanoTime() + silenceNanos;
    }
  }

  private void awaitSilence() {
    long wait;
    while ((wait = quietFromNanos - System.nanoTime()) > 0) {
      LockSupport.parkNanos(wait);
    }
  }

  private ModbusResponsePdu outcome(int unit, CompletableFuture<ModbusResponsePdu> answer,
      CompletableFuture<String> lost, long timeoutMs) {
    try {
      CompletableFuture.anyOf(answer, lost).get(timeoutMs + GUARD_MS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LineLostException("line " + options.id() + " closed");
    } catch (TimeoutException e) {
      throw new DeviceTimeoutException("unit " + unit + " on " + options.id() + " did not answer in " + timeoutMs + " ms");
    } catch (ExecutionException e) {
      // the answer failed; examined below
    }
    if (!answer.isDone()) {
      throw new LineLostException(transport.reason());
    }
    try {
      return answer.join();
    } catch (CompletionException e) {
      throw translate(unit, e.getCause(), timeoutMs);
    }
  }

  private RuntimeException translate(int unit, Throwable cause, long timeoutMs) {
    if (cause instanceof TimeoutException) {
      return new DeviceTimeoutException("unit " + unit + " on " + options.id() + " did not answer in " + timeoutMs + " ms");
    }
    if (cause instanceof ModbusResponseException r) {
      int code = transport.lastExceptionCode();
      return new ModbusExceptionResponse(unit, r.getFunctionCode() & 0x7F, code >= 0 ? code : r.getExceptionCode() & 0xFF);
    }
    if (cause instanceof ModbusCrcException) {
      return new CrcException("answer from unit " + unit + " on " + options.id() + " has a bad CRC");
    }
    if (cause instanceof LineLostException l) {
      return l;
    }
    if (cause instanceof ModbusException m) {
      // e.g. "slave id mismatch": a frame that is not the answer to this request
      return new CrcException("unusable answer from unit " + unit + " on " + options.id() + ": " + m.getMessage());
    }
    return new LineLostException("line " + options.id() + " failed: " + cause);
  }

  @Override
  public String lostReason() {
    CompletableFuture<String> lost = transport.lost();
    return lost.isDone() ? lost.join() : null;
  }

  @Override
  public void close() {
    transport.close();
  }
}
