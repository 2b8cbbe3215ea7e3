package io.doorstep.sim.modbus;

import java.util.List;

/** A slave's answer. */
public sealed interface RtuResponse {

  int unit();

  int function();

  /** Answer to 0x03 or 0x04. */
  record Registers(int unit, int function, List<Integer> values) implements RtuResponse {
    public Registers {
      values = List.copyOf(values);
    }
  }

  /** Answer to 0x06: the request echoed. */
  record WrittenRegister(int unit, int address, int value) implements RtuResponse {
    @Override
    public int function() {
      return RtuCodec.WRITE_SINGLE;
    }
  }

  /** Answer to 0x10. */
  record WrittenRegisters(int unit, int address, int quantity) implements RtuResponse {
    @Override
    public int function() {
      return RtuCodec.WRITE_MULTIPLE;
    }
  }

  /** Exception answer; {@code function} is the request's, without the 0x80 bit. */
  record Refused(int unit, int function, int code) implements RtuResponse {
  }
}
