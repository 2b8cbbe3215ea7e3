package io.doorstep.drivers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
  @Test
  void pausesDoubleUpToTheMaximumWithinTheJitter() {
    Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(30));
    long[] bases = {2_000, 4_000, 8_000, 16_000, 30_000, 30_000};
    for (long base : bases) {
      long d = backoff.nextDelayMs();
      assertTrue(d >= base * 0.8 && d <= base * 1.2, "pause " + d + " near " + base);
    }
    assertEquals(bases.length, backoff.failures());
  }

  @Test
  void aSuccessStartsOverFromTheShortestPause() {
    Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(30));
    for (int i = 0; i < 40; i++) {
      backoff.nextDelayMs();
    }
    backoff.reset();
    assertEquals(0, backoff.failures());
    assertTrue(backoff.nextDelayMs() <= 2_400);
  }
}
