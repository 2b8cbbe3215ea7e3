package io.doorstep.gateway.events;

import io.doorstep.device.DeviceEvent;
import io.doorstep.device.EventKinds;
import io.doorstep.gateway.bus.Addresses;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts bad device messages per device and reason, and logs them at most once a minute per
 * device: a terminal with a broken firmware sends the same bad message all day, and one log
 * line a minute says that as well as ten thousand.
 */
public final class BadInputMonitor extends VerticleBase {
  private static final Logger log = LoggerFactory.getLogger(BadInputMonitor.class);
  private static final long LOG_INTERVAL_MS = 60_000;

  private final MeterRegistry metrics;
  private final Map<String, Long> lastLogged = new HashMap<>();
  private final Map<String, Long> suppressed = new HashMap<>();

  public BadInputMonitor(MeterRegistry metrics) {
    this.metrics = metrics;
  }

  @Override
  public Future<?> start() {
    return vertx.eventBus().<DeviceEvent>consumer(Addresses.EVENT_STORED, m -> {
      if (EventKinds.BAD_MESSAGE.equals(m.body().kind())) {
        onBadMessage(m.body());
      }
    }).completion();
  }

  private void onBadMessage(DeviceEvent event) {
    String reason = event.payload().getString("reason", "unknown");
    Counter.builder("doorstep.device.bad.messages")
        .description("messages that broke a device interface, per device and reason")
        .tag("device", event.device())
        .tag("reason", reason)
        .register(metrics)
        .increment();
    long now = System.currentTimeMillis();
    Long last = lastLogged.get(event.device());
    if (last == null || now - last >= LOG_INTERVAL_MS) {
      long skipped = suppressed.getOrDefault(event.device(), 0L);
      log.warn("bad message from {}: {} ({}){}", event.device(), event.payload().getString("detail"),
          event.payload().getString("topic"), skipped > 0 ? "; " + skipped + " more since the last report" : "");
      lastLogged.put(event.device(), now);
      suppressed.put(event.device(), 0L);
    } else {
      suppressed.merge(event.device(), 1L, Long::sum);
    }
  }
}
