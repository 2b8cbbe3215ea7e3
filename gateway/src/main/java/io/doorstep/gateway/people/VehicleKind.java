package io.doorstep.gateway.people;

/** What a registered plate is on: cars use the vehicle gate, e-bikes the two-wheeler gate. */
public enum VehicleKind {
  CAR("car"),
  EBIKE("ebike");

  private final String code;

  VehicleKind(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static VehicleKind ofCode(String code) {
    for (VehicleKind k : values()) {
      if (k.code.equals(code)) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown vehicle kind in the store: " + code);
  }
}
