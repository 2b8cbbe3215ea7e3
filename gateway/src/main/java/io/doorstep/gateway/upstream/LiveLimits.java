package io.doorstep.gateway.upstream;

import io.doorstep.gateway.charging.ChargingBus;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/** A pile's limits as the platform changes and sees them, over the charging rules' bus. */
final class LiveLimits {
  /** The prefix of a pile's limits among its client attributes: {@code limits.overPowerW}. */
  static final String ATTRIBUTE_PREFIX = "limits.";

  private LiveLimits() {}

  /** All of the changes or none; fails with the charging rules' own sentence. */
  static Future<ChargingBus.PileLimits> set(EventBus bus, String pile, Map<String, Number> changes) {
    return bus.<ChargingBus.PileLimits>request(ChargingBus.LIMITS, new ChargingBus.SetLimits(pile, changes))
        .map(Message::body);
  }

  /** The pile's effective limits, unchanged. */
  static Future<ChargingBus.PileLimits> get(EventBus bus, String pile) {
    return set(bus, pile, Map.of());
  }

  static JsonObject json(Map<String, Number> limits) {
    return new JsonObject(new LinkedHashMap<>(limits));
  }

  /** Of these limits, the ones a change named: the before and after of an audit row. */
  static JsonObject changed(Map<String, Number> limits, Map<String, Number> change) {
    JsonObject some = new JsonObject();
    change.keySet().forEach(k -> some.put(k, limits.get(k)));
    return some;
  }

  /** As client attributes of the pile: {@code {"limits.overPowerW": 800, …}}. */
  static JsonObject attributes(Map<String, Number> limits) {
    JsonObject attributes = new JsonObject();
    limits.forEach((k, v) -> attributes.put(ATTRIBUTE_PREFIX + k, v));
    return attributes;
  }
}
