package io.doorstep.drivers.modbus;

/**
 * The device answered, with a Modbus exception: it is alive and refused this one request (for
 * example 0x04 on the EBC-10: start a port with nothing plugged in). Never retried.
 */
public class ModbusExceptionResponse extends RuntimeException {
  private final int unit;
  private final int functionCode;
  private final int exceptionCode;

  public ModbusExceptionResponse(int unit, int functionCode, int exceptionCode) {
    super(String.format("unit %d, function 0x%02X: exception 0x%02X (%s)",
        unit, functionCode, exceptionCode, meaning(exceptionCode)));
    this.unit = unit;
    this.functionCode = functionCode;
    this.exceptionCode = exceptionCode;
  }

  public int unit() {
    return unit;
  }

  /** The function of the request, without the 0x80 exception bit. */
  public int functionCode() {
    return functionCode;
  }

  public int exceptionCode() {
    return exceptionCode;
  }

  static String meaning(int exceptionCode) {
    return switch (exceptionCode) {
      case 0x01 -> "function not supported";
      case 0x02 -> "address outside the map";
      case 0x03 -> "value out of range";
      case 0x04 -> "device could not do it";
      case 0x05 -> "accepted, still working";
      case 0x06 -> "device busy";
      case 0x0A -> "gateway path unavailable";
      case 0x0B -> "gateway target did not answer";
      default -> "unknown exception";
    };
  }
}
