package io.doorstep.sim.faceterminal;

import io.vertx.core.json.JsonObject;
import java.util.List;

/** {@code down/open} and {@code down/hold-open}: read strictly, then applied to the door. */
final class DoorCommands {

  private DoorCommands() {
  }

  /** {@code {"openMs": 5000, "reason": "remote"}}; openMs must be positive. */
  static Ack open(byte[] body, Door door) {
    String ackMsgId = Json.msgIdOrNull(body);
    long openMs;
    try {
      JsonObject json = Json.parse(body);
      Json.requireEnvelope(json);
      openMs = Json.requireLong(json, "openMs", 1, Integer.MAX_VALUE);
      Json.optionalString(json, "reason");
    } catch (BadRequestException e) {
      return Ack.refused(ackMsgId, Ack.BAD_REQUEST);
    }
    door.release(openMs);
    return Ack.applied(ackMsgId, List.of());
  }

  /** {@code {"open": true}} holds the door open until {@code {"open": false}}. */
  static Ack holdOpen(byte[] body, Door door) {
    String ackMsgId = Json.msgIdOrNull(body);
    boolean open;
    try {
      JsonObject json = Json.parse(body);
      Json.requireEnvelope(json);
      open = Json.requireBoolean(json, "open");
    } catch (BadRequestException e) {
      return Ack.refused(ackMsgId, Ack.BAD_REQUEST);
    }
    door.hold(open);
    return Ack.applied(ackMsgId, List.of());
  }
}
