package io.doorstep.sim.faceterminal;

import io.vertx.core.json.JsonObject;

/**
 * The fields of {@code up/verify}, as sent: strings rather than enums, so that a test can
 * send a method or a lane the gateway must refuse. {@code snapshotJpeg} is never sent.
 *
 * @param method   "face", "card" or "qr"
 * @param score    0-1 for a face, null otherwise
 * @param liveness for a face, null otherwise
 */
public record VerifyRequest(String msgId, long ts, String lane, String method, String personId,
    Double score, Boolean liveness, String card, String qr, String bodyType) {

  public static VerifyRequest face(String personId, double score, boolean liveness,
      String bodyType, String lane) {
    return new VerifyRequest(MsgIds.next(), System.currentTimeMillis(), lane, "face", personId,
        score, liveness, null, null, bodyType);
  }

  public static VerifyRequest card(String uidHex, String ownerId, String bodyType, String lane) {
    return new VerifyRequest(MsgIds.next(), System.currentTimeMillis(), lane, "card", ownerId,
        null, null, uidHex, null, bodyType);
  }

  public static VerifyRequest qr(String text, String bodyType, String lane) {
    return new VerifyRequest(MsgIds.next(), System.currentTimeMillis(), lane, "qr", null, null,
        null, null, text, bodyType);
  }

  /** The same request under another msgId, e.g. to send a chosen one twice. */
  public VerifyRequest withMsgId(String newMsgId) {
    return new VerifyRequest(newMsgId, ts, lane, method, personId, score, liveness, card, qr,
        bodyType);
  }

  /** The body of {@code up/verify}, nulls written as JSON null. */
  public JsonObject toJson() {
    return Messages.envelope(msgId, ts)
        .put("lane", lane)
        .put("method", method)
        .put("personId", personId)
        .put("score", score)
        .put("liveness", liveness)
        .put("card", card)
        .put("qr", qr)
        .put("bodyType", bodyType);
  }

  /** One entry of {@code up/record}: the verify fields plus the terminal's own decision. */
  public JsonObject toRecord(VerifyOutcome.Decision decision) {
    return toJson().put("decision", decision.wire());
  }
}
