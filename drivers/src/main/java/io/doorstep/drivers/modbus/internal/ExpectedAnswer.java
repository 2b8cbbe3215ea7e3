package io.doorstep.drivers.modbus.internal;

import com.digitalpetri.modbus.ModbusRtuFrame;
import java.nio.ByteBuffer;

/**
 * What the answer to the request on the wire must look like: the unit it was sent to, its
 * function code (or that code with 0x80 for an exception answer) and, for a read, the byte count
 * its quantity asks for. A frame that is none of these is a late answer to an earlier request
 * (a device that answered after its time-out) and must not be taken for the current one.
 */
record ExpectedAnswer(int unit, int function, int readByteCount) {
  /** Reads carry their quantity at offset 3 of the PDU; other functions are not counted. */
  static ExpectedAnswer of(ModbusRtuFrame request) {
    ByteBuffer pdu = request.pdu().duplicate();
    int function = pdu.get(pdu.position()) & 0xFF;
    int byteCount = -1;
    if (function >= 1 && function <= 4 && pdu.remaining() >= 5) {
      int quantity = pdu.getShort(pdu.position() + 3) & 0xFFFF;
      byteCount = function <= 2 ? (quantity + 7) / 8 : 2 * quantity;
    }
    return new ExpectedAnswer(request.unitId(), function, byteCount);
  }

  boolean matches(ModbusRtuFrame answer) {
    ByteBuffer pdu = answer.pdu();
    if (answer.unitId() != unit || pdu.remaining() < 1) {
      return false;
    }
    int function = pdu.get(pdu.position()) & 0xFF;
    if (function == (this.function | 0x80)) {
      return true;
    }
    if (function != this.function) {
      return false;
    }
    return readByteCount < 0 || (pdu.remaining() >= 2 && (pdu.get(pdu.position() + 1) & 0xFF) == readByteCount);
  }
}
