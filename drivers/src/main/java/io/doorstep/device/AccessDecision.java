package io.doorstep.device;

import io.vertx.core.json.JsonObject;

/**
 * The answer to an {@link AccessRequest}.
 *
 * @param open whether the door opens
 * @param reason a reason code from the access domain's table ("OK", "UNKNOWN_FACE", …)
 * @param personId the person the decision is about, or null for a stranger
 * @param personName display name, or null
 * @param openMs how long to release the lock, when open
 * @param voice what the terminal says, in the estate's language
 * @param text what the terminal shows
 */
public record AccessDecision(
    boolean open,
    String reason,
    String personId,
    String personName,
    int openMs,
    String voice,
    String text) {

  public JsonObject toJson() {
    return new JsonObject()
        .put("decision", open ? "open" : "deny")
        .put("reason", reason)
        .put("personId", personId)
        .put("personName", personName)
        .put("openMs", openMs)
        .put("voice", voice)
        .put("text", text);
  }
}
