package io.doorstep.gateway.devices;

import io.vertx.core.json.JsonObject;

/**
 * What the gateway knows of one device's presence right now.
 *
 * @param id configured device id
 * @param type device type (face-terminal, …)
 * @param door the door it serves, or null
 * @param online whether it is online now
 * @param lastSeenMs Unix ms of the last sign of life, 0 if never seen
 * @param changedMs Unix ms of the last change of {@code online}, 0 if never changed
 * @param facts what the device last told of itself (model, firmware, address, …)
 */
public record DeviceStatus(
    String id, String type, String door, boolean online, long lastSeenMs, long changedMs, JsonObject facts) {

  public DeviceStatus {
    facts = facts == null ? new JsonObject() : facts.copy();
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("type", type)
        .put("door", door)
        .put("online", online)
        .put("lastSeenMs", lastSeenMs)
        .put("changedMs", changedMs)
        .put("facts", facts.copy());
  }
}
