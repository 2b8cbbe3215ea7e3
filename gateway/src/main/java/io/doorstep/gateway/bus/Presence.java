package io.doorstep.gateway.bus;

import io.vertx.core.json.JsonObject;

/**
 * Message on {@link Addresses#DEVICE_PRESENCE}.
 *
 * @param state what the device said: it came online, it left (its last will), or it is alive
 */
public record Presence(String device, State state, JsonObject facts, long ts) {
  public enum State {
    ONLINE,
    OFFLINE,
    ALIVE
  }

  public Presence {
    facts = facts == null ? new JsonObject() : facts.copy();
  }
}
