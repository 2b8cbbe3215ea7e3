package io.doorstep.gateway.sync;

import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * Where one person stands at one terminal, as the property office asks after enrolling a face:
 * is it there, on its way, or refused, and why.
 *
 * @param error the terminal's refusal (NO_FACE_FOUND, BAD_IMAGE, LIST_FULL, …) when FAILED, else null
 * @param terminal the terminal's whole sync, which says why a PENDING entry waits (OFFLINE, RETRYING)
 */
public record PersonSyncState(String device, State state, String error, SyncStatus.State terminal) {

  public enum State {
    /** The terminal holds the person as they are now. */
    OK,
    /** The terminal refused the person as they are now; it is not sent again until they change. */
    FAILED,
    /** The person is still to be sent, or sent again after a change. */
    PENDING,
    /** The person no longer belongs at this terminal and is still to be deleted from it. */
    REMOVING
  }

  public JsonObject toJson() {
    return new JsonObject().put("device", device).put("state", state.name()).put("error", error)
        .put("terminal", terminal == null ? null : terminal.name());
  }

  /**
   * One terminal's answer, or empty when the person neither belongs there nor is held there.
   *
   * @param person as the sync last read them, or null when it has no such person (removed, or not read yet)
   * @param known what the terminal is known to hold for them, or null
   * @param allowed whether the person belongs at this terminal
   */
  static Optional<PersonSyncState> of(String device, SyncPerson person, KnownEntry known, boolean allowed, long now,
      SyncStatus.State terminal) {
    boolean wanted = person != null && allowed && SyncPlanner.notExpired(person.person(), now);
    if (!wanted) {
      return known != null && known.held()
          ? Optional.of(new PersonSyncState(device, State.REMOVING, null, terminal))
          : Optional.empty();
    }
    if (known == null || person.faceUnreadable() || !known.digest().equals(person.digest())) {
      return Optional.of(new PersonSyncState(device, State.PENDING, null, terminal));
    }
    return Optional.of(known.failed()
        ? new PersonSyncState(device, State.FAILED, known.error(), terminal)
        : new PersonSyncState(device, State.OK, null, terminal));
  }
}
