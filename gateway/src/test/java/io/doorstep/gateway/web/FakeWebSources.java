package io.doorstep.gateway.web;

import io.doorstep.gateway.devices.DeviceStatus;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiFunction;

/** Answers from memory what the store and the device registry would answer. */
final class FakeWebSources implements WebSources {
  final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  final List<JsonObject> events = new CopyOnWriteArrayList<>();
  final List<DeviceStatus> devices = new CopyOnWriteArrayList<>();
  /** The last query the events route passed on, so a test can see the parameters arrive. */
  volatile int lastLimit;
  volatile Set<String> lastKinds;
  /** Replaces the in-memory answer, e.g. to fail like a broken store. */
  volatile BiFunction<Integer, Set<String>, Future<List<JsonObject>>> recent;
  /** Counted down when the events are first asked for: the board does so once its stream is open. */
  final CountDownLatch eventsAsked = new CountDownLatch(1);

  @Override
  public Future<List<JsonObject>> recentEvents(int limit, Set<String> kinds) {
    lastLimit = limit;
    lastKinds = kinds;
    eventsAsked.countDown();
    if (recent != null) {
      return recent.apply(limit, kinds);
    }
    List<JsonObject> found = new ArrayList<>();
    for (JsonObject event : events) {
      if (found.size() < limit && (kinds.isEmpty() || kinds.contains(event.getString("kind")))) {
        found.add(event);
      }
    }
    return Future.succeededFuture(found);
  }

  @Override
  public List<DeviceStatus> devices() {
    return List.copyOf(devices);
  }

  @Override
  public JsonObject health() {
    long online = devices.stream().filter(DeviceStatus::online).count();
    return new JsonObject()
        .put("status", "ok")
        .put("store", new JsonObject().put("ok", true).put("queued", 0))
        .put("broker", new JsonObject().put("connected", true))
        .put("devices", new JsonObject().put("total", devices.size()).put("online", online));
  }

  @Override
  public String metrics() {
    return registry.scrape();
  }

  @Override
  public JsonObject estate() {
    return new JsonObject().put("id", "xihu-haoyuan").put("name", "西湖豪苑");
  }
}
