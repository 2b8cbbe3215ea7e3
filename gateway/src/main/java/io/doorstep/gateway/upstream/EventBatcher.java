package io.doorstep.gateway.upstream;

import io.doorstep.gateway.store.StoredEvent;
import io.doorstep.gateway.upstream.codec.TelemetryBatches;
import io.doorstep.gateway.upstream.codec.TelemetryEvent;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Events from the log as the platform's telemetry: each event is one entry of its device, with
 * its own id and time, so the platform can tell a repeat from a new event; the payload's fields
 * are its values, beside its severity.
 */
final class EventBatcher implements OutboxDrain.Batcher {
  private final Consumer<List<TelemetryBatches.Refused>> refused;

  /** @param refused events that cannot travel at all (too large alone): the caller records and removes them */
  EventBatcher(Consumer<List<TelemetryBatches.Refused>> refused) {
    this.refused = refused;
  }

  @Override
  public List<OutboxDrain.Batch> batch(List<StoredEvent> events) {
    Map<String, Long> seqOf = new HashMap<>();
    List<TelemetryEvent> telemetry = new ArrayList<>(events.size());
    for (StoredEvent stored : events) {
      seqOf.put(stored.event().id(), stored.seq());
      telemetry.add(telemetry(stored));
    }
    TelemetryBatches.Result result = TelemetryBatches.batch(telemetry);
    if (!result.refused().isEmpty()) {
      refused.accept(result.refused());
    }
    List<OutboxDrain.Batch> batches = new ArrayList<>(result.bodies().size());
    for (TelemetryBatches.Body body : result.bodies()) {
      batches.add(new OutboxDrain.Batch(body.json(), body.events().stream().map(e -> seqOf.get(e.eventId())).toList()));
    }
    return batches;
  }

  static TelemetryEvent telemetry(StoredEvent stored) {
    var e = stored.event();
    JsonObject values = e.payload().copy();
    // The entry's own id and kind take these names; a payload field of the same name keeps its value under another.
    for (String reserved : List.of(TelemetryEvent.EVENT_ID, TelemetryEvent.KIND)) {
      if (values.containsKey(reserved)) {
        values.put("payload." + reserved, values.remove(reserved));
      }
    }
    return new TelemetryEvent(e.device(), e.ts(), e.id(), e.kind(), values.put("severity", e.severity().code()));
  }
}
