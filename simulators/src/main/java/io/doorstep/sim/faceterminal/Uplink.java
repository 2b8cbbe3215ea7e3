package io.doorstep.sim.faceterminal;

import io.vertx.core.json.JsonObject;

/** Publishes on {@code ft/{SN}/up/{kind}}; false when the message could not even be handed over. */
@FunctionalInterface
interface Uplink {

  boolean publish(String kind, JsonObject body, int qos, boolean retained);
}
