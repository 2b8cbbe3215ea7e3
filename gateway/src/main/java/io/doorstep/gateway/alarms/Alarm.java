package io.doorstep.gateway.alarms;

import io.vertx.core.json.JsonObject;

/**
 * One alarm as the alarms table holds it. It is open until its condition ends ({@code clearedTs})
 * and needs a person until someone acknowledges it ({@code ackedTs}); the two are independent,
 * since a guard may acknowledge a door that is still held open.
 *
 * @param eventId the event that raised it
 * @param clearedTs Unix ms, or null while the condition lasts
 * @param ackedTs Unix ms, or null until a person acknowledges it
 */
public record Alarm(long id, String eventId, String device, AlarmType type, long raisedTs, Long clearedTs,
    Long ackedTs, String ackedBy, String note) {

  public boolean open() {
    return clearedTs == null;
  }

  public boolean acknowledged() {
    return ackedTs != null;
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("eventId", eventId)
        .put("device", device)
        .put("type", type.code())
        .put("severity", type.severity().code())
        .put("raisedTs", raisedTs)
        .put("clearedTs", clearedTs)
        .put("ackedTs", ackedTs)
        .put("ackedBy", ackedBy)
        .put("note", note);
  }
}
