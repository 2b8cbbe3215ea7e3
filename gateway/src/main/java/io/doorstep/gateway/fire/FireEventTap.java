package io.doorstep.gateway.fire;

import io.doorstep.device.DeviceEvent;
import io.doorstep.device.EventKinds;
import io.doorstep.gateway.bus.Addresses;
import io.vertx.core.Handler;
import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.eventbus.EventBus;

/**
 * Hands fire events to the fire service as they are sent to the event log, not once stored.
 * Storing waits for a group commit with fsync and fails when the disk does; neither may delay
 * or stop the release of the doors. The event still goes on to the log as before.
 */
final class FireEventTap implements Handler<DeliveryContext<Object>> {
  private final EventBus bus;

  FireEventTap(EventBus bus) {
    this.bus = bus;
  }

  @Override
  public void handle(DeliveryContext<Object> context) {
    try {
      if (Addresses.EVENT_RECORD.equals(context.message().address())
          && context.message().body() instanceof DeviceEvent event
          && (EventKinds.FIRE_ALARM.equals(event.kind()) || EventKinds.FIRE_CLEAR.equals(event.kind()))) {
        bus.send(FireBus.SOURCE_EVENTS, event);
      }
    } finally {
      context.next();
    }
  }
}
