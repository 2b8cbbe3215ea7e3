package io.doorstep.device;

import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * A normalized event: whatever protocol a device speaks, what it reports ends up as one of these.
 *
 * <p>The id is stable: an event derived from a device message gets an id built from that
 * message's identity, so a repeated message yields the same id and the store keeps it once.
 * The payload is copied on the way in and must be treated as read-only by every consumer.
 *
 * @param id unique and stable id (see {@link EventIds})
 * @param ts when it happened, Unix ms (the device's time where the device tells it)
 * @param device the configured device id, or {@code "gateway"} for the gateway's own events
 * @param kind one of {@link EventKinds}
 * @param severity how urgent
 * @param payload kind-specific fields
 */
public record DeviceEvent(
    String id, long ts, String device, String kind, Severity severity, JsonObject payload) {

  public DeviceEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(severity, "severity");
    payload = payload == null ? new JsonObject() : payload.copy();
  }

  public static DeviceEvent of(String device, String kind, Severity severity, JsonObject payload) {
    return new DeviceEvent(EventIds.next(), System.currentTimeMillis(), device, kind, severity, payload);
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("ts", ts)
        .put("device", device)
        .put("kind", kind)
        .put("severity", severity.code())
        .put("payload", payload.copy());
  }
}
