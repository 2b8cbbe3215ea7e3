package io.doorstep.device;

/** How urgently a person must look at an event. Ordered from least to most urgent. */
public enum Severity {
  INFO,
  WARNING,
  ALARM,
  CRITICAL;

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Severity fromCode(String code) {
    return valueOf(code.toUpperCase(java.util.Locale.ROOT));
  }
}
