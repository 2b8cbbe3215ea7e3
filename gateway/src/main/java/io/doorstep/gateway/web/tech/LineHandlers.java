package io.doorstep.gateway.web.tech;

import io.doorstep.gateway.config.DeviceEdits;
import io.doorstep.gateway.devices.DeviceEditor;
import io.doorstep.gateway.web.Replies;
import io.doorstep.gateway.web.auth.WebUser;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adding, changing and removing an RS-485 line. The form's fields are the estate file's keys of a
 * line, and every check is the estate file's own ({@link DeviceEdits}): a bad baud, a port
 * another line has, a line still named by its piles are refused as the file would refuse them.
 */
final class LineHandlers {
  /** The keys of a line in the estate file; an empty one is left out (the file's default applies). */
  static final List<String> FORM = List.of("id", "port", "baud", "parity", "stopBits", "cycleMs");
  /** The form's keys that are numbers in the estate file; the form sends them as text. */
  static final List<String> NUMBERS = List.of("baud", "stopBits", "cycleMs");
  private static final FormEntry FORM_ENTRY = new FormEntry(FORM, NUMBERS, true);

  private final DeviceEditor editor;
  private final SerialHandlers serial;

  LineHandlers(TechParts parts, SerialHandlers serial) {
    this.editor = parts.devices();
    this.serial = serial;
  }

  void add(RoutingContext ctx) {
    JsonObject body = Replies.body(ctx);
    if (body == null) {
      return;
    }
    Map<String, Object> entry = FORM_ENTRY.over(body, new LinkedHashMap<>());
    Object id = entry.get("id");
    if (id == null) {
      Replies.field(ctx, 400, "id", "id is required: the line's id, e.g. shed4-bus");
      return;
    }
    DeviceHandlers.reply(ctx, editor.saveLine(WebUser.of(ctx).name(), id.toString(), entry, true), 201, "line");
  }

  void change(RoutingContext ctx) {
    JsonObject body = Replies.body(ctx);
    if (body == null) {
      return;
    }
    String id = ctx.pathParam("line");
    String who = WebUser.of(ctx).name();
    if (body.getValue("id") != null && !id.equals(body.getValue("id").toString().trim())) {
      Replies.field(ctx, 400, "id", "a line's id cannot change: its piles name it; add a line under the new id,"
          + " move the piles, then remove this one");
      return;
    }
    DeviceHandlers.reply(ctx, editor.lineEntry(id).compose(current -> {
      if (current == null) {
        return Future.failedFuture(new DeviceEdits.Refused(
            List.of(new DeviceEdits.FieldProblem("id", "no line " + id + " is configured"))));
      }
      stopScan(id, who, "changed");
      return editor.saveLine(who, id, FORM_ENTRY.over(body.copy().put("id", id), new LinkedHashMap<>(current)), false);
    }), 200, "line");
  }

  void remove(RoutingContext ctx) {
    String id = ctx.pathParam("line");
    String who = WebUser.of(ctx).name();
    if (editor.estate().line(id).isPresent()) {
      stopScan(id, who, "removed");
    }
    DeviceHandlers.reply(ctx, editor.saveLine(who, id, null, false), 200, "line");
  }

  /**
   * A scan is stopped before the line closes under it: its reads would fail as on a lost line,
   * which sends the technician looking for a fault that is not there.
   */
  private void stopScan(String id, String who, String how) {
    serial.stopScan(id, "the scan was stopped: line " + id + " is being " + how + " on the console by " + who);
  }
}
