package io.doorstep.gateway.fire;

/**
 * How persistently fire mode talks to the doors.
 *
 * @param retryMinMs first retry after a device did not acknowledge; doubles each time
 * @param retryMaxMs the longest wait between retries to a device that is online
 * @param offlineRetryMs retry interval for a device known offline that did not answer; it is also
 *     told at once when it comes back
 * @param reassertMs while in fire mode, every online egress device is told again this often, in
 *     case it restarted without the gateway noticing and forgot its hold
 */
public record FireTiming(long retryMinMs, long retryMaxMs, long offlineRetryMs, long reassertMs) {
  public static final FireTiming DEFAULT = new FireTiming(1_000, 30_000, 120_000, 60_000);

  public FireTiming {
    if (retryMinMs < 1 || retryMaxMs < retryMinMs || offlineRetryMs < 1 || reassertMs < 1) {
      throw new IllegalArgumentException("fire timing must be positive, retryMaxMs >= retryMinMs");
    }
  }

  long retryDelayMs(int attempt) {
    return Math.min(retryMaxMs, retryMinMs << Math.min(attempt, 20));
  }
}
