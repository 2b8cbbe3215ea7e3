package io.doorstep.gateway.web.office;

import io.doorstep.gateway.web.Replies;
import io.doorstep.gateway.access.VisitorPass;
import io.doorstep.gateway.access.VisitorPasses;
import io.doorstep.gateway.config.EstateConfig;
import io.doorstep.gateway.store.Store;
import io.doorstep.gateway.web.auth.WebUser;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Visitor passes: the office issues one (the access domain signs it) and prints its QR code.
 * Only a code the gateway signed is drawn, so the QR route is no general-purpose code printer.
 */
final class PassRoutes {
  private static final int NAME_MAX = 64;

  private final VisitorPasses passes;
  private final EstateConfig estate;
  private final Store store;
  private final ZoneId zone;

  PassRoutes(VisitorPasses passes, EstateConfig estate, Store store, ZoneId zone) {
    this.passes = passes;
    this.estate = estate;
    this.store = store;
    this.zone = zone;
  }

  /** The doors a pass may open, as the estate file names them. */
  void doors(RoutingContext ctx) {
    JsonArray doors = new JsonArray();
    estate.doors().forEach(d -> doors.add(new JsonObject().put("id", d.id()).put("name", d.name()).put("kind", d.kind())));
    Replies.json(ctx, 200, new JsonObject().put("doors", doors));
  }

  void issue(RoutingContext ctx) {
    String name;
    List<String> doors;
    long from;
    long to;
    int uses;
    try {
      JsonObject b = Params.body(ctx);
      name = Params.text(b, "visitorName").strip();
      if (name.isEmpty()) {
        throw new Params.Bad("visitorName", "empty: the pass records whom it was issued to");
      }
      if (name.codePointCount(0, name.length()) > NAME_MAX || name.codePoints().anyMatch(Character::isISOControl)) {
        throw new Params.Bad("visitorName", "at most " + NAME_MAX + " characters, no control characters");
      }
      doors = Params.texts(b, "doors");
      if (doors.isEmpty()) {
        throw new Params.Bad("doors", "choose at least one door");
      }
      for (String door : doors) {
        if (estate.door(door).isEmpty()) {
          throw new Params.Bad("doors", "no door '" + door + "' in the estate file");
        }
      }
      from = time(Params.text(b, "validFrom"), "validFrom", false);
      to = time(Params.text(b, "validTo"), "validTo", true);
      if (to <= from) {
        throw new Params.Bad("validTo", "must be after the start");
      }
      String usesText = Params.text(b, "uses").strip();
      try {
        uses = usesText.isEmpty() ? 1 : Integer.parseInt(usesText);
      } catch (NumberFormatException e) {
        throw new Params.Bad("uses", "'" + usesText + "' is not a whole number");
      }
      if (uses < 0 || uses > VisitorPasses.MAX_USES) {
        throw new Params.Bad("uses", "must be 0 (any number) to " + VisitorPasses.MAX_USES);
      }
    } catch (Params.Bad e) {
      Answers.fieldError(ctx, 400, e.field(), e.getMessage());
      return;
    }
    String code = passes.issue(doors, from, to, uses, name);
    VisitorPass pass = passes.read(code).orElseThrow();
    JsonObject record = json(pass).put("visitorName", name);
    store.audit(WebUser.of(ctx).name(), "pass.issue", pass.id(), null, record.encode()).onComplete(ar -> {
      if (ar.failed()) {
        Answers.failed(ctx, ar.cause());
      } else {
        Replies.json(ctx, 201, new JsonObject().put("code", code).put("pass", record));
      }
    });
  }

  void qr(RoutingContext ctx) {
    String code = ctx.request().getParam("code");
    Optional<VisitorPass> pass = passes.read(code);
    if (pass.isEmpty()) {
      Answers.fieldError(ctx, 400, "code", "not a pass this gateway issued");
      return;
    }
    ctx.response().putHeader("Content-Type", "image/svg+xml").putHeader("Cache-Control", "no-store").end(QrSvg.of(code));
  }

  private JsonObject json(VisitorPass p) {
    return new JsonObject().put("id", p.id()).put("doors", new JsonArray(List.copyOf(p.doors())))
        .put("validFrom", p.validFrom()).put("validTo", p.validTo()).put("uses", p.uses());
  }

  /** 2025-06-30T18:00 (as a datetime field sends it), 2025-06-30 18:00, or a day (its start, or through its end). */
  private long time(String text, String field, boolean end) throws Params.Bad {
    String t = text.strip().replace(' ', 'T');
    if (t.isEmpty()) {
      throw new Params.Bad(field, "empty: give a date and time, like 2025-06-30 18:00");
    }
    try {
      if (t.contains("T")) {
        return LocalDateTime.parse(t).atZone(zone).toInstant().toEpochMilli();
      }
      LocalDate day = LocalDate.parse(t);
      return (end ? day.plusDays(1) : day).atStartOfDay(zone).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new Params.Bad(field, "'" + text.strip() + "' is not a date and time: write 2025-06-30 18:00");
    }
  }
}
