package io.doorstep.sim.modbus;

import java.util.Arrays;
import java.util.List;

/**
 * A request as a master sends it. Values are passed through as received, even out of range
 * (count 0, quantity that disagrees with the data): judging them is the slave's job, which
 * answers with an exception instead of dropping the frame.
 */
public sealed interface RtuRequest {

  /** Slave address; 0 is broadcast. */
  int unit();

  int function();

  /** 0x03 read holding registers or 0x04 read input registers. */
  record ReadRegisters(int unit, int function, int address, int count) implements RtuRequest {
  }

  /** 0x06. */
  record WriteRegister(int unit, int address, int value) implements RtuRequest {
    @Override
    public int function() {
      return RtuCodec.WRITE_SINGLE;
    }
  }

  /** 0x10; {@code quantity} is the field on the wire, normally {@code values.size()}. */
  record WriteRegisters(int unit, int address, int quantity, List<Integer> values)
      implements RtuRequest {

    public WriteRegisters {
      values = List.copyOf(values);
    }

    public static WriteRegisters of(int unit, int address, List<Integer> values) {
      return new WriteRegisters(unit, address, values.size(), values);
    }

    @Override
    public int function() {
      return RtuCodec.WRITE_MULTIPLE;
    }
  }

  /** Any other function: the bytes between function code and CRC. */
  record Other(int unit, int function, byte[] data) implements RtuRequest {

    public Other {
      data = data.clone();
    }

    @Override
    public byte[] data() {
      return data.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Other other && other.unit == unit && other.function == function
          && Arrays.equals(other.data, data);
    }

    @Override
    public int hashCode() {
      return 31 * (31 * unit + function) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
      return "Other[unit=" + unit + ", function=" + function + ", data="
          + RtuCodec.hex(data) + "]";
    }
  }
}
