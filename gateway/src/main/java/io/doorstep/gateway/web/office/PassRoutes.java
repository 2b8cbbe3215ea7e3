package io.doorstep.gateway.web.office;

import io.doorstep.gateway.web.Replies;
import io.doorstep.gateway.access.IssuedPass;
import io.doorstep.gateway.access.PassState;
import io.doorstep.gateway.access.VisitorPass;
import io.doorstep.gateway.access.VisitorPasses;
import io.doorstep.gateway.config.EstateConfig;
import io.doorstep.gateway.store.Store;
import io.doorstep.gateway.web.auth.WebUser;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Visitor passes: the office issues one (the access domain signs it) and prints its QR code,
 * lists those issued and revokes one. Only a code the gateway signed and has not revoked is
 * drawn, so the QR route is no general-purpose code printer.
 */
final class PassRoutes {
  private static final Logger log = LoggerFactory.getLogger(PassRoutes.class);
  private static final int NAME_MAX = 64;
  private static final int HOST_MAX = 64;
  private static final int PAGE = 50;
  private static final int PAGE_MAX = 200;

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
    String host;
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
      host = Params.text(b, "host").strip();
      if (host.length() > HOST_MAX) {
        throw new Params.Bad("host", "at most " + HOST_MAX + " characters: a person or household id");
      }
    } catch (Params.Bad e) {
      Answers.fieldError(ctx, 400, e.field(), e.getMessage());
      return;
    }
    String typedHost = host;
    Future<Optional<String>> hostId = typedHost.isEmpty()
        ? Future.succeededFuture(Optional.empty()) : passes.host(typedHost);
    hostId.onComplete(found -> {
      if (found.failed()) {
        Answers.failed(ctx, found.cause());
      } else if (!typedHost.isEmpty() && found.result().isEmpty()) {
        Answers.fieldError(ctx, 400, "host", "no person or household '" + typedHost + "'");
      } else {
        issue(ctx, name, doors, from, to, uses, found.result().orElse(null));
      }
    });
  }

  private void issue(RoutingContext ctx, String name, List<String> doors, long from, long to, int uses, String host) {
    String user = WebUser.of(ctx).name();
    passes.issue(doors, from, to, uses, name, host, user).compose(code -> {
      VisitorPass pass = passes.read(code).orElseThrow();
      JsonObject record = json(pass).put("visitorName", name).put("host", host);
      return store.audit(user, "pass.issue", pass.id(), null, record.encode())
          .map(v -> new JsonObject().put("code", code).put("pass", record));
    }).onComplete(ar -> {
      if (ar.failed()) {
        log.error("visitor pass for {} not issued: {}", name, ar.cause().toString());
        Replies.error(ctx, 503, "the pass could not be recorded, so none was issued: " + ar.cause().getMessage());
      } else {
        Replies.json(ctx, 201, ar.result());
      }
    });
  }

  /** The passes issued, newest first, filtered by state. */
  void list(RoutingContext ctx) {
    PassState state;
    int offset;
    int limit;
    try {
      String wanted = ctx.request().getParam("state", "").strip();
      state = wanted.isEmpty() ? null : PassState.of(wanted).orElseThrow(() -> new Params.Bad("state",
          "'" + wanted + "' is no state: valid, not-yet-valid, expired, used-up or revoked"));
      offset = Params.integer(ctx, "offset", 0, 0, Integer.MAX_VALUE);
      limit = Params.integer(ctx, "limit", PAGE, 1, PAGE_MAX);
    } catch (Params.Bad e) {
      Answers.fieldError(ctx, 400, e.field(), e.getMessage());
      return;
    }
    // One more than asked tells whether there is a next page without counting the table.
    passes.list(state, offset, limit + 1).onComplete(ar -> {
      if (ar.failed()) {
        Answers.failed(ctx, ar.cause());
        return;
      }
      List<IssuedPass> found = ar.result();
      JsonArray list = new JsonArray();
      found.stream().limit(limit).forEach(p -> list.add(json(p)));
      Replies.json(ctx, 200, new JsonObject().put("passes", list).put("offset", offset).put("limit", limit)
          .put("more", found.size() > limit));
    });
  }

  /** One pass; with its QR text again while it can still be handed to the visitor. */
  void one(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    passes.find(id).onComplete(ar -> {
      if (ar.failed()) {
        Answers.failed(ctx, ar.cause());
      } else if (ar.result().isEmpty()) {
        Answers.fieldError(ctx, 404, "id", "no visitor pass '" + id + "' in the record");
      } else {
        IssuedPass p = ar.result().get();
        JsonObject answer = new JsonObject().put("pass", json(p));
        if (p.state().usable()) {
          answer.put("code", passes.code(p));
        }
        Replies.json(ctx, 200, answer);
      }
    });
  }

  /** Revokes a pass: every door refuses it from the next scan. */
  void revoke(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    String user = WebUser.of(ctx).name();
    passes.revoke(id, user).compose(r -> {
      if (!r.done()) {
        return Future.succeededFuture(r);
      }
      return store.audit(user, "pass.revoke", id, json(r.before()).encode(), json(r.after()).encode()).map(r);
    }).onComplete(ar -> {
      if (ar.failed()) {
        Answers.failed(ctx, ar.cause());
      } else if (ar.result().before() == null) {
        Answers.fieldError(ctx, 404, "id", "no visitor pass '" + id + "' in the record");
      } else if (!ar.result().done()) {
        IssuedPass p = ar.result().before();
        Answers.fieldError(ctx, 409, "id", "revoked already, by " + p.revokedBy() + " at "
            + Instant.ofEpochMilli(p.revokedTs()).atZone(zone).toLocalDateTime());
      } else {
        Replies.json(ctx, 200, new JsonObject().put("pass", json(ar.result().after())));
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
    if (passes.revoked(pass.get().id())) {
      Answers.fieldError(ctx, 400, "code", "this pass was revoked");
      return;
    }
    ctx.response().putHeader("Content-Type", "image/svg+xml").putHeader("Cache-Control", "no-store").end(QrSvg.of(code));
  }

  private JsonObject json(VisitorPass p) {
    return new JsonObject().put("id", p.id()).put("doors", new JsonArray(List.copyOf(p.doors())))
        .put("validFrom", p.validFrom()).put("validTo", p.validTo()).put("uses", p.uses());
  }

  private static JsonObject json(IssuedPass p) {
    JsonObject json = new JsonObject().put("id", p.id()).put("visitorName", p.visitorName())
        .put("host", p.host()).put("hostName", p.hostName())
        .put("doors", new JsonArray(List.copyOf(p.doors())))
        .put("validFrom", p.pass().validFrom()).put("validTo", p.pass().validTo())
        .put("uses", p.pass().uses()).put("used", p.used())
        .put("issuedBy", p.issuedBy()).put("issuedAt", p.issuedTs())
        .put("state", p.state().wire());
    if (p.revokedTs() != null) {
      json.put("revokedAt", p.revokedTs()).put("revokedBy", p.revokedBy());
    }
    return json;
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
