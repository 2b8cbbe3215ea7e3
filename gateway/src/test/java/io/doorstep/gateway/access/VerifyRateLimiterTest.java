package io.doorstep.gateway.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The flood limit per terminal, on a clock the test moves. */
class VerifyRateLimiterTest {
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final VerifyRateLimiter limiter = new VerifyRateLimiter(20, nanos::get);

  private long allowed(String device, int tries) {
    return IntStream.range(0, tries).filter(i -> limiter.tryAcquire(device)).count();
  }

  @Test
  void aFloodingTerminalGetsItsRateAndNoMore() {
    assertEquals(20, allowed("ft-a", 100), "a second's worth at once");
    nanos.addAndGet(500_000_000L);
    assertEquals(10, allowed("ft-a", 100), "half a second refills half");
  }

  @Test
  void otherTerminalsAreNotTouched() {
    allowed("ft-a", 1000);
    assertEquals(20, allowed("ft-b", 20));
  }

  @Test
  void aQuietTerminalNeverSavesMoreThanOneSecondsBurst() {
    nanos.addAndGet(3_600_000_000_000L);
    assertEquals(20, allowed("ft-a", 100));
  }
}
