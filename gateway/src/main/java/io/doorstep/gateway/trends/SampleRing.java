package io.doorstep.gateway.trends;

import io.vertx.core.json.JsonArray;

/**
 * The last {@code capacity} samples of one quantity, oldest dropped first: a plot's memory that
 * never grows, however long the gateway runs. Thread-safe; a sample is a time and a value.
 */
public final class SampleRing {
  private final long[] times;
  private final double[] values;
  private int next;
  private int size;

  public SampleRing(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("a ring holds at least one sample, not " + capacity);
    }
    times = new long[capacity];
    values = new double[capacity];
  }

  public synchronized void add(long atMs, double value) {
    times[next] = atMs;
    values[next] = value;
    next = (next + 1) % times.length;
    size = Math.min(size + 1, times.length);
  }

  public synchronized void clear() {
    next = 0;
    size = 0;
  }

  public synchronized int size() {
    return size;
  }

  public int capacity() {
    return times.length;
  }

  /** Oldest first, each as {@code [timeMs, value]}. */
  public synchronized JsonArray toJson() {
    JsonArray points = new JsonArray();
    int first = (next - size + times.length) % times.length;
    for (int i = 0; i < size; i++) {
      int at = (first + i) % times.length;
      points.add(new JsonArray().add(times[at]).add(values[at]));
    }
    return points;
  }
}
