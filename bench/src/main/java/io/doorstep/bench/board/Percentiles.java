package io.doorstep.bench.board;

import java.util.Arrays;

/**
 * Latencies of one path, in milliseconds, kept whole (a ten-minute run at 200 a second is
 * 120,000 values, small enough) so that a percentile is an observed value, not a bucket's edge.
 */
final class Percentiles {
  private double[] values = new double[1024];
  private int count;
  private boolean sorted = true;

  void add(double ms) {
    if (count == values.length) {
      values = Arrays.copyOf(values, count * 2);
    }
    values[count++] = ms;
    sorted = false;
  }

  int count() {
    return count;
  }

  /** Nearest rank: the smallest value with at least p percent of all at or below it; NaN when empty. */
  double at(double p) {
    if (p < 0 || p > 100) {
      throw new IllegalArgumentException("a percentile is between 0 and 100: " + p);
    }
    if (count == 0) {
      return Double.NaN;
    }
    sort();
    // a hair below the product, so that 99.9 % of 2000 is rank 1998 despite 99.9 being inexact
    int rank = (int) Math.ceil(p * count / 100.0 - 1e-9);
    return values[Math.max(0, rank - 1)];
  }

  double max() {
    return at(100);
  }

  /** How many values are above the limit. */
  int above(double limitMs) {
    sort();
    int n = 0;
    for (int i = count - 1; i >= 0 && values[i] > limitMs; i--) {
      n++;
    }
    return n;
  }

  private void sort() {
    if (!sorted) {
      Arrays.sort(values, 0, count);
      sorted = true;
    }
  }
}
