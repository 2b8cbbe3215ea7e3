package io.doorstep.gateway.trends;

import io.vertx.core.json.JsonObject;

/**
 * One charging port's power and plug temperature over its current session, or its last one
 * once the relay opened: what a technician looks at when a pile stopped a bike for heat.
 */
final class PortTrace {
  /** Eight hours at a point every 30 s: the longest session the default limits allow. */
  static final int CAPACITY = 960;

  private final SampleRing power = new SampleRing(CAPACITY);
  private final SampleRing plug = new SampleRing(CAPACITY);
  private boolean closed;
  private long startedMs;
  private long lastMs;

  /**
   * @param relayClosed the port is charging or holding its relay closed
   * @param plugC null when the sensor gave nothing usable
   * @param everyMs the least time between two recorded points
   */
  synchronized void observe(long atMs, boolean relayClosed, double powerW, Double plugC, long everyMs) {
    if (relayClosed && !closed) {
      power.clear();
      plug.clear();
      startedMs = atMs;
      lastMs = 0;
    }
    boolean ending = closed && !relayClosed;
    closed = relayClosed;
    if (!relayClosed && !ending) {
      return;
    }
    if (ending || lastMs == 0 || atMs - lastMs >= everyMs) {
      lastMs = atMs;
      power.add(atMs, powerW);
      if (plugC != null) {
        plug.add(atMs, plugC);
      }
    }
  }

  synchronized JsonObject toJson() {
    return new JsonObject()
        .put("charging", closed)
        .put("startedMs", startedMs == 0 ? null : startedMs)
        .put("powerW", power.toJson())
        .put("plugC", plug.toJson());
  }
}
