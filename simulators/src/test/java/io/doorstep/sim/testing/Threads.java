package io.doorstep.sim.testing;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** Checks that a test left no MQTT or terminal threads behind. */
public final class Threads {

  private static final List<String> OURS =
      List.of("MQTT ", "ft-sim-", "traffic-scenario", "simulate-cli", "rtu-line-");

  private Threads() {
  }

  public static void assertNoneLeft() {
    Waits.until(() -> leftovers().isEmpty(), Duration.ofSeconds(5),
        () -> "threads left: " + leftovers());
  }

  private static List<String> leftovers() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(name -> OURS.stream().anyMatch(name::startsWith))
        .collect(Collectors.toList());
  }
}
