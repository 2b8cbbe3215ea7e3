package io.doorstep.drivers.modbus.internal;

import com.digitalpetri.modbus.pdu.ModbusRequestPdu;
import com.digitalpetri.modbus.pdu.ModbusResponsePdu;
import io.doorstep.drivers.modbus.Priority;
import java.util.concurrent.CompletableFuture;

/** One request waiting for the line, and where its answer goes. */
public record Job(int unit, Priority priority, ModbusRequestPdu request, long timeoutMs,
    CompletableFuture<ModbusResponsePdu> result) {

  public Job(int unit, Priority priority, ModbusRequestPdu request, long timeoutMs) {
    this(unit, priority, request, timeoutMs, new CompletableFuture<>());
  }
}
