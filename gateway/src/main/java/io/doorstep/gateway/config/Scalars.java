package io.doorstep.gateway.config;

import java.math.BigInteger;
import java.util.List;

/** Turns the text of a YAML scalar into a typed value, or into the words that say why not. */
final class Scalars {
  private Scalars() {}

  /**
   * A converted value, or a problem message and no value.
   *
   * @param value the value, null when {@code problem} is set
   * @param problem what is wrong, null when the text was fine
   */
  record Result<T>(T value, String problem) {
    static <T> Result<T> ok(T value) {
      return new Result<>(value, null);
    }

    static <T> Result<T> bad(String problem) {
      return new Result<>(null, problem);
    }
  }

  /** Text is read as written; the rule alone decides, so an SN like 1234 stays text. */
  static Result<String> text(String text, TextRule rule) {
    if (text.isEmpty()) {
      return Result.bad("expected " + rule.allowed() + ", got an empty text; write null or leave the key out");
    }
    return rule.test().test(text)
        ? Result.ok(text)
        : Result.bad("expected " + rule.allowed() + ", got " + Nodes.quote(text));
  }

  /** Decimal only: YAML 1.1 would read 0x1F or 1:30 as numbers, which nobody means in this file. */
  static Result<Integer> integer(String text, int min, int max) {
    if (!text.matches("[-+]?[0-9]+")) {
      return Result.bad("expected an integer, got " + Nodes.quote(text));
    }
    BigInteger value = new BigInteger(text);
    if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
      return Result.bad("must be " + min + ".." + max + ", got " + text);
    }
    return Result.ok(value.intValue());
  }

  /**
   * A register address or raw value as device manuals print them: decimal, or hex with 0x
   * (0x0100). Only profile files take hex; elsewhere a number is decimal.
   */
  static Result<Integer> register(String text, int min, int max) {
    String t = text.trim();
    BigInteger value;
    if (t.matches("0[xX][0-9a-fA-F]{1,8}")) {
      value = new BigInteger(t.substring(2), 16);
    } else if (t.matches("[0-9]+")) {
      value = new BigInteger(t);
    } else {
      return Result.bad("expected a number, decimal or hex like 0x0100, got " + Nodes.quote(text));
    }
    if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
      return Result.bad("must be " + hex(min) + ".." + hex(max) + ", got " + text);
    }
    return Result.ok(value.intValue());
  }

  /** A decimal number such as 0.1 or 800; no hex, no exponent surprises like 1e3 from a typo. */
  static Result<Double> decimal(String text, double min, double max) {
    if (!text.matches("[-+]?[0-9]+(\\.[0-9]+)?")) {
      return Result.bad("expected a number such as 800 or 0.1, got " + Nodes.quote(text));
    }
    double value = Double.parseDouble(text);
    if (value < min || value > max) {
      return Result.bad("must be " + plain(min) + ".." + plain(max) + ", got " + text);
    }
    return Result.ok(value);
  }

  private static String hex(int value) {
    return value <= 0xFFFF && value > 9 ? String.format("0x%04X", value) : Integer.toString(value);
  }

  private static String plain(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }

  /** The YAML 1.1 spellings too, since operators write yes and on. */
  static Result<Boolean> bool(String text) {
    return switch (text.toLowerCase()) {
      case "true", "yes", "on" -> Result.ok(true);
      case "false", "no", "off" -> Result.ok(false);
      default -> Result.bad("expected true or false, got " + Nodes.quote(text));
    };
  }

  static Result<String> oneOf(String text, List<String> allowed) {
    if (allowed.contains(text)) {
      return Result.ok(text);
    }
    String guess = Spelling.closest(text, allowed).map(k -> "; did you mean '" + k + "'?").orElse("");
    return Result.bad("expected one of " + String.join(", ", allowed) + ", got " + Nodes.quote(text) + guess);
  }
}
