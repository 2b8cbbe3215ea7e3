package io.doorstep.gateway.charging;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** How values read in alarm texts and details. */
final class Units {
  private Units() {}

  static String watts(double w) {
    return number(w) + " W";
  }

  static String celsius(Double c) {
    return c == null ? "?" : number(c) + " °C";
  }

  static String volts(Double v) {
    return v == null ? "?" : number(v) + " V";
  }

  static String number(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }

  /** Key, value, key, value…; null values are left out, the record has no use for them. */
  static Map<String, Object> details(Object... keyValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      if (keyValues[i + 1] != null) {
        map.put((String) keyValues[i], keyValues[i + 1]);
      }
    }
    return map;
  }
}
