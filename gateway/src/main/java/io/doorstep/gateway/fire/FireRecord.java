package io.doorstep.gateway.fire;

import io.vertx.core.json.JsonObject;

/** The persisted state of fire mode (table fire_mode): what a restart must know. */
record FireRecord(boolean active, long startedTs, String source, String reason, String eventId, long endedTs,
    String endedBy, String endedRole, boolean restorePending) {

  static final FireRecord NEVER = new FireRecord(false, 0, null, null, null, 0, null, null, false);

  static FireRecord started(long ts, String source, String reason, String eventId) {
    return new FireRecord(true, ts, source, reason, eventId, 0, null, null, false);
  }

  FireRecord ended(long ts, String by, String role) {
    return new FireRecord(false, startedTs, source, reason, eventId, ts, by, role, true);
  }

  FireRecord restored() {
    return new FireRecord(active, startedTs, source, reason, eventId, endedTs, endedBy, endedRole, false);
  }

  JsonObject toJson() {
    return new JsonObject().put("active", active).put("startedTs", startedTs).put("source", source)
        .put("reason", reason).put("endedTs", endedTs).put("endedBy", endedBy).put("endedRole", endedRole);
  }
}
