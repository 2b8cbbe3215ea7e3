package io.doorstep.bench;

/** Reading a benchmark's command-line values, each refusal naming its option. */
public final class OptionValues {
  private OptionValues() {}

  /** The value after the option at {@code i - 1}. */
  public static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  /** A whole number above 0; "1_000" and "1,000" are read as 1000. */
  public static int positive(String option, String text) {
    int n = nonNegative(option, text);
    if (n == 0) {
      throw new IllegalArgumentException(option + ": must be above 0");
    }
    return n;
  }

  /** A whole number, 0 or more; "1_000" and "1,000" are read as 1000. */
  public static int nonNegative(String option, String text) {
    try {
      int n = Integer.parseInt(text.replace("_", "").replace(",", ""));
      if (n < 0) {
        throw new IllegalArgumentException(option + ": must not be negative");
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + ": not a whole number: " + text);
    }
  }
}
