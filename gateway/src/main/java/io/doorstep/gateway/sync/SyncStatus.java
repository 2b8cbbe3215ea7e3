package io.doorstep.gateway.sync;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * One terminal's person list as a guard or technician sees it.
 *
 * @param device the terminal
 * @param state where the sync stands
 * @param pending persons still to add, change or remove
 * @param held persons the terminal is known to hold
 * @param failed persons the terminal refused (they stay refused until their data changes)
 * @param lastError why the last command did not complete (DEVICE_TIMEOUT, LINK_DOWN, …), or null
 * @param attempts failed attempts in a row; 0 once a command succeeds
 */
public record SyncStatus(
    String device, State state, int pending, int held, List<FailedPerson> failed, String lastError, int attempts) {

  public enum State {
    /** The persons are still being read; nothing is sent before that. */
    STARTING,
    /** The terminal holds its whole list, except the refused persons. */
    IN_SYNC,
    /** Commands are under way. */
    SYNCING,
    /** The terminal did not answer; the sync tries again after a pause. */
    RETRYING,
    /** The terminal is offline; the sync resumes when it returns. */
    OFFLINE
  }

  /** A person the terminal refused, with its reason (NO_FACE_FOUND, BAD_IMAGE, LIST_FULL, TOO_LARGE, …). */
  public record FailedPerson(String personId, String error) {}

  public SyncStatus {
    failed = List.copyOf(failed);
  }

  public boolean inSync() {
    return state == State.IN_SYNC;
  }

  public JsonObject toJson() {
    JsonArray refused = new JsonArray();
    failed.forEach(f -> refused.add(new JsonObject().put("personId", f.personId()).put("error", f.error())));
    return new JsonObject()
        .put("device", device)
        .put("state", state.name())
        .put("pending", pending)
        .put("held", held)
        .put("failed", refused)
        .put("lastError", lastError)
        .put("attempts", attempts);
  }
}
