package io.doorstep.gateway.web.office;

import io.doorstep.gateway.web.Replies;
import io.doorstep.gateway.people.HouseholdEntry;
import io.doorstep.gateway.people.PeopleService;
import io.doorstep.gateway.people.PersonJson;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;

/**
 * Households: a flat is listed once a person lives there (the store registers it), so the office
 * adds a household by adding its first resident. About 1,150 of them fit in memory to page.
 */
final class HouseholdRoutes {
  private final PeopleService people;

  HouseholdRoutes(PeopleService people) {
    this.people = people;
  }

  void list(RoutingContext ctx) {
    int limit;
    int offset;
    try {
      limit = Params.integer(ctx, "limit", PersonRoutes.PAGE, 1, 500);
      offset = Params.integer(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    } catch (Params.Bad e) {
      Answers.fieldError(ctx, 400, e.field(), e.getMessage());
      return;
    }
    String q = ctx.request().getParam("q");
    String wanted = q == null ? "" : q.strip().toUpperCase(Locale.ROOT);
    people.households().onComplete(ar -> {
      if (ar.failed()) {
        Answers.failed(ctx, ar.cause());
        return;
      }
      List<HouseholdEntry> matching = ar.result().stream()
          .filter(h -> h.household().id().contains(wanted)).toList();
      JsonArray page = new JsonArray();
      matching.stream().skip(offset).limit(limit).forEach(h -> page.add(new JsonObject()
          .put("id", h.household().id()).put("building", h.household().building())
          .put("unit", h.household().unit()).put("room", h.household().room()).put("persons", h.persons())));
      Replies.json(ctx, 200, new JsonObject().put("households", page).put("total", matching.size())
          .put("offset", offset).put("limit", limit));
    });
  }

  void one(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    people.household(id).onComplete(ar -> {
      if (ar.failed()) {
        Answers.failed(ctx, ar.cause());
        return;
      }
      JsonArray persons = new JsonArray();
      ar.result().forEach(e -> persons.add(PersonJson.of(e)));
      Replies.json(ctx, 200, new JsonObject().put("id", id.strip().toUpperCase(Locale.ROOT)).put("persons", persons));
    });
  }
}
