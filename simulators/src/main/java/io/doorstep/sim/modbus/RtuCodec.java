package io.doorstep.sim.modbus;

import io.doorstep.sim.modbus.RtuRequest.Other;
import io.doorstep.sim.modbus.RtuRequest.ReadRegisters;
import io.doorstep.sim.modbus.RtuRequest.WriteRegister;
import io.doorstep.sim.modbus.RtuRequest.WriteRegisters;
import io.doorstep.sim.modbus.RtuResponse.Refused;
import io.doorstep.sim.modbus.RtuResponse.Registers;
import io.doorstep.sim.modbus.RtuResponse.WrittenRegister;
import io.doorstep.sim.modbus.RtuResponse.WrittenRegisters;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Modbus RTU frames both ways, for the slave and for a test's master. Pure: bytes in, records
 * out. Written from the protocol text, not from any Modbus library, so that a gateway built on
 * one meets a second reading of the standard.
 */
public final class RtuCodec {

  public static final int READ_HOLDING = 0x03;
  public static final int READ_INPUT = 0x04;
  public static final int WRITE_SINGLE = 0x06;
  public static final int WRITE_MULTIPLE = 0x10;

  public static final int ILLEGAL_FUNCTION = 0x01;
  public static final int ILLEGAL_ADDRESS = 0x02;
  public static final int ILLEGAL_VALUE = 0x03;
  public static final int DEVICE_FAILURE = 0x04;

  /** {@link #requestLength} and {@link #responseLength}: more bytes are needed to tell. */
  public static final int NEED_MORE = -1;
  /** {@link #requestLength} and {@link #responseLength}: only silence can end this frame. */
  public static final int UNKNOWN = 0;

  private RtuCodec() {
  }

  /**
   * The length of the request frame that starts {@code buffer}, from its function code and,
   * for 0x0F/0x10/0x17, its byte count: a pty has no timing, so length is how frames split.
   */
  public static int requestLength(byte[] buffer, int available) {
    if (available < 2) {
      return NEED_MORE;
    }
    switch (buffer[1] & 0xFF) {
      case 0x01, 0x02, 0x03, 0x04, 0x05, 0x06:
        return 8;
      case 0x07, 0x0B, 0x0C, 0x11:
        return 4;
      case 0x16:
        return 10;
      case 0x0F, 0x10:
        return available < 7 ? NEED_MORE : 9 + (buffer[6] & 0xFF);
      case 0x17:
        return available < 11 ? NEED_MORE : 13 + (buffer[10] & 0xFF);
      default:
        return UNKNOWN;
    }
  }

  /** The length of the response frame that starts {@code buffer}, as a master reads it. */
  public static int responseLength(byte[] buffer, int available) {
    if (available < 2) {
      return NEED_MORE;
    }
    int function = buffer[1] & 0xFF;
    if ((function & 0x80) != 0) {
      return 5;
    }
    switch (function) {
      case 0x01, 0x02, 0x03, 0x04:
        return available < 3 ? NEED_MORE : 5 + (buffer[2] & 0xFF);
      case 0x05, 0x06, 0x0F, 0x10:
        return 8;
      default:
        return UNKNOWN;
    }
  }

  public static byte[] encode(RtuRequest request) {
    ByteArrayOutputStream pdu = new ByteArrayOutputStream();
    if (request instanceof ReadRegisters read) {
      word(pdu, read.address());
      word(pdu, read.count());
    } else if (request instanceof WriteRegister write) {
      word(pdu, write.address());
      word(pdu, write.value());
    } else if (request instanceof WriteRegisters write) {
      word(pdu, write.address());
      word(pdu, write.quantity());
      pdu.write(write.values().size() * 2);
      write.values().forEach(v -> word(pdu, v));
    } else if (request instanceof Other other) {
      pdu.writeBytes(other.data());
    }
    return frame(request.unit(), request.function(), pdu.toByteArray());
  }

  /** Decodes a whole request frame, CRC included. */
  public static RtuRequest decodeRequest(byte[] frame) {
    checkFrame(frame);
    int unit = frame[0] & 0xFF;
    int function = frame[1] & 0xFF;
    int pduLength = frame.length - 4;
    switch (function) {
      case READ_HOLDING, READ_INPUT:
        expectLength(function, pduLength, 4);
        return new ReadRegisters(unit, function, word(frame, 2), word(frame, 4));
      case WRITE_SINGLE:
        expectLength(function, pduLength, 4);
        return new WriteRegister(unit, word(frame, 2), word(frame, 4));
      case WRITE_MULTIPLE:
        if (pduLength < 5) {
          throw new MalformedFrameException("0x10 request too short: " + hex(frame));
        }
        int byteCount = frame[6] & 0xFF;
        if (byteCount != pduLength - 5 || byteCount % 2 != 0) {
          throw new MalformedFrameException("0x10 byte count " + byteCount + " but "
              + (pduLength - 5) + " data bytes: " + hex(frame));
        }
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < byteCount; i += 2) {
          values.add(word(frame, 7 + i));
        }
        return new WriteRegisters(unit, word(frame, 2), word(frame, 4), values);
      default:
        return new Other(unit, function, Arrays.copyOfRange(frame, 2, frame.length - 2));
    }
  }

  public static byte[] encode(RtuResponse response) {
    ByteArrayOutputStream pdu = new ByteArrayOutputStream();
    int function = response.function();
    if (response instanceof Registers registers) {
      pdu.write(registers.values().size() * 2);
      registers.values().forEach(v -> word(pdu, v));
    } else if (response instanceof WrittenRegister written) {
      word(pdu, written.address());
      word(pdu, written.value());
    } else if (response instanceof WrittenRegisters written) {
      word(pdu, written.address());
      word(pdu, written.quantity());
    } else if (response instanceof Refused refused) {
      function = refused.function() | 0x80;
      pdu.write(refused.code());
    }
    return frame(response.unit(), function, pdu.toByteArray());
  }

  /** Decodes a whole response frame, CRC included. */
  public static RtuResponse decodeResponse(byte[] frame) {
    checkFrame(frame);
    int unit = frame[0] & 0xFF;
    int function = frame[1] & 0xFF;
    int pduLength = frame.length - 4;
    if ((function & 0x80) != 0) {
      expectLength(function, pduLength, 1);
      return new Refused(unit, function & 0x7F, frame[2] & 0xFF);
    }
    switch (function) {
      case READ_HOLDING, READ_INPUT:
        int byteCount = frame[2] & 0xFF;
        if (pduLength < 1 || byteCount != pduLength - 1 || byteCount % 2 != 0) {
          throw new MalformedFrameException("byte count " + byteCount + " disagrees with "
              + (pduLength - 1) + " data bytes: " + hex(frame));
        }
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < byteCount; i += 2) {
          values.add(word(frame, 3 + i));
        }
        return new Registers(unit, function, values);
      case WRITE_SINGLE:
        expectLength(function, pduLength, 4);
        return new WrittenRegister(unit, word(frame, 2), word(frame, 4));
      case WRITE_MULTIPLE:
        expectLength(function, pduLength, 4);
        return new WrittenRegisters(unit, word(frame, 2), word(frame, 4));
      default:
        throw new MalformedFrameException("no response format for function " + function);
    }
  }

  /** Adds address, function and CRC around a PDU body. */
  public static byte[] frame(int unit, int function, byte[] body) {
    byte[] frame = new byte[body.length + 4];
    frame[0] = (byte) unit;
    frame[1] = (byte) function;
    System.arraycopy(body, 0, frame, 2, body.length);
    int crc = Crc16.of(frame, 0, frame.length - 2);
    frame[frame.length - 2] = (byte) crc;
    frame[frame.length - 1] = (byte) (crc >>> 8);
    return frame;
  }

  public static String hex(byte[] bytes) {
    StringBuilder text = new StringBuilder();
    for (byte b : bytes) {
      text.append(text.length() == 0 ? "" : " ").append(String.format("%02X", b & 0xFF));
    }
    return text.toString();
  }

  private static void checkFrame(byte[] frame) {
    if (frame.length < 4) {
      throw new MalformedFrameException("frame of " + frame.length + " bytes: " + hex(frame));
    }
    if (!Crc16.matches(frame, frame.length)) {
      throw new MalformedFrameException("bad CRC: " + hex(frame));
    }
  }

  private static void expectLength(int function, int pduLength, int expected) {
    if (pduLength != expected) {
      throw new MalformedFrameException(String.format(
          "function 0x%02X needs %d data bytes, got %d", function, expected, pduLength));
    }
  }

  private static int word(byte[] bytes, int at) {
    return ((bytes[at] & 0xFF) << 8) | (bytes[at + 1] & 0xFF);
  }

  private static void word(ByteArrayOutputStream out, int value) {
    out.write((value >>> 8) & 0xFF);
    out.write(value & 0xFF);
  }
}
