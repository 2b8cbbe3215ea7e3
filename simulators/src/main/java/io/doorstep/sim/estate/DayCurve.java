package io.doorstep.sim.estate;

import java.time.LocalTime;
import java.util.Arrays;

/**
 * How busy an estate's doors are through the day, hour by hour, and which way people go.
 * Data, not logic: a scenario for another estate only needs other numbers.
 */
public final class DayCurve {

  private final double[] load;
  private final double[] outShare;

  /**
   * @param load     24 values, 0-1: share of the peak rate in each hour
   * @param outShare 24 values, 0-1: share of passages going out in each hour
   */
  public DayCurve(double[] load, double[] outShare) {
    if (load.length != 24 || outShare.length != 24) {
      throw new IllegalArgumentException("a day curve has 24 hourly values");
    }
    for (int h = 0; h < 24; h++) {
      if (load[h] < 0 || load[h] > 1 || outShare[h] < 0 || outShare[h] > 1) {
        throw new IllegalArgumentException("hour " + h + ": values must be within 0-1");
      }
    }
    this.load = load.clone();
    this.outShare = outShare.clone();
  }

  /**
   * A residential estate: people leave for work and school 07-09 and come home 17-20;
   * nights are quiet.
   */
  public static DayCurve residential() {
    double[] load = {
        0.02, 0.01, 0.01, 0.01, 0.01, 0.03,   // 00-05
        0.25, 1.00, 0.90, 0.40, 0.25, 0.30,   // 06-11
        0.35, 0.25, 0.25, 0.30, 0.45, 0.90,   // 12-17
        1.00, 0.85, 0.45, 0.25, 0.10, 0.05};  // 18-23
    double[] out = new double[24];
    Arrays.fill(out, 0.5);
    out[6] = 0.7;
    out[7] = 0.85;
    out[8] = 0.8;
    for (int h = 17; h <= 20; h++) {
      out[h] = 0.2;
    }
    return new DayCurve(load, out);
  }

  public double loadAt(LocalTime time) {
    return load[time.getHour()];
  }

  public double outShareAt(LocalTime time) {
    return outShare[time.getHour()];
  }
}
