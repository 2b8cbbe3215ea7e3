package io.doorstep.gateway.sync;

import io.doorstep.gateway.bus.Addresses;
import io.doorstep.gateway.bus.Presence;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.eventbus.DeliveryContext;
import java.util.function.ObjIntConsumer;

/**
 * Sees the person count in terminals' heartbeats. Presence messages are sent point to point
 * to the device registry, so a second consumer of {@link Addresses#DEVICE_PRESENCE} would take
 * turns with it and steal half of them; an outbound interceptor reads them without taking any.
 * The count is handed to the sync on its own context.
 */
final class HeartbeatTap implements Handler<DeliveryContext<Object>> {
  private static final String PERSONS = "persons";

  private final Context context;
  private final ObjIntConsumer<String> onCount;

  HeartbeatTap(Context context, ObjIntConsumer<String> onCount) {
    this.context = context;
    this.onCount = onCount;
  }

  @Override
  public void handle(DeliveryContext<Object> delivery) {
    try {
      if (Addresses.DEVICE_PRESENCE.equals(delivery.message().address())
          && delivery.body() instanceof Presence p
          && p.state() == Presence.State.ALIVE
          && p.facts().getValue(PERSONS) instanceof Number n) {
        int count = n.intValue();
        context.runOnContext(v -> onCount.accept(p.device(), count));
      }
    } finally {
      delivery.next();
    }
  }
}
