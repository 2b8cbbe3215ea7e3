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
