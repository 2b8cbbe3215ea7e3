package io.doorstep.gateway.people;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A person as JSON, for the audit trail and the page. A face appears only as whether there is one:
 * the photo and its digest stay out of anything that is logged or kept as history.
 */
public final class PersonJson {

  private PersonJson() {}

  public static JsonObject of(Person p, boolean hasFace) {
    JsonArray cards = new JsonArray();
    p.cards().forEach(c -> cards.add(new JsonObject().put("kind", c.kind().code()).put("text", c.text())));
    JsonArray vehicles = new JsonArray();
    p.vehicles().forEach(v -> vehicles.add(new JsonObject().put("kind", v.kind().code()).put("plate", v.plate())));
    return new JsonObject()
        .put("id", p.id())
        .put("name", p.name())
        .put("kind", p.kind().code())
        .put("household", p.household())
        .put("validFrom", p.validFrom())
        .put("validTo", p.validTo())
        .put("cards", cards)
        .put("vehicles", vehicles)
        .put("ebikeTags", new JsonArray(p.ebikeTags()))
        .put("face", hasFace);
  }

  public static JsonObject of(PersonEntry e) {
    return of(e.person(), e.hasFace());
  }
}
