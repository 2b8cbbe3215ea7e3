package io.doorstep.gateway.web.office;

import io.doorstep.gateway.web.Replies;
import io.doorstep.gateway.people.PeopleService;
import io.doorstep.gateway.people.PersonJson;
import io.doorstep.gateway.web.auth.WebUser;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Face photos, sent as the request body (image/jpeg). The body limit in front of these routes
 * refuses a larger photo from its Content-Length, before any of it is read; a check answers what
 * the gateway would say without storing anything. Photos are never sent back out: the office
 * sees the picture it chose, in its own browser.
 */
final class PhotoRoutes {
  private final PeopleService people;

  PhotoRoutes(PeopleService people) {
    this.people = people;
  }

  void check(RoutingContext ctx) {
    Replies.json(ctx, 200, JpegFacts.of(bytes(ctx)).toJson());
  }

  void set(RoutingContext ctx) {
    byte[] photo = bytes(ctx);
    JpegFacts facts = JpegFacts.of(photo);
    if (facts.problem().isPresent()) {
      Replies.json(ctx, 400, new JsonObject().put("error", facts.problem().get()).put("field", "photo")
          .put("check", facts.toJson()));
      return;
    }
    people.setFace(WebUser.of(ctx).name(), ctx.pathParam("id"), photo).onComplete(ar -> {
      if (ar.failed()) {
        Answers.failed(ctx, ar.cause());
      } else {
        Replies.json(ctx, 200, new JsonObject().put("person", PersonJson.of(ar.result())).put("check", facts.toJson()));
      }
    });
  }

  void remove(RoutingContext ctx) {
    people.removeFace(WebUser.of(ctx).name(), ctx.pathParam("id")).onComplete(ar -> {
      if (ar.failed()) {
        Answers.failed(ctx, ar.cause());
      } else {
        Replies.json(ctx, 200, new JsonObject().put("person", PersonJson.of(ar.result())));
      }
    });
  }

  /** Vert.x's own refusal of an oversized body, answered in the API's shape. */
  static void tooLarge(RoutingContext ctx) {
    if (ctx.statusCode() == 413) {
      Answers.fieldError(ctx, 413, "photo", "the photo is larger than 2 MiB: a terminal needs a face, not a poster");
    } else {
      ctx.next();
    }
  }

  private static byte[] bytes(RoutingContext ctx) {
    return ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
  }
}
