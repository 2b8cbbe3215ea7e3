package io.doorstep.gateway.web.auth;

import io.vertx.core.json.JsonObject;

/**
 * A person who may log in to the page, as the admin area lists them; never carries the hash.
 *
 * @param lastLoginMs null until the first login
 */
public record WebAccount(String name, Role role, long createdMs, Long lastLoginMs, boolean disabled) {

  public JsonObject toJson() {
    return new JsonObject()
        .put("name", name)
        .put("role", role.code())
        .put("created", createdMs)
        .put("lastLogin", lastLoginMs)
        .put("disabled", disabled);
  }
}
