package io.doorstep.gateway.access;

import io.doorstep.device.AccessDecision;
import io.doorstep.device.AccessRequest;
import io.doorstep.device.DeviceEvent;
import io.doorstep.device.EventKinds;
import io.doorstep.device.Severity;
import io.doorstep.gateway.config.EstateConfig;
import io.vertx.core.json.JsonObject;

/**
 * Turns decisions into passage events, with the door's name so the board reads like a log book,
 * and the reason's texts in both languages from the one table.
 */
final class PassageEvents {
  private final AccessRules rules;

  /** @param rules whose doors of devices follow the live estate */
  PassageEvents(AccessRules rules) {
    this.rules = rules;
  }

  DeviceEvent decided(AccessRequest request, AccessDecision decision, Verdict verdict, long nowMs) {
    JsonObject payload = common(request, decision.open(), verdict)
        .put("voice", decision.voice())
        .put("deviceTs", request.ts());
    return new DeviceEvent(request.requestId(), nowMs, request.device(), EventKinds.PASSAGE,
        decision.open() ? Severity.INFO : Severity.WARNING, payload);
  }

  /** A passage the terminal decided alone; the verdict is what the gateway would have said. */
  DeviceEvent offline(AccessRequest request, boolean opened, Verdict verdict) {
    JsonObject payload = common(request, opened, verdict)
        .put("decidedBy", "terminal")
        .put("gatewayWouldOpen", verdict.reason().opens());
    if (verdict.person() == null && request.personId() != null) {
      // Whom the terminal thought it saw, even if the estate no longer knows them.
      payload.put("personId", request.personId());
    }
    // A terminal that let in someone the gateway would refuse is worth a guard's look.
    Severity severity = opened && !verdict.reason().opens() ? Severity.WARNING : Severity.INFO;
    return new DeviceEvent(request.requestId(), request.ts(), request.device(), EventKinds.OFFLINE_PASSAGE, severity,
        payload);
  }

  private JsonObject common(AccessRequest r, boolean open, Verdict verdict) {
    EstateConfig.Door door = rules.doorOfDevice(r.device());
    Reason reason = verdict.reason();
    return new JsonObject()
        .put("decision", open ? "open" : "deny")
        .put("reason", reason.name())
        .put("text", reason.text(verdict.name()))
        .put("textEn", reason.textEn(verdict.name()))
        .put("personId", verdict.personId())
        .put("personName", verdict.name())
        .put("passId", verdict.pass() == null ? null : verdict.pass().id())
        .put("direction", r.direction())
        .put("method", r.method().code())
        .put("bodyType", r.bodyType())
        .put("score", r.score())
        .put("door", door == null ? null : door.id())
        .put("doorName", door == null ? null : door.name());
  }
}
