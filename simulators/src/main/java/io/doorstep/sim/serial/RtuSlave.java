package io.doorstep.sim.serial;

import io.doorstep.sim.modbus.RtuRequest;

/** What answers on a slave line: one device or several sharing the bus. */
public interface RtuSlave {

  /**
   * Handles a request whose CRC was good, on the line's thread. Returns the reply, or null
   * when nobody answers (another address, broadcast, a device told to stay silent).
   */
  Reply handle(RtuRequest request);

  /**
   * The bytes to send, CRC included (a device may break it on purpose), or null to send
   * nothing; and the baud rate the line switches to afterwards, or 0 to keep it.
   */
  record Reply(byte[] frame, int baudAfter) {

    public static Reply of(byte[] frame) {
      return new Reply(frame, 0);
    }
  }
}
