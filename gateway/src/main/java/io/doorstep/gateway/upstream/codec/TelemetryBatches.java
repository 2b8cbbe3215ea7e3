package io.doorstep.gateway.upstream.codec;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Packs events into {@link Topics#TELEMETRY} bodies of many devices each,
 * {@code {"ft-g1-l1": [{"ts": …, "values": {…}}, …], "pile-s1-03": […]}}, each at most
 * {@link #MAX_BODY_BYTES} of UTF-8. Events are taken in the given order and a body is closed
 * when the next event does not fit, so each device's events keep their order across bodies,
 * and an event is never split. Sizes are counted as the encoder writes them, not estimated.
 */
public final class TelemetryBatches {
  /** The API's limit per message, as the platform's broker is set up. */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  private TelemetryBatches() {}

  /** One message: its bytes, and the events in it (to mark them done on PUBACK). */
  public record Body(byte[] json, List<TelemetryEvent> events) {
    public Body {
      events = List.copyOf(events);
    }
  }

  /** An event that cannot travel, and why: the caller records it rather than drops it in silence. */
  public record Refused(TelemetryEvent event, String reason) {}

  /** @param bodies in the order to publish them */
  public record Result(List<Body> bodies, List<Refused> refused) {
    public Result {
      bodies = List.copyOf(bodies);
      refused = List.copyOf(refused);
    }
  }

  public static Result batch(List<TelemetryEvent> events) {
    return batch(events, MAX_BODY_BYTES);
  }

  /** @param maxBytes the largest body, in UTF-8 bytes */
  public static Result batch(List<TelemetryEvent> events, int maxBytes) {
    List<Body> bodies = new ArrayList<>();
    List<Refused> refused = new ArrayList<>();
    Builder current = new Builder();
    for (TelemetryEvent event : events) {
      if (event.usesReservedKey()) {
        refused.add(new Refused(event, "its values use the reserved key '" + TelemetryEvent.EVENT_ID
            + "' or '" + TelemetryEvent.KIND + "'"));
        continue;
      }
      byte[] entry = utf8(event.entry().encode());
      int alone = Builder.EMPTY + current.growth(event.device(), entry.length, true);
      if (alone > maxBytes) {
        refused.add(new Refused(event, "alone it makes a body of " + alone + " bytes, over the limit of " + maxBytes));
        continue;
      }
      if (current.size + current.growth(event.device(), entry.length, false) > maxBytes) {
        bodies.add(current.build());
        current = new Builder();
      }
      current.add(event, entry.length);
    }
    if (!current.events.isEmpty()) {
      bodies.add(current.build());
    }
    return new Result(bodies, refused);
  }

  /** Reads a telemetry body back into events, in the body's order; for tests and simulators of the platform. */
  public static List<TelemetryEvent> decode(byte[] body) throws MalformedMessageException {
    String what = "telemetry";
    JsonObject o = Inbound.object(body, what);
    List<TelemetryEvent> events = new ArrayList<>();
    for (String device : o.fieldNames()) {
      if (!(o.getValue(device) instanceof JsonArray entries)) {
        throw new MalformedMessageException(what + ": '" + device + "' is not an array", device, null);
      }
      for (Object e : entries) {
        if (!(e instanceof JsonObject entry)) {
          throw new MalformedMessageException(what + ": an entry of '" + device + "' is not an object", device, null);
        }
        long ts = Inbound.integer(entry, "ts", what, device);
        JsonObject values = Inbound.object(entry, "values", what, device, null).copy();
        String eventId = Inbound.text(values, TelemetryEvent.EVENT_ID, what, device, null);
        String kind = Inbound.text(values, TelemetryEvent.KIND, what, device, null);
        values.remove(TelemetryEvent.EVENT_ID);
        values.remove(TelemetryEvent.KIND);
        events.add(new TelemetryEvent(device, ts, eventId, kind, values));
      }
    }
    return events;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** One body being filled; its size is that of {@code {"a":[e1,e2],"b":[e3]}} exactly. */
  private static final class Builder {
    static final int EMPTY = 2;
    final Map<String, List<TelemetryEvent>> byDevice = new LinkedHashMap<>();
    final List<TelemetryEvent> events = new ArrayList<>();
    int size = EMPTY;

    /** Bytes the body grows by with an entry of this size; {@code alone}: as if the body were empty. */
    int growth(String device, int entryBytes, boolean alone) {
      if (!alone && byDevice.containsKey(device)) {
        return 1 + entryBytes;
      }
      int comma = !alone && !byDevice.isEmpty() ? 1 : 0;
      return comma + utf8(Json.encode(device)).length + 1 + 2 + entryBytes;
    }

    void add(TelemetryEvent event, int entryBytes) {
      size += growth(event.device(), entryBytes, false);
      byDevice.computeIfAbsent(event.device(), d -> new ArrayList<>()).add(event);
      events.add(event);
    }

    Body build() {
      JsonObject body = new JsonObject();
      byDevice.forEach((device, list) -> {
        JsonArray entries = new JsonArray();
        list.forEach(e -> entries.add(e.entry()));
        body.put(device, entries);
      });
      byte[] json = body.toBuffer().getBytes();
      if (json.length != size) {
        throw new IllegalStateException("telemetry body is " + json.length + " bytes, counted " + size);
      }
      return new Body(json, events);
    }
  }
}
