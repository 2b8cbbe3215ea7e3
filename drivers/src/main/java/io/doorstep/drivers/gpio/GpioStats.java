package io.doorstep.drivers.gpio;

/**
 * Counters of the booth's GPIO driver since start, for metrics and the benchmark.
 *
 * @param cards frames with a good length and parity, each asked about
 * @param droppedBitCount frames of neither 26 nor 34 bits
 * @param droppedParity frames whose parity failed
 * @param droppedNoise bursts no reader sends: both lines low, a line left low, too many bits
 * @param decideFailures card reads the gateway gave no answer to (the door stayed shut)
 * @param exitRequests exit-button presses
 * @param forcedAlarms doors opened with no release and no exit button
 * @param heldOpenAlarms doors still open when their release was long over
 */
public record GpioStats(long cards, long droppedBitCount, long droppedParity, long droppedNoise, long decideFailures,
    long exitRequests, long forcedAlarms, long heldOpenAlarms) {

  public static final GpioStats NONE = new GpioStats(0, 0, 0, 0, 0, 0, 0, 0);

  /** Both counts together: a driver replaced by another passes its counts on. */
  public GpioStats plus(GpioStats o) {
    return new GpioStats(cards + o.cards, droppedBitCount + o.droppedBitCount, droppedParity + o.droppedParity,
        droppedNoise + o.droppedNoise, decideFailures + o.decideFailures, exitRequests + o.exitRequests,
        forcedAlarms + o.forcedAlarms, heldOpenAlarms + o.heldOpenAlarms);
  }

  public long dropped() {
    return droppedBitCount + droppedParity + droppedNoise;
  }
}
