package io.doorstep.gateway.trends;

import io.doorstep.drivers.modbus.DeviceReading;
import io.doorstep.drivers.modbus.LineStats;
import io.doorstep.gateway.bus.Addresses;
import io.doorstep.gateway.charging.PileReading;
import io.doorstep.gateway.charging.PortReading;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * What the technician console plots, kept in memory in bounded rings: each RS-485 line's
 * utilisation over the last hour (one point per statistics sample, every 5 s), the upstream
 * backlog over the last day (every 5 minutes), and each charging port's power and plug
 * temperature over its current or last session (from the piles' readings on the bus). Nothing
 * here is stored: after a restart the plots start again.
 */
public final class Trends extends VerticleBase {
  /** An hour of the serial lines' 5 s samples. */
  static final int LINE_SAMPLES = 720;
  /** The serial lines' statistics window, which each utilisation point covers. */
  static final long LINE_EVERY_MS = 5_000;
  public static final long BACKLOG_EVERY_MS = 5 * 60_000;
  /** A day at one point every 5 minutes. */
  static final int BACKLOG_SAMPLES = 288;
  static final long PORT_EVERY_MS = 30_000;

  private final Map<String, SampleRing> lines = new ConcurrentHashMap<>();
  private final SampleRing backlog = new SampleRing(BACKLOG_SAMPLES);
  private final Map<String, PortTrace> ports = new ConcurrentHashMap<>();
  private final LongSupplier backlogNow;

  /** @param backlogNow events waiting upstream now, or -1 when upstream is off */
  public Trends(LongSupplier backlogNow) {
    this.backlogNow = backlogNow;
  }

  @Override
  public Future<?> start() {
    sampleBacklog();
    vertx.setPeriodic(BACKLOG_EVERY_MS, id -> sampleBacklog());
    return vertx.eventBus().<DeviceReading>consumer(Addresses.DEVICE_READING, m -> reading(m.body())).completion();
  }

  /** A line's statistics as the serial lines sample them; utilisation is that sample's window. */
  public void lineSampled(LineStats stats) {
    lines.computeIfAbsent(stats.lineId(), id -> new SampleRing(LINE_SAMPLES))
        .add(System.currentTimeMillis(), stats.utilisation());
  }

  private void sampleBacklog() {
    long waiting = backlogNow.getAsLong();
    if (waiting >= 0) {
      backlog.add(System.currentTimeMillis(), waiting);
    }
  }

  private void reading(DeviceReading reading) {
    if (reading.get("port1.state") == null) {
      return; // not a charging pile
    }
    for (PortReading p : PileReading.from(reading).ports()) {
      if (p.valid()) {
        boolean closed = p.state() == PortReading.CHARGING || p.state() == PortReading.IDLE_CLOSED;
        ports.computeIfAbsent(reading.deviceId() + "/" + p.port(), k -> new PortTrace())
            .observe(reading.atMillis(), closed, p.powerW(), p.plugTemperature(), PORT_EVERY_MS);
      }
    }
  }

  /** {@code [[timeMs, share 0..1], …]}, oldest first; empty for a line never sampled. */
  public JsonObject line(String lineId) {
    SampleRing ring = lines.get(lineId);
    return new JsonObject().put("line", lineId).put("everyMs", LINE_EVERY_MS)
        .put("points", ring == null ? new JsonArray() : ring.toJson());
  }

  /** {@code {"enabled": …, "points": [[timeMs, waiting], …]}}. */
  public JsonObject backlog() {
    return new JsonObject().put("enabled", backlogNow.getAsLong() >= 0).put("everyMs", BACKLOG_EVERY_MS)
        .put("points", backlog.toJson());
  }

  /** The port's trace, or null when it has not charged since the gateway started. */
  public JsonObject port(String pile, int port) {
    PortTrace trace = ports.get(pile + "/" + port);
    return trace == null ? null : trace.toJson().put("pile", pile).put("port", port);
  }
}
