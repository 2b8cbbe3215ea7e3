package io.doorstep.gateway.web.tech;

import io.doorstep.gateway.config.DeviceEdits;
import io.doorstep.gateway.devices.DeviceEditor;
import io.doorstep.gateway.web.Replies;
import io.doorstep.gateway.web.auth.WebUser;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adding, changing, moving and removing a device. The form's fields are the estate file's keys
 * of a device; whatever the form does not show (a GPIO device's pins, a pile's limits) is kept as
 * the file has it. Every check is the estate file's own ({@link DeviceEdits}).
 */
final class DeviceHandlers {
  private static final Logger log = LoggerFactory.getLogger(DeviceHandlers.class);
  /** The keys the form edits; an empty one is left out of the entry. */
  static final List<String> FORM = List.of("id", "type", "sn", "lane", "link", "door", "address", "profile", "shed",
      "breaker", "channel");
  /** The form's keys that are numbers in the estate file; the form sends them as text. */
  static final List<String> NUMBERS = List.of("address", "channel");
  private static final FormEntry FORM_ENTRY = new FormEntry(FORM, NUMBERS, false);

  private final DeviceEditor editor;

  DeviceHandlers(TechParts parts) {
    this.editor = parts.devices();
  }

  void entry(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    editor.entry(id).onComplete(r -> {
      if (r.failed()) {
        Replies.error(ctx, 500, r.cause().getMessage());
      } else if (r.result() == null) {
        Replies.field(ctx, 404, "id", "no device " + id + " is configured");
      } else {
        Replies.json(ctx, 200, new JsonObject().put("entry", new JsonObject(r.result())));
      }
    });
  }

  void add(RoutingContext ctx) {
    JsonObject body = Replies.body(ctx);
    if (body == null) {
      return;
    }
    Map<String, Object> entry = FORM_ENTRY.over(body, new LinkedHashMap<>());
    Object id = entry.get("id");
    if (id == null) {
      Replies.field(ctx, 400, "id", "id is required: the device's id, e.g. ft-g1-l3");
      return;
    }
    reply(ctx, editor.save(WebUser.of(ctx).name(), id.toString(), entry, true), 201);
  }

  void change(RoutingContext ctx) {
    JsonObject body = Replies.body(ctx);
    if (body == null) {
      return;
    }
    String id = ctx.pathParam("id");
    String who = WebUser.of(ctx).name();
    if (body.getValue("id") != null && !id.equals(body.getValue("id").toString().trim())) {
      Replies.field(ctx, 400, "id", "a device's id cannot change; remove it and add it under the new id");
      return;
    }
    reply(ctx, editor.entry(id).compose(current -> {
      if (current == null) {
        return Future.failedFuture(new DeviceEdits.Refused(
            List.of(new DeviceEdits.FieldProblem("id", "no device " + id + " is configured"))));
      }
      Map<String, Object> entry = FORM_ENTRY.over(body.copy().put("id", id), new LinkedHashMap<>(current));
      return editor.save(who, id, entry, false);
    }), 200);
  }

  void remove(RoutingContext ctx) {
    reply(ctx, editor.save(WebUser.of(ctx).name(), ctx.pathParam("id"), null, false), 200);
  }

  /**
   * The form shows a GPIO device's pins as its board channel's; a pin that clashes is mended by
   * choosing another channel there (pins that differ from the board's are the estate file's).
   */
  private static String formField(String field) {
    return "pins".equals(field) ? "channel" : field;
  }

  private static void reply(RoutingContext ctx, Future<DeviceEditor.Outcome> saved, int status) {
    reply(ctx, saved, status, "device");
  }

  /**
   * The outcome of an edit: the entry as saved under {@code key}, or the refusal with the form
   * field of its first problem and every problem.
   */
  static void reply(RoutingContext ctx, Future<DeviceEditor.Outcome> saved, int status, String key) {
    saved.onComplete(r -> {
      if (r.succeeded()) {
        DeviceEditor.Outcome o = r.result();
        Replies.json(ctx, status, new JsonObject().put("action", o.action())
            .put(key, o.after() == null ? null : new JsonObject(o.after())));
      } else if (r.cause() instanceof DeviceEdits.Refused refused) {
        JsonArray problems = new JsonArray();
        refused.problems().forEach(p -> problems.add(new JsonObject().put("field", formField(p.field()))
            .put("message", p.message())));
        DeviceEdits.FieldProblem first = refused.problems().stream().filter(p -> p.field() != null).findFirst()
            .orElse(refused.problems().get(0));
        Replies.json(ctx, 400, new JsonObject().put("error", first.message()).put("field", formField(first.field()))
            .put("problems", problems));
      } else {
        log.warn("{} change failed: {}", key, r.cause().toString());
        Replies.error(ctx, 500, "not saved: " + r.cause().getMessage());
      }
    });
  }
}
