package io.doorstep.drivers.modbus;

import com.digitalpetri.modbus.pdu.ModbusRequestPdu;
import com.digitalpetri.modbus.pdu.ModbusResponsePdu;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersRequest;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersResponse;
import com.digitalpetri.modbus.pdu.ReadInputRegistersRequest;
import com.digitalpetri.modbus.pdu.ReadInputRegistersResponse;
import com.digitalpetri.modbus.pdu.WriteMultipleRegistersRequest;
import com.digitalpetri.modbus.pdu.WriteMultipleRegistersResponse;
import com.digitalpetri.modbus.pdu.WriteSingleRegisterRequest;
import com.digitalpetri.modbus.pdu.WriteSingleRegisterResponse;
import io.doorstep.drivers.DeviceTimeoutException;
import io.doorstep.drivers.modbus.internal.RtuChannel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * A bus of scripted devices for scheduler tests: no port, no timing. Unknown units time out
 * at once; registers read as their own address unless a unit is given a behaviour.
 */
final class FakeChannel implements RtuChannel {
  /** One exchange as the device saw it. */
  record Seen(int unit, ModbusRequestPdu request) {}

  final List<Seen> seen = new CopyOnWriteArrayList<>();
  final Map<Integer, BiFunction<Integer, ModbusRequestPdu, ModbusResponsePdu>> units = new ConcurrentHashMap<>();
  private volatile CountDownLatch gate;

  /** Every exchange from now on waits until {@link #release()}. */
  void hold() {
    gate = new CountDownLatch(1);
  }

  void release() {
    gate.countDown();
  }

  /** A unit that answers every read with registers equal to their address, and echoes writes. */
  void answering(int unit) {
    units.put(unit, (u, request) -> echo(request));
  }

  static ModbusResponsePdu echo(ModbusRequestPdu request) {
    if (request instanceof ReadInputRegistersRequest r) {
      return new ReadInputRegistersResponse(addresses(r.address(), r.quantity()));
    }
    if (request instanceof ReadHoldingRegistersRequest r) {
      return new ReadHoldingRegistersResponse(addresses(r.address(), r.quantity()));
    }
    if (request instanceof WriteSingleRegisterRequest w) {
      return new WriteSingleRegisterResponse(w.address(), w.value());
    }
    if (request instanceof WriteMultipleRegistersRequest w) {
      return new WriteMultipleRegistersResponse(w.address(), w.quantity());
    }
    throw new UnsupportedOperationException(request.toString());
  }

  private static byte[] addresses(int address, int count) {
    byte[] b = new byte[2 * count];
    for (int i = 0; i < count; i++) {
      b[2 * i] = (byte) ((address + i) >> 8);
      b[2 * i + 1] = (byte) (address + i);
    }
    return b;
  }

  @Override
  public void open() {}

  @Override
  public ModbusResponsePdu exchange(int unit, ModbusRequestPdu request, long timeoutMs) {
    seen.add(new Seen(unit, request));
    CountDownLatch g = gate;
    if (g != null) {
      try {
        if (!g.await(15, TimeUnit.SECONDS)) {
          throw new AssertionError("the test never released the fake bus");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LineLostException("interrupted");
      }
    }
    var behaviour = units.get(unit);
    if (behaviour == null) {
      throw new DeviceTimeoutException("unit " + unit + " did not answer");
    }
    return behaviour.apply(unit, request);
  }

  /** How many exchanges went to this unit. */
  long count(int unit) {
    return seen.stream().filter(s -> s.unit() == unit).count();
  }

  @Override
  public String lostReason() {
    return null;
  }

  @Override
  public void close() {}
}
