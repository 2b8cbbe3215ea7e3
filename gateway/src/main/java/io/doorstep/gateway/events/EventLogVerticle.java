package io.doorstep.gateway.events;

import io.doorstep.device.DeviceEvent;
import io.doorstep.gateway.bus.Addresses;
import io.doorstep.gateway.store.Store;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every recorded event to the log and then tells the gateway it is there. Listeners of
 * {@link Addresses#EVENT_STORED} (the page, upstream) therefore never see an event that a
 * restart could take back.
 */
public final class EventLogVerticle extends VerticleBase {
  private static final Logger log = LoggerFactory.getLogger(EventLogVerticle.class);

  private final Store store;
  private final Counter failures;

  public EventLogVerticle(Store store, MeterRegistry metrics) {
    this.store = store;
    this.failures = Counter.builder("doorstep.events.store.failures")
        .description("events the log could not store")
        .register(metrics);
  }

  @Override
  public Future<?> start() {
    return vertx.eventBus().<DeviceEvent>consumer(Addresses.EVENT_RECORD, m -> record(m.body())).completion();
  }

  private void record(DeviceEvent event) {
    store.append(event).onComplete(stored -> {
      if (stored.succeeded()) {
        vertx.eventBus().publish(Addresses.EVENT_STORED, event);
      } else {
        failures.increment();
        log.error("event {} ({} from {}) not stored: {}", event.id(), event.kind(), event.device(),
            stored.cause().getMessage());
      }
    });
  }
}
