package io.doorstep.gateway.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SyncRetryDelayTest {
  @Test
  void pausesDoubleUpToTheMaximumWithinTheJitter() {
    RetryDelay delay = new RetryDelay(Duration.ofSeconds(2), Duration.ofSeconds(30));
    long[] bases = {2_000, 4_000, 8_000, 16_000, 30_000, 30_000};
    for (long base : bases) {
      long d = delay.next();
      assertTrue(d >= base * 0.8 && d <= base * 1.2, "pause " + d + " near " + base);
    }
    assertEquals(bases.length, delay.failures());
  }

  @Test
  void aSuccessStartsOverFromTheShortestPause() {
    RetryDelay delay = new RetryDelay(Duration.ofSeconds(2), Duration.ofSeconds(30));
    for (int i = 0; i < 10; i++) {
      delay.next();
    }
    delay.reset();
    assertTrue(delay.next() <= 2_400);
  }
}
