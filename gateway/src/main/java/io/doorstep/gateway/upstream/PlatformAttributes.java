package io.doorstep.gateway.upstream;

import io.doorstep.gateway.config.EstateConfig;
import io.doorstep.gateway.config.GatewayConfig;
import io.doorstep.gateway.store.Store;
import io.doorstep.gateway.upstream.codec.AttributeUpdate;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shared attributes changed on the platform. The only ones the gateway takes are a charging
 * pile's limits, by their bare names ({@code overPowerW}), and only where the platform may
 * {@code setLimits} by RPC too: the allow-list is not to be bypassed through attributes. An update
 * is applied whole or not at all; either way the pile's effective limits go back as its client
 * attributes ({@code limits.overPowerW}, …), with {@value #LIMITS_ERROR} saying why a change was
 * refused (empty when it was applied). Anything else is answered with {@value #ERROR}. The audit
 * row is written before the report goes, as an RPC's before its reply. The platform's answers to
 * the gateway's own requests (when the link comes up) take the same way.
 */
final class PlatformAttributes {
  static final String LIMITS_ERROR = "limitsError";
  static final String ERROR = "attributesError";
  private static final Logger log = LoggerFactory.getLogger(PlatformAttributes.class);

  private final EventBus bus;
  private final Store store;
  private final EstateConfig estate;
  private final GatewayConfig.Rpc rpc;
  /** Publishes client attributes of one device: (device, attributes). */
  private final BiConsumer<String, JsonObject> report;
  private final OncePerMinute warnings = new OncePerMinute(log);

  PlatformAttributes(EventBus bus, Store store, EstateConfig estate, GatewayConfig.Rpc rpc,
      BiConsumer<String, JsonObject> report) {
    this.bus = bus;
    this.store = store;
    this.estate = estate;
    this.rpc = rpc;
    this.report = report;
  }

  /** A change the platform pushed. Completes once the outcome is audited and reported; never fails. */
  Future<Void> handle(AttributeUpdate u) {
    return take(u, false);
  }

  /**
   * The platform's answer to the gateway's own request, taken as a pushed change is, except that
   * values the pile already uses are left out: a reconnect that brings nothing new changes
   * nothing and leaves no audit row. The pile's limits go back as its client attributes either way.
   */
  Future<Void> answered(AttributeUpdate u) {
    return take(u, true);
  }

  private Future<Void> take(AttributeUpdate u, boolean onlyNew) {
    EstateConfig.Device device = estate.devicesById().get(u.device());
    if (device == null || !EstateConfig.CHARGING_PILE.equals(device.type())) {
      String why = device == null ? "no device " + u.device() + " on this gateway"
          : "the gateway takes no shared attributes of a " + device.type() + " (" + u.device() + ")";
      return refusedOutright(u, why);
    }
    if (!rpc.allows(RpcCheck.SET_LIMITS)) {
      return refused(u, "limits may not be changed from the platform on this gateway (upstream.rpc.allow lacks "
          + RpcCheck.SET_LIMITS + ")");
    }
    String problems = RpcCheck.limits(u.values()).orElse(null);
    if (problems != null) {
      return refused(u, problems);
    }
    if (!onlyNew) {
      return apply(u);
    }
    return LiveLimits.get(bus, u.device()).transform(limits -> {
      if (limits.failed()) {
        return refused(u, limits.cause().getMessage());
      }
      Map<String, Number> effective = limits.result().effective();
      Map<String, Object> changed = new LinkedHashMap<>();
      u.values().forEach((k, v) -> {
        if (effective.get(k) == null || effective.get(k).doubleValue() != ((Number) v).doubleValue()) {
          changed.put(k, v);
        }
      });
      if (changed.isEmpty()) {
        report.accept(u.device(), LiveLimits.attributes(effective).put(LIMITS_ERROR, ""));
        return Future.succeededFuture();
      }
      return apply(new AttributeUpdate(u.device(), changed));
    });
  }

  private Future<Void> apply(AttributeUpdate u) {
    Map<String, Number> changes = new LinkedHashMap<>();
    u.values().forEach((k, v) -> changes.put(k, (Number) v));
    return LiveLimits.set(bus, u.device(), changes).transform(done -> {
      if (done.failed()) {
        return refused(u, done.cause().getMessage());
      }
      return audit("attributes.limits", u.device(), LiveLimits.changed(done.result().before(), changes),
          LiveLimits.changed(done.result().effective(), changes))
          .onComplete(v -> report.accept(u.device(),
              LiveLimits.attributes(done.result().effective()).put(LIMITS_ERROR, "")));
    });
  }

  /** An update that names its device but cannot be read. */
  Future<Void> malformed(String device, String problem) {
    warnings.warn("malformed", "attribute update from the platform for " + device + " refused: " + problem,
        System.currentTimeMillis());
    return audit("attributes.refused", device, null, new JsonObject().put("error", problem))
        .onComplete(v -> report.accept(device, new JsonObject().put(ERROR, problem)));
  }

  /** Nothing is applied; the pile's limits as they stand go back with the reason. */
  private Future<Void> refused(AttributeUpdate u, String why) {
    warnings.warn("refused", "limits of " + u.device() + " from the platform refused: " + why,
        System.currentTimeMillis());
    return LiveLimits.get(bus, u.device()).transform(limits -> {
      JsonObject attributes = limits.succeeded() ? LiveLimits.attributes(limits.result().effective())
          : new JsonObject();
      return audit("attributes.refused", u.device(), null, after(u, why))
          .onComplete(v -> report.accept(u.device(), attributes.put(LIMITS_ERROR, why)));
    });
  }

  private Future<Void> refusedOutright(AttributeUpdate u, String why) {
    warnings.warn("device", "attribute update from the platform refused: " + why, System.currentTimeMillis());
    return audit("attributes.refused", u.device(), null, after(u, why))
        .onComplete(v -> report.accept(u.device(), new JsonObject().put(ERROR, why)));
  }

  private static JsonObject after(AttributeUpdate u, String why) {
    return new JsonObject().put("data", new JsonObject(new LinkedHashMap<>(u.values()))).put("error", why);
  }

  private Future<Void> audit(String action, String device, JsonObject before, JsonObject after) {
    return store.audit(PlatformCommands.ACTOR, action, device, before == null ? null : before.encode(), after.encode())
        .onFailure(e -> log.error("audit of attributes of {} not saved: {}", device, e.getMessage()))
        .otherwise(e -> null);
  }
}
