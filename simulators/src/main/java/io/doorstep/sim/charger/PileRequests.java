package io.doorstep.sim.charger;

import static io.doorstep.sim.modbus.RtuCodec.DEVICE_FAILURE;
import static io.doorstep.sim.modbus.RtuCodec.ILLEGAL_ADDRESS;
import static io.doorstep.sim.modbus.RtuCodec.ILLEGAL_FUNCTION;
import static io.doorstep.sim.modbus.RtuCodec.ILLEGAL_VALUE;
import static io.doorstep.sim.modbus.RtuCodec.READ_INPUT;

import io.doorstep.sim.modbus.RtuCodec;
import io.doorstep.sim.modbus.RtuRequest;
import io.doorstep.sim.modbus.RtuRequest.ReadRegisters;
import io.doorstep.sim.modbus.RtuRequest.WriteRegister;
import io.doorstep.sim.modbus.RtuRequest.WriteRegisters;
import io.doorstep.sim.modbus.RtuResponse;
import io.doorstep.sim.modbus.RtuResponse.Refused;
import io.doorstep.sim.serial.RtuSlave;
import java.util.ArrayList;
import java.util.List;

/**
 * The pile's Modbus side: the register maps, the checks in the standard's order (function,
 * quantity, address, value, then whether the pile can do it) and the injected misbehaviour.
 * Called with the pile's lock held.
 */
final class PileRequests {

  private static final int MAX_READ = 125;
  private static final int MAX_WRITE = 123;

  /** An exception a test asked for. */
  record Injected(int function, int register, int code) {
  }

  private final Ebc10Pile pile;
  final List<Injected> injected = new ArrayList<>();
  boolean silent;
  int corruptNext;

  PileRequests(Ebc10Pile pile) {
    this.pile = pile;
  }

  RtuSlave.Reply serve(RtuRequest request) {
    boolean broadcast = request.unit() == 0;
    if (silent || (!broadcast && request.unit() != pile.address)) {
      return null;
    }
    if (broadcast && !(request instanceof WriteRegister || request instanceof WriteRegisters)) {
      return null;
    }
    int baudBefore = pile.baudCode;
    RtuResponse response = respond(request);
    int baudAfter = pile.baudCode == baudBefore ? 0 : Ebc10Pile.BAUD_RATES[pile.baudCode];
    if (broadcast) {
      return baudAfter == 0 ? null : new RtuSlave.Reply(null, baudAfter);
    }
    byte[] frame = RtuCodec.encode(response);
    if (corruptNext > 0) {
      corruptNext--;
      frame[frame.length - 1] ^= (byte) 0xFF;
    }
    return new RtuSlave.Reply(frame, baudAfter);
  }

  private RtuResponse respond(RtuRequest request) {
    int unit = request.unit();
    int function = request.function();
    for (Injected injection : injected) {
      if (injection.function() == function && touches(request, injection.register())) {
        return new Refused(unit, function, injection.code());
      }
    }
    if (request instanceof ReadRegisters read) {
      return read(read);
    }
    if (request instanceof WriteRegister write) {
      int code = checkWrites(write.address(), List.of(write.value()));
      if (code != 0) {
        return new Refused(unit, function, code);
      }
      apply(write.address(), write.value());
      return new RtuResponse.WrittenRegister(unit, write.address(), write.value());
    }
    if (request instanceof WriteRegisters write) {
      if (write.quantity() < 1 || write.quantity() > MAX_WRITE
          || write.quantity() != write.values().size()) {
        return new Refused(unit, function, ILLEGAL_VALUE);
      }
      int code = checkWrites(write.address(), write.values());
      if (code != 0) {
        return new Refused(unit, function, code);
      }
      for (int i = 0; i < write.values().size(); i++) {
        apply(write.address() + i, write.values().get(i));
      }
      return new RtuResponse.WrittenRegisters(unit, write.address(), write.quantity());
    }
    return new Refused(unit, function, ILLEGAL_FUNCTION);
  }

  private RtuResponse read(ReadRegisters read) {
    int unit = read.unit();
    if (read.count() < 1 || read.count() > MAX_READ) {
      return new Refused(unit, read.function(), ILLEGAL_VALUE);
    }
    boolean input = read.function() == READ_INPUT;
    List<Integer> values = new ArrayList<>();
    for (int register = read.address(); register < read.address() + read.count(); register++) {
      if (input ? !Ebc10Pile.inputDefined(register) : !holdingDefined(register)) {
        return new Refused(unit, read.function(), ILLEGAL_ADDRESS);
      }
      values.add(input ? pile.inputRegister(register) : holding(register));
    }
    return new RtuResponse.Registers(unit, read.function(), values);
  }

  private static boolean touches(RtuRequest request, int register) {
    int start;
    int count;
    if (request instanceof ReadRegisters read) {
      start = read.address();
      count = read.count();
    } else if (request instanceof WriteRegister write) {
      start = write.address();
      count = 1;
    } else if (request instanceof WriteRegisters write) {
      start = write.address();
      count = write.values().size();
    } else {
      return true;
    }
    return register >= start && register < start + count;
  }

  static boolean holdingDefined(int register) {
    if (register >= 0 && register <= 3) {
      return true;
    }
    int offset = register - 0x100;
    return offset >= 0 && offset < 16 * Ebc10Pile.PORTS && offset % 16 <= 1;
  }

  private int holding(int register) {
    switch (register) {
      case 0: return pile.address;
      case 1: return pile.baudCode;
      case 2: return pile.buzzer ? 1 : 0;
      case 3: return pile.autoStart ? 1 : 0;
      default:
        Port port = portOf(register);
        return (register - 0x100) % 16 == 0 ? (port.relayClosed ? 1 : 2) : port.tripWatts;
    }
  }

  /** 0 if all of them can be written, else the exception code, without writing any. */
  private int checkWrites(int start, List<Integer> values) {
    for (int i = 0; i < values.size(); i++) {
      if (!holdingDefined(start + i)) {
        return ILLEGAL_ADDRESS;
      }
    }
    for (int i = 0; i < values.size(); i++) {
      if (!inRange(start + i, values.get(i))) {
        return ILLEGAL_VALUE;
      }
    }
    for (int i = 0; i < values.size(); i++) {
      int register = start + i;
      if (register >= 0x100 && (register - 0x100) % 16 == 0 && values.get(i) == 1
          && !portOf(register).canStart()) {
        return DEVICE_FAILURE;
      }
    }
    return 0;
  }

  private static boolean inRange(int register, int value) {
    switch (register) {
      case 0: return value >= 1 && value <= 247;
      case 1: return value >= 0 && value < Ebc10Pile.BAUD_RATES.length;
      case 2, 3: return value == 0 || value == 1;
      default:
        return (register - 0x100) % 16 == 0 ? value == 1 || value == 2
            : value >= 100 && value <= 2000;
    }
  }

  private void apply(int register, int value) {
    pile.written(register, value);
    switch (register) {
      case 0 -> pile.address = value;
      case 1 -> pile.baudCode = value;
      case 2 -> pile.buzzer = value == 1;
      case 3 -> pile.autoStart = value == 1;
      default -> {
        Port port = portOf(register);
        if ((register - 0x100) % 16 == 1) {
          port.tripWatts = value;
        } else if (value == 1) {
          port.close();
        } else {
          port.open();
        }
      }
    }
  }

  private Port portOf(int register) {
    return pile.port(1 + (register - 0x100) / 16);
  }
}
