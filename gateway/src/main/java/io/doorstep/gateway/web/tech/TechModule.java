package io.doorstep.gateway.web.tech;

import io.doorstep.gateway.web.BadParameterException;
import io.doorstep.gateway.web.Replies;
import io.doorstep.gateway.config.EstateConfig;
import io.doorstep.gateway.config.GpioPins;
import io.doorstep.gateway.devices.DeviceEditor;
import io.doorstep.gateway.devices.DeviceStatus;
import io.doorstep.gateway.web.WebModule;
import io.doorstep.gateway.config.ConfigImport;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Comparator;
import java.util.Map;

/**
 * The technician console's API under {@code /api/tech/}: devices, RS-485 lines (their settings,
 * scan, raw registers, a confirmed write), charging limits, door timings, plots and support downloads. The pages are
 * the static files under {@code /tech/}. Every change is audited with the technician's name.
 */
public final class TechModule implements WebModule {
  /** Bodies here are a few fields, but for the configuration import's zip. */
  static final long BODY_LIMIT = 64 * 1024;
  static final String CONFIG = "/api/tech/support/config";

  private final TechParts parts;
  private final SerialHandlers serial;
  private final LimitHandlers limits;
  private final SupportHandlers support;
  private final DeviceHandlers deviceEdits;
  private final LineHandlers lineEdits;
  private final DoorTimingHandlers doorTimings;

  public TechModule(TechParts parts) {
    this.parts = parts;
    this.serial = new SerialHandlers(parts);
    this.limits = new LimitHandlers(parts);
    this.support = new SupportHandlers(parts);
    this.deviceEdits = new DeviceHandlers(parts);
    this.lineEdits = new LineHandlers(parts, serial);
    this.doorTimings = new DoorTimingHandlers(parts);
  }

  @Override
  public void mount(Router router) {
    BodyHandler fields = BodyHandler.create(false).setBodyLimit(BODY_LIMIT);
    BodyHandler upload = BodyHandler.create(false).setBodyLimit(ConfigImport.MAX_ZIP_BYTES).setHandleFileUploads(false);
    router.route("/api/tech/*").handler(ctx -> (isImport(ctx) ? upload : fields).handle(ctx))
        .failureHandler(ctx -> {
          if (ctx.statusCode() == 413 && isImport(ctx)) {
            SupportHandlers.tooLarge(ctx);
          } else {
            ctx.next();
          }
        });
    router.get("/api/tech/devices").handler(this::devices);
    router.post("/api/tech/devices").handler(deviceEdits::add);
    router.get("/api/tech/devices/:id").handler(deviceEdits::entry);
    router.put("/api/tech/devices/:id").handler(deviceEdits::change);
    router.delete("/api/tech/devices/:id").handler(deviceEdits::remove);
    router.get("/api/tech/serial").handler(serial::overview);
    router.post("/api/tech/lines").handler(lineEdits::add);
    router.put("/api/tech/lines/:line").handler(lineEdits::change);
    router.delete("/api/tech/lines/:line").handler(lineEdits::remove);
    router.post("/api/tech/lines/:line/scan").handler(serial::startScan);
    router.get("/api/tech/lines/:line/scan").handler(serial::scan);
    router.delete("/api/tech/lines/:line/scan").handler(serial::cancelScan);
    router.get("/api/tech/lines/:line/registers").handler(serial::read);
    router.post("/api/tech/lines/:line/registers").handler(serial::write);
    router.get("/api/tech/limits").handler(limits::list);
    router.put("/api/tech/limits").handler(limits::set);
    router.get("/api/tech/doors/timings").handler(doorTimings::list);
    router.put("/api/tech/doors/timings").handler(doorTimings::set);
    router.get("/api/tech/trends/lines/:line").handler(this::lineTrend);
    router.get("/api/tech/trends/backlog").handler(ctx -> Replies.json(ctx, 200, parts.trends().backlog()));
    router.get("/api/tech/trends/ports/:pile/:port").handler(this::portTrend);
    router.get("/api/tech/support/log").handler(support::log);
    router.get(CONFIG).handler(support::config);
    router.put(CONFIG).handler(support::importConfig);
    router.post("/api/tech/support/restart").handler(support::restart);
  }

  private static boolean isImport(RoutingContext ctx) {
    return ctx.request().method() == HttpMethod.PUT && CONFIG.equals(ctx.normalizedPath());
  }

  /** Every configured device with its link and presence; offline first, as on the board. */
  private void devices(RoutingContext ctx) {
    Map<String, EstateConfig.Device> configured = parts.devices().estate().devicesById();
    JsonArray devices = new JsonArray();
    JsonArray doors = new JsonArray();
    parts.devices().estate().doors().forEach(d -> doors.add(new JsonObject().put("id", d.id()).put("name", d.name())));
    parts.registry().snapshot().stream()
        .sorted(Comparator.comparing(DeviceStatus::online).thenComparing(DeviceStatus::id))
        .forEach(s -> {
          EstateConfig.Device d = configured.get(s.id());
          JsonObject row = s.toJson();
          if (d != null) {
            row.put("link", d.link()).put("sn", d.sn())
                .put("editable", DeviceEditor.LIVE_TYPES.contains(d.type()));
            if (d.modbus() != null) {
              row.put("unit", d.modbus().address()).put("profile", d.modbus().profile());
            }
          }
          devices.add(row);
        });
    Replies.json(ctx, 200, new JsonObject().put("devices", devices).put("doors", doors)
        .put("editableTypes", new JsonArray(DeviceEditor.LIVE_TYPES))
        .put("gpioChannels", gpioChannels()));
  }

  /** The booth board's channels by GPIO type, each with its factory pins: what the form's channel offers. */
  private static JsonObject gpioChannels() {
    JsonObject channels = new JsonObject();
    GpioPins.channels().forEach((type, rows) -> {
      JsonArray pins = new JsonArray();
      rows.forEach(row -> pins.add(new JsonObject(new java.util.LinkedHashMap<>(row))));
      channels.put(type, pins);
    });
    return channels;
  }

  private void lineTrend(RoutingContext ctx) {
    String line = ctx.pathParam("line");
    if (parts.devices().estate().line(line).isEmpty()) {
      Replies.json(ctx, 404, new JsonObject().put("error", "no RS-485 line '" + line + "' is configured")
          .put("field", "line"));
      return;
    }
    Replies.json(ctx, 200, parts.trends().line(line));
  }

  private void portTrend(RoutingContext ctx) {
    String pile = ctx.pathParam("pile");
    EstateConfig.Device d = parts.devices().estate().devicesById().get(pile);
    if (d == null || !EstateConfig.CHARGING_PILE.equals(d.type())) {
      Replies.json(ctx, 404, new JsonObject().put("error", "no charging pile '" + pile + "'").put("field", "pile"));
      return;
    }
    int port;
    try {
      port = Integer.parseInt(ctx.pathParam("port"));
      if (port < 1 || port > 10) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      Replies.field(ctx, 400, new BadParameterException("port", "port must be 1-10, got '" + ctx.pathParam("port") + "'").parameter(), new BadParameterException("port", "port must be 1-10, got '" + ctx.pathParam("port") + "'").getMessage());
      return;
    }
    JsonObject trace = parts.trends().port(pile, port);
    Replies.json(ctx, 200, trace != null ? trace : new JsonObject().put("pile", pile).put("port", port)
        .put("charging", false).put("powerW", new JsonArray()).put("plugC", new JsonArray()));
  }
}
