package io.doorstep.sim.faceterminal;

import io.doorstep.sim.faceterminal.VerifyOutcome.Decision;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Remote verification: publish up/verify, wait for the verify-result with that reqMsgId,
 * and decide alone when it does not come in time. A result that comes after that has lost
 * the decision and is only counted. Touched only by the terminal's thread.
 */
final class VerifyFlow {

  /** A verify waiting for its answer. */
  private record Waiting(VerifyRequest request, long startNanos,
      CompletableFuture<VerifyOutcome> outcome, ScheduledFuture<?> timeout) {
  }

  private final ScheduledExecutorService loop;
  private final long timeoutMs;
  private final Uplink uplink;
  private final PersonList persons;
  private final RecordUploader records;
  private final Counters counters;
  private final Map<String, Waiting> waiting = new HashMap<>();

  VerifyFlow(ScheduledExecutorService loop, long timeoutMs, Uplink uplink, PersonList persons,
      RecordUploader records, Counters counters) {
    this.loop = loop;
    this.timeoutMs = timeoutMs;
    this.uplink = uplink;
    this.persons = persons;
    this.records = records;
    this.counters = counters;
  }

  /**
   * Sends the request. A msgId already waiting is sent again and shares the first one's
   * outcome: that is how a repeated QoS 1 delivery looks to the gateway.
   */
  CompletableFuture<VerifyOutcome> send(VerifyRequest request, long startNanos) {
    counters.verifiesSent.incrementAndGet();
    Waiting already = waiting.get(request.msgId());
    if (already != null) {
      uplink.publish("verify", request.toJson(), 1, false);
      return already.outcome();
    }
    CompletableFuture<VerifyOutcome> outcome = new CompletableFuture<>();
    ScheduledFuture<?> timeout = loop.schedule(() -> decideAlone(request.msgId()), timeoutMs,
        TimeUnit.MILLISECONDS);
    waiting.put(request.msgId(), new Waiting(request, startNanos, outcome, timeout));
    if (!uplink.publish("verify", request.toJson(), 1, false)) {
      // Not connected: nobody can answer, so there is no point in waiting.
      timeout.cancel(false);
      decideAlone(request.msgId());
    }
    return outcome;
  }

  /** {@code down/verify-result}; false when the message was unusable. */
  boolean result(byte[] payload) {
    String reqMsgId;
    Decision decision;
    JsonObject json;
    try {
      json = Json.parse(payload);
      Json.requireEnvelope(json);
      reqMsgId = Json.requireString(json, "reqMsgId");
      decision = Decision.fromWire(Json.requireString(json, "decision"));
      if (decision == null) {
        return false;
      }
    } catch (BadRequestException e) {
      return false;
    }
    Waiting w = waiting.remove(reqMsgId);
    if (w == null) {
      counters.lateResultsIgnored.incrementAndGet();
      return true;
    }
    w.timeout().cancel(false);
    counters.answeredByGateway.incrementAndGet();
    Object openMs = json.getValue("openMs");
    w.outcome().complete(new VerifyOutcome(reqMsgId, decision, text(json, "reason"),
        text(json, "voice"), text(json, "text"),
        openMs instanceof Number n ? n.intValue() : null, false,
        System.nanoTime() - w.startNanos()));
    return true;
  }

  /** On close: nobody will decide these any more. */
  void abandonAll() {
    for (Waiting w : new ArrayList<>(waiting.values())) {
      w.timeout().cancel(false);
      w.outcome().completeExceptionally(new IllegalStateException("terminal closed"));
    }
    waiting.clear();
  }

  private void decideAlone(String msgId) {
    Waiting w = waiting.remove(msgId);
    if (w == null) {
      return;
    }
    LocalDecision.Result result =
        LocalDecision.decide(w.request(), persons, System.currentTimeMillis());
    records.add(w.request().toRecord(result.decision()));
    counters.decidedLocally.incrementAndGet();
    w.outcome().complete(new VerifyOutcome(msgId, result.decision(), result.reason(), null,
        null, null, true, System.nanoTime() - w.startNanos()));
  }

  private static String text(JsonObject json, String key) {
    return json.getValue(key) instanceof String s ? s : null;
  }
}
