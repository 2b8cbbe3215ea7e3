package io.doorstep.gateway.web.tech;

import io.doorstep.gateway.web.BadParameterException;
import io.doorstep.gateway.web.Replies;
import io.doorstep.gateway.charging.ChargingBus;
import io.doorstep.gateway.charging.SafetyLimits;
import io.doorstep.gateway.config.EstateConfig;
import io.doorstep.gateway.fire.FireTiming;
import io.doorstep.gateway.web.auth.WebUser;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The charging limits per pile: built-in default, what the estate file sets for the estate,
 * the shed and the pile, and the value in force, which a technician may change live. A change
 * goes the way the platform's setLimits goes (the charging rules' bus, all or nothing per
 * pile) and is audited per pile. It is kept as the platform's are, so it holds across a
 * restart; the files are not rewritten. The fire release's retry times are shown beside, fixed in this version; door
 * timings are {@link DoorTimingHandlers}'.
 */
final class LimitHandlers {
  private final TechParts parts;

  LimitHandlers(TechParts parts) {
    this.parts = parts;
  }

  void list(RoutingContext ctx) {
    EstateConfig estate = parts.devices().estate();
    EventBus bus = ctx.vertx().eventBus();
    List<EstateConfig.Device> piles = piles(estate);
    List<Future<ChargingBus.PileLimits>> live = piles.stream().map(p -> get(bus, p.id())).toList();
    Future.join(new ArrayList<>(live)).onComplete(done -> {
      JsonArray rows = new JsonArray();
      for (int i = 0; i < piles.size(); i++) {
        EstateConfig.Device p = piles.get(i);
        Future<ChargingBus.PileLimits> l = live.get(i);
        String shed = p.charging().shed();
        rows.add(new JsonObject().put("pile", p.id()).put("shed", shed)
            .put("shedName", estate.charging().shed(shed).map(EstateConfig.Shed::name).orElse(shed))
            .put("shedFile", json(estate.charging().shed(shed).map(EstateConfig.Shed::limits).orElse(Map.of())))
            .put("pileFile", json(p.charging().limits()))
            .put("effective", l.succeeded() ? json(l.result().effective()) : null)
            .put("error", l.failed() ? l.cause().getMessage() : null));
      }
      Replies.json(ctx, 200, new JsonObject()
          .put("keys", new JsonArray(SafetyLimits.keys()))
          .put("defaults", json(SafetyLimits.DEFAULTS.asMap()))
          .put("estateFile", json(estate.charging().limits()))
          .put("piles", rows)
          .put("doors", doors()));
    });
  }

  /**
   * {@code {"scope": "pile"|"shed"|"estate", "target": id, "changes": {name: number}}}: every
   * pile in scope is checked first, and nothing is applied unless all of them accept the change.
   */
  void set(RoutingContext ctx) {
    JsonObject body = Replies.body(ctx);
    if (body == null) {
      return;
    }
    EstateConfig estate = parts.devices().estate();
    List<EstateConfig.Device> piles;
    Map<String, Number> changes;
    try {
      piles = scope(estate, body);
      changes = changes(body);
    } catch (BadParameterException e) {
      Replies.field(ctx, 400, e.parameter(), e.getMessage());
      return;
    }
    EventBus bus = ctx.vertx().eventBus();
    String who = WebUser.of(ctx).name();
    List<Future<ChargingBus.PileLimits>> now = piles.stream().map(p -> get(bus, p.id())).toList();
    Future.all(new ArrayList<>(now)).onComplete(read -> {
      if (read.failed()) {
        Replies.error(ctx, 503, "the charging rules did not answer: " + read.cause().getMessage());
        return;
      }
      // Checked against each pile's limits in force, by the rules' own checks, before any is changed.
      for (Future<ChargingBus.PileLimits> l : now) {
        try {
          SafetyLimits.DEFAULTS.withOverrides(l.result().effective()).withOverrides(changes);
        } catch (IllegalArgumentException e) {
          Replies.field(ctx, 400, new BadParameterException(firstNamed(e.getMessage(), changes),
              l.result().pile() + ": " + e.getMessage()).parameter(), new BadParameterException(firstNamed(e.getMessage(), changes),
              l.result().pile() + ": " + e.getMessage()).getMessage());
          return;
        }
      }
      Future<Void> chain = Future.succeededFuture();
      JsonArray applied = new JsonArray();
      for (EstateConfig.Device p : piles) {
        chain = chain.compose(v -> bus.<ChargingBus.PileLimits>request(ChargingBus.LIMITS,
                new ChargingBus.SetLimits(p.id(), changes)).map(Message::body))
            .compose(l -> parts.store().audit(who, "tech.limits.set", p.id(),
                    some(l.before(), changes).encode(), some(l.effective(), changes).encode())
                .map(v -> {
                  applied.add(new JsonObject().put("pile", l.pile()).put("effective", json(l.effective())));
                  return null;
                }));
      }
      chain.onComplete(done -> {
        if (done.failed()) {
          Replies.json(ctx, 500, new JsonObject().put("error", done.cause().getMessage()).put("applied", applied));
        } else {
          Replies.json(ctx, 200, new JsonObject().put("applied", applied));
        }
      });
    });
  }

  private static List<EstateConfig.Device> scope(EstateConfig estate, JsonObject body) {
    String scope = body.getValue("scope") instanceof String s ? s : null;
    String target = body.getValue("target") instanceof String s ? s : null;
    List<EstateConfig.Device> all = piles(estate);
    if ("estate".equals(scope)) {
      return all;
    }
    if ("shed".equals(scope)) {
      List<EstateConfig.Device> inShed = all.stream().filter(p -> p.charging().shed().equals(target)).toList();
      if (inShed.isEmpty()) {
        throw new BadParameterException("target", "no shed '" + target + "' with piles");
      }
      return inShed;
    }
    if ("pile".equals(scope)) {
      return List.of(all.stream().filter(p -> p.id().equals(target)).findFirst()
          .orElseThrow(() -> new BadParameterException("target", "no charging pile '" + target + "'")));
    }
    throw new BadParameterException("scope", "scope must be pile, shed or estate, got '" + scope + "'");
  }

  private static Map<String, Number> changes(JsonObject body) {
    if (!(body.getValue("changes") instanceof JsonObject given) || given.isEmpty()) {
      throw new BadParameterException("changes", "changes must name at least one limit; known: "
          + String.join(", ", SafetyLimits.keys()));
    }
    Map<String, Number> changes = new LinkedHashMap<>();
    for (String name : given.fieldNames()) {
      Object v = given.getValue(name);
      Number n = v instanceof Number number ? number : parse(v);
      if (n == null) {
        throw new BadParameterException(name, name + " needs a number, got '" + v + "'");
      }
      changes.put(name, n);
    }
    List<String> problems = SafetyLimits.problems(changes);
    if (!problems.isEmpty()) {
      throw new BadParameterException(firstNamed(problems.get(0), changes), String.join("; ", problems));
    }
    return changes;
  }

  private static Number parse(Object v) {
    if (v instanceof String s) {
      try {
        return Double.parseDouble(s.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** The field a rules' sentence is about: the first changed limit it names. */
  private static String firstNamed(String message, Map<String, Number> changes) {
    String best = "changes";
    int at = Integer.MAX_VALUE;
    for (String name : changes.keySet()) {
      int i = message.indexOf(name);
      if (i >= 0 && i < at) {
        at = i;
        best = name;
      }
    }
    return best;
  }

  private static Future<ChargingBus.PileLimits> get(EventBus bus, String pile) {
    return bus.<ChargingBus.PileLimits>request(ChargingBus.LIMITS, new ChargingBus.SetLimits(pile, Map.of()))
        .map(Message::body);
  }

  private static List<EstateConfig.Device> piles(EstateConfig estate) {
    return estate.devicesOfType(EstateConfig.CHARGING_PILE).stream().filter(d -> d.charging() != null).toList();
  }

  private static JsonObject json(Map<String, ? extends Number> limits) {
    return new JsonObject(new LinkedHashMap<>(limits));
  }

  private static JsonObject some(Map<String, Number> limits, Map<String, Number> change) {
    JsonObject some = new JsonObject();
    change.keySet().forEach(k -> some.put(k, limits.get(k)));
    return some;
  }

  /** Fixed in this version: shown so a technician knows them, not changeable. */
  private static JsonObject doors() {
    FireTiming fire = FireTiming.DEFAULT;
    return new JsonObject()
        .put("fireRetryMinMs", fire.retryMinMs())
        .put("fireRetryMaxMs", fire.retryMaxMs())
        .put("fireOfflineRetryMs", fire.offlineRetryMs())
        .put("fireReassertMs", fire.reassertMs())
        .put("editable", false);
  }
}
