package io.doorstep.bench.wiegand;

/**
 * The Wiegand benchmark's command line.
 *
 * @param format 26, 34, or 0 for both in turn
 */
record BenchOptions(int frames, int format, long pulseUs, long spacingUs, long seed, boolean help) {
  static final String USAGE = """
      usage: doorstep bench wiegand [--frames N] [--format 26|34|mixed] [--pulse-us US] [--spacing-us US] [--seed N]
        --frames      cards to send, one after another (default 500; about 12 a second)
        --format      26-bit, 34-bit, or both in turn (default mixed)
        --pulse-us    low pulse width (default 50, as the interface says)
        --spacing-us  time from one bit to the next (default 2000, as the interface says)
        --seed        for the card numbers (default 1)""";

  static BenchOptions parse(String[] args) {
    int frames = 500;
    int format = 0;
    long pulseUs = 50;
    long spacingUs = 2_000;
    long seed = 1;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        return new BenchOptions(frames, format, pulseUs, spacingUs, seed, true);
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value after " + arg);
      }
      String value = args[++i];
      switch (arg) {
        case "--frames" -> frames = number(arg, value, 1, 1_000_000);
        case "--format" -> format = switch (value) {
          case "26" -> 26;
          case "34" -> 34;
          case "mixed" -> 0;
          default -> throw new IllegalArgumentException("--format is 26, 34 or mixed, not " + value);
        };
        case "--pulse-us" -> pulseUs = number(arg, value, 1, 1_000);
        case "--spacing-us" -> spacingUs = number(arg, value, 200, 20_000);
        case "--seed" -> seed = number(arg, value, 0, Integer.MAX_VALUE);
        default -> throw new IllegalArgumentException("unknown option " + arg);
      }
    }
    if (pulseUs >= spacingUs) {
      throw new IllegalArgumentException("--pulse-us must be shorter than --spacing-us");
    }
    return new BenchOptions(frames, format, pulseUs, spacingUs, seed, false);
  }

  String formatName() {
    return format == 0 ? "26 and 34 bits in turn" : format + " bits";
  }

  String commandLine() {
    return "--frames " + frames + " --format " + (format == 0 ? "mixed" : Integer.toString(format))
        + " --pulse-us " + pulseUs + " --spacing-us " + spacingUs + " --seed " + seed;
  }

  private static int number(String option, String value, int min, int max) {
    try {
      int n = Integer.parseInt(value);
      if (n < min || n > max) {
        throw new IllegalArgumentException(option + " must be " + min + ".." + max + ", got " + value);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " expects a number, got " + value);
    }
  }
}
