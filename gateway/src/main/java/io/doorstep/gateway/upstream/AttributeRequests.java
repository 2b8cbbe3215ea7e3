package io.doorstep.gateway.upstream;

import io.doorstep.gateway.upstream.codec.AttributeUpdate;
import io.doorstep.gateway.upstream.codec.AttributesRequest;
import io.doorstep.gateway.upstream.codec.AttributesResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gateway asking the platform for the shared attributes it takes, and the answers matched to
 * what was asked. ThingsBoard answers {@code "value"} without its key whenever it holds just one
 * of the keys asked for, so a single value to a request of several keys cannot be placed: those
 * keys are asked again one by one. Not thread-safe: one event loop.
 */
final class AttributeRequests {
  private final Map<Long, AttributesRequest> pending = new HashMap<>();
  private long lastId;

  /** What an answer asks of the gateway. */
  sealed interface Answer {
    /** Take these values as if the platform had pushed them. */
    record Apply(AttributeUpdate update) implements Answer {}

    /** The platform holds none of the keys: nothing changes. */
    record Nothing(String device) implements Answer {}

    /** The answer cannot be placed: ask these instead. */
    record AskAgain(List<AttributesRequest> requests) implements Answer {}

    /** Not an answer to anything asked: counted and logged, nothing applied. */
    record Unexpected(String why) implements Answer {}
  }

  /**
   * A fresh round of requests, one per device for these keys (shared attributes). What was
   * asked before and not answered is forgotten: its answer would be no newer than this round's.
   */
  List<AttributesRequest> ask(List<String> devices, List<String> keys) {
    pending.clear();
    List<AttributesRequest> requests = new ArrayList<>();
    devices.forEach(d -> requests.add(request(d, keys)));
    return requests;
  }

  /** Requests asked and not answered yet. */
  int pending() {
    return pending.size();
  }

  Answer answer(AttributesResponse r) {
    AttributesRequest asked = pending.get(r.id());
    if (asked == null) {
      return new Answer.Unexpected("attributes response " + r.id() + " for " + r.device()
          + " answers no request of this gateway");
    }
    if (!asked.device().equals(r.device())) {
      return new Answer.Unexpected("attributes response " + r.id() + " is for " + r.device()
          + ", but request " + r.id() + " asked about " + asked.device());
    }
    pending.remove(r.id());
    if (r.single()) {
      if (asked.keys().size() == 1) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(asked.keys().get(0), r.value());
        return new Answer.Apply(new AttributeUpdate(r.device(), values));
      }
      List<AttributesRequest> again = new ArrayList<>();
      asked.keys().forEach(k -> again.add(request(r.device(), List.of(k))));
      return new Answer.AskAgain(again);
    }
    if (r.values().isEmpty()) {
      return new Answer.Nothing(r.device());
    }
    return new Answer.Apply(new AttributeUpdate(r.device(), r.values()));
  }

  private AttributesRequest request(String device, List<String> keys) {
    AttributesRequest request = new AttributesRequest(++lastId, device, false, keys);
    pending.put(request.id(), request);
    return request;
  }
}
