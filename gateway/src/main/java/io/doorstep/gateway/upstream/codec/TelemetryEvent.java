package io.doorstep.gateway.upstream.codec;

import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * One event bound upstream as telemetry of the device it concerns. Upstream, a device is named
 * by its id in the estate file ({@code devices[].id}, e.g. {@code ft-g1-l1}): stable, unique in
 * the estate and already the name in the gateway's log; the human name travels as an attribute.
 * The event id and kind go into the values, so the platform can tell a repeat from a new event.
 *
 * @param ts milliseconds since the epoch, when the event happened
 * @param values the event's own values; must not use the keys {@code eventId} or {@code kind}
 */
public record TelemetryEvent(String device, long ts, String eventId, String kind, JsonObject values) {
  public static final String EVENT_ID = "eventId";
  public static final String KIND = "kind";

  public TelemetryEvent {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(kind, "kind");
    values = values == null ? new JsonObject() : values.copy();
  }

  /** {@code {"ts": …, "values": {…, "eventId": …, "kind": …}}}: one entry of the device's array. */
  JsonObject entry() {
    return new JsonObject().put("ts", ts).put("values", values.copy().put(EVENT_ID, eventId).put(KIND, kind));
  }

  boolean usesReservedKey() {
    return values.containsKey(EVENT_ID) || values.containsKey(KIND);
  }
}
