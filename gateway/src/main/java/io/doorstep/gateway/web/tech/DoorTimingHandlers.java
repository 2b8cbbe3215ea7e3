package io.doorstep.gateway.web.tech;

import io.doorstep.gateway.config.EstateConfig;
import io.doorstep.gateway.doors.DoorTiming;
import io.doorstep.gateway.doors.DoorTimingEditor;
import io.doorstep.gateway.doors.DoorTimings;
import io.doorstep.gateway.web.BadParameterException;
import io.doorstep.gateway.web.Replies;
import io.doorstep.gateway.web.auth.WebUser;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The door timings per door: built-in default, what the estate file sets (estate-wide or for
 * the door), and the value in force, which a technician may change for one door or every door.
 * A change is kept in the store, laid over the file at every start, and audited per door.
 */
final class DoorTimingHandlers {
  private final TechParts parts;

  DoorTimingHandlers(TechParts parts) {
    this.parts = parts;
  }

  void list(RoutingContext ctx) {
    EstateConfig estate = parts.config().estate();
    DoorTimingEditor editor = parts.doorTimings();
    DoorTimings inForce = editor.timings();
    JsonArray keys = new JsonArray();
    DoorTiming.KEYS.forEach(k -> keys.add(new JsonObject().put("name", k.name()).put("min", k.min())
        .put("max", k.max())));
    JsonArray doors = new JsonArray();
    for (EstateConfig.Door door : estate.doors()) {
      doors.add(new JsonObject().put("id", door.id()).put("name", door.name())
          .put("doorFile", json(door.timing()))
          .put("console", json(editor.console(door.id())))
          .put("effective", json(inForce.of(door.id()).asMap())));
    }
    Replies.json(ctx, 200, new JsonObject()
        .put("keys", keys)
        .put("defaults", json(DoorTiming.DEFAULTS.asMap()))
        .put("estateFile", json(estate.doorTiming()))
        .put("doors", doors));
  }

  /**
   * {@code {"scope": "door"|"estate", "target": door id, "changes": {name: ms or null}}}: null
   * gives the key back to the estate file. Every value is checked before any door changes.
   */
  void set(RoutingContext ctx) {
    JsonObject body = Replies.body(ctx);
    if (body == null) {
      return;
    }
    List<String> doors;
    Map<String, Integer> changes;
    try {
      doors = scope(parts.config().estate(), body);
      changes = changes(body);
    } catch (BadParameterException e) {
      Replies.field(ctx, 400, e.parameter(), e.getMessage());
      return;
    }
    parts.doorTimings().change(WebUser.of(ctx).name(), doors, changes).onComplete(done -> {
      if (done.failed()) {
        Replies.error(ctx, 500, "door timings not changed: " + done.cause().getMessage());
        return;
      }
      JsonArray applied = new JsonArray();
      done.result().forEach(c -> applied.add(new JsonObject().put("door", c.door())
          .put("before", json(c.before())).put("after", json(c.after()))));
      Replies.json(ctx, 200, new JsonObject().put("applied", applied));
    });
  }

  private static List<String> scope(EstateConfig estate, JsonObject body) {
    String scope = body.getValue("scope") instanceof String s ? s : null;
    String target = body.getValue("target") instanceof String s ? s : null;
    if ("estate".equals(scope)) {
      return estate.doors().stream().map(EstateConfig.Door::id).toList();
    }
    if ("door".equals(scope)) {
      return List.of(estate.door(target)
          .orElseThrow(() -> new BadParameterException("target", "no door '" + target + "'")).id());
    }
    throw new BadParameterException("scope", "scope must be door or estate, got '" + scope + "'");
  }

  private static Map<String, Integer> changes(JsonObject body) {
    if (!(body.getValue("changes") instanceof JsonObject given) || given.isEmpty()) {
      throw new BadParameterException("changes", "changes must name at least one door timing; known: "
          + String.join(", ", DoorTiming.keys()));
    }
    Map<String, Integer> changes = new HashMap<>();
    for (String name : given.fieldNames()) {
      if (!DoorTiming.keys().contains(name)) {
        throw new BadParameterException(name, DoorTiming.problem(name, 0));
      }
      Object v = given.getValue(name);
      if (v == null) {
        changes.put(name, null);
        continue;
      }
      Long ms = wholeNumber(v);
      if (ms == null) {
        throw new BadParameterException(name, name + " needs a whole number of milliseconds, got '" + v + "'");
      }
      String problem = DoorTiming.problem(name, ms);
      if (problem != null) {
        throw new BadParameterException(name, problem);
      }
      changes.put(name, ms.intValue());
    }
    return changes;
  }

  private static Long wholeNumber(Object v) {
    if (v instanceof Integer || v instanceof Long) {
      return ((Number) v).longValue();
    }
    if (v instanceof String s && s.strip().matches("[0-9]{1,9}")) {
      return Long.parseLong(s.strip());
    }
    return null;
  }

  private static JsonObject json(Map<String, Integer> values) {
    return new JsonObject(new LinkedHashMap<>(values));
  }
}
