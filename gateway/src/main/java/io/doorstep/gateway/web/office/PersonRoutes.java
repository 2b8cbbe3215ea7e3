package io.doorstep.gateway.web.office;

import io.doorstep.gateway.web.Replies;
import io.doorstep.gateway.people.PeopleService;
import io.doorstep.gateway.people.PersonEntry;
import io.doorstep.gateway.people.PersonForm;
import io.doorstep.gateway.people.PersonJson;
import io.doorstep.gateway.people.PersonKind;
import io.doorstep.gateway.people.PersonQuery;
import io.doorstep.gateway.sync.PersonSyncState;
import io.doorstep.gateway.web.auth.WebUser;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.ZoneId;
import java.util.List;

/** Persons: search with paging, one person with their sync state, add, edit, remove. */
final class PersonRoutes {
  static final int PAGE = 50;

  private final PeopleService people;
  private final SyncStates sync;
  private final ZoneId zone;

  PersonRoutes(PeopleService people, SyncStates sync, ZoneId zone) {
    this.people = people;
    this.sync = sync;
    this.zone = zone;
  }

  /** The id a new person of the kind would get, for the form to propose; adding checks it again. */
  void nextId(RoutingContext ctx) {
    String kindText = ctx.request().getParam("kind", "resident");
    PersonKind kind = PersonKind.parse(kindText).orElse(null);
    if (kind == null) {
      Answers.fieldError(ctx, 400, "kind", "'" + kindText + "' is not a person kind");
      return;
    }
    people.nextId(kind).onComplete(ar -> {
      if (ar.failed()) {
        Answers.failed(ctx, ar.cause());
      } else {
        Replies.json(ctx, 200, new JsonObject().put("id", ar.result()));
      }
    });
  }

  void list(RoutingContext ctx) {
    PersonQuery query;
    int limit;
    int offset;
    try {
      limit = Params.integer(ctx, "limit", PAGE, 1, PersonQuery.MAX_LIMIT - 1);
      offset = Params.integer(ctx, "offset", 0, 0, Integer.MAX_VALUE);
      PersonKind kind = null;
      String kindText = ctx.request().getParam("kind");
      if (kindText != null && !kindText.isBlank()) {
        kind = PersonKind.parse(kindText).orElseThrow(() -> new Params.Bad("kind", "'" + kindText + "' is not a person kind"));
      }
      // One more than asked: whether there is a next page, without counting the whole table.
      query = new PersonQuery(ctx.request().getParam("q"), kind, ctx.request().getParam("household"), limit + 1, offset);
    } catch (Params.Bad e) {
      Answers.fieldError(ctx, 400, e.field(), e.getMessage());
      return;
    }
    people.search(query).onComplete(found -> {
      if (found.failed()) {
        Answers.failed(ctx, found.cause());
        return;
      }
      List<PersonEntry> page = found.result();
      JsonArray persons = new JsonArray();
      page.stream().limit(limit).forEach(e -> persons.add(json(e)));
      Replies.json(ctx, 200, new JsonObject().put("persons", persons).put("offset", offset).put("limit", limit)
          .put("more", page.size() > limit));
    });
  }

  void one(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    people.person(id).compose(found -> {
      if (found.isEmpty()) {
        return Future.succeededFuture((JsonObject) null);
      }
      return sync.of(id).map(states -> {
        JsonArray terminals = new JsonArray();
        states.stream().map(PersonSyncState::toJson).forEach(terminals::add);
        return new JsonObject().put("person", json(found.get())).put("sync", terminals);
      });
    }).onComplete(ar -> {
      if (ar.failed()) {
        Answers.failed(ctx, ar.cause());
      } else if (ar.result() == null) {
        Replies.error(ctx, 404, "no person " + id);
      } else {
        Replies.json(ctx, 200, ar.result());
      }
    });
  }

  void add(RoutingContext ctx) {
    PersonForm.Result read = read(ctx, null);
    if (read == null) {
      return;
    }
    people.add(WebUser.of(ctx).name(), read.person(), null).onComplete(ar -> {
      if (ar.failed()) {
        Answers.failed(ctx, ar.cause());
      } else {
        Replies.json(ctx, 201, new JsonObject().put("person", json(ar.result())));
      }
    });
  }

  void update(RoutingContext ctx) {
    PersonForm.Result read = read(ctx, ctx.pathParam("id"));
    if (read == null) {
      return;
    }
    people.update(WebUser.of(ctx).name(), read.person()).onComplete(ar -> {
      if (ar.failed()) {
        Answers.failed(ctx, ar.cause());
      } else {
        Replies.json(ctx, 200, new JsonObject().put("person", json(ar.result())));
      }
    });
  }

  void remove(RoutingContext ctx) {
    people.remove(WebUser.of(ctx).name(), ctx.pathParam("id")).onComplete(ar -> {
      if (ar.failed()) {
        Answers.failed(ctx, ar.cause());
      } else {
        ctx.response().setStatusCode(204).end();
      }
    });
  }

  /** The stored person, with their validity also as the form writes it. */
  private JsonObject json(PersonEntry e) {
    return PersonJson.of(e).put("validFromText", FormDates.from(e.person().validFrom(), zone))
        .put("validToText", FormDates.to(e.person().validTo(), zone));
  }

  /** The form's person, or null once a refusal has been sent. An edit keeps the id of its path. */
  private PersonForm.Result read(RoutingContext ctx, String pathId) {
    try {
      JsonObject b = Params.body(ctx);
      PersonForm form = new PersonForm(pathId != null ? pathId : Params.text(b, "id"), Params.text(b, "name"),
          Params.text(b, "kind"), Params.text(b, "household"), Params.text(b, "validFrom"), Params.text(b, "validTo"),
          Params.texts(b, "cards"), Params.texts(b, "plates"), Params.texts(b, "ebikePlates"),
          Params.texts(b, "ebikeTags"));
      PersonForm.Result read = form.read(zone);
      if (!read.ok()) {
        Answers.fieldErrors(ctx, 400, read.problems());
        return null;
      }
      return read;
    } catch (Params.Bad e) {
      Answers.fieldError(ctx, 400, e.field(), e.getMessage());
      return null;
    }
  }
}
