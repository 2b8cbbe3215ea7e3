package io.doorstep.drivers.modbus.internal;

import com.digitalpetri.modbus.pdu.ModbusRequestPdu;
import com.digitalpetri.modbus.pdu.ModbusResponsePdu;

/**
 * One opened serial port seen as blocking request/answer exchanges: what the line's scheduler
 * drives. Called from the line's own thread only, one exchange at a time. A channel is opened
 * once; after a loss the line makes a new one, so nothing of the old port (a pending answer, a
 * half-parsed frame) leaks into the next.
 */
public interface RtuChannel {
  /** @throws io.doorstep.drivers.modbus.LineLostException when the port cannot be opened */
  void open();

  /**
   * Sends one request and waits for its answer.
   *
   * @throws io.doorstep.drivers.DeviceTimeoutException no answer within {@code timeoutMs}
   * @throws io.doorstep.drivers.modbus.CrcException an answer that cannot be trusted
   * @throws io.doorstep.drivers.modbus.ModbusExceptionResponse the device refused the request
   * @throws io.doorstep.drivers.modbus.LineLostException the port went away
   */
  ModbusResponsePdu exchange(int unit, ModbusRequestPdu request, long timeoutMs);

  /** Why the port went away since it was opened, or null while it is fine. */
  String lostReason();

  void close();
}
