package io.doorstep.sim;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --key value} pairs of a simulate command, checked against what the command knows. */
final class CliOptions {
  private final Map<String, String> values;

  private CliOptions(Map<String, String> values) {
    this.values = values;
  }

  /** The pairs after the command word {@code args[0]}. */
  static CliOptions parse(String[] args, List<String> known) {
    Map<String, String> values = new HashMap<>();
    for (int i = 1; i < args.length; i += 2) {
      if (!known.contains(args[i])) {
        throw new IllegalArgumentException("unknown option " + args[i]);
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(args[i] + " needs a value");
      }
      values.put(args[i], args[i + 1]);
    }
    return new CliOptions(values);
  }

  String get(String key) {
    return values.get(key);
  }

  String get(String key, String fallback) {
    return values.getOrDefault(key, fallback);
  }

  boolean has(String key) {
    return values.containsKey(key);
  }

  String required(String key) {
    String value = values.get(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(key + " is required");
    }
    return value;
  }

  double number(String key, double fallback, double min, double max) {
    String text = values.get(key);
    if (text == null) {
      return fallback;
    }
    try {
      double value = Double.parseDouble(text);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // Reported below with the range.
    }
    throw new IllegalArgumentException(key + " must be a number from " + min + " to " + max + ": " + text);
  }
}
