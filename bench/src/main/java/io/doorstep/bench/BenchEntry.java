package io.doorstep.bench;

import java.util.function.Function;
import java.util.function.Predicate;

/**
 * How a benchmark answers its command line: options read (a bad one is usage, exit 2), help
 * printed (exit 0), the run (exit 0), a failure said in one line (exit 1) with the stack trace
 * only for what was not foreseen.
 */
public final class BenchEntry {
  private BenchEntry() {}

  /** The benchmark's work, given its options. */
  public interface Body<O> {
    void run(O options) throws Exception;
  }

  /**
   * @param name as the user typed it, e.g. "doorstep bench board"
   * @return 0 done, 1 the run failed, 2 bad usage
   */
  public static <O> int run(String name, String usage, String[] args, Function<String[], O> parse,
      Predicate<O> help, Body<O> body) {
    O options;
    try {
      options = parse.apply(args);
    } catch (IllegalArgumentException e) {
      System.err.println(name + ": " + e.getMessage());
      System.err.println(usage);
      return 2;
    }
    if (help.test(options)) {
      System.out.println(usage);
      return 0;
    }
    try {
      body.run(options);
      return 0;
    } catch (IllegalStateException e) {
      System.err.println(name + ": " + e.getMessage());
      return 1;
    } catch (Exception e) {
      System.err.println(name + ": failed: " + e);
      e.printStackTrace(System.err);
      return 1;
    }
  }
}
