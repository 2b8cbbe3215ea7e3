package io.doorstep.sim.faceterminal;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Passages the terminal decided alone, on their way to the gateway: oldest first, a bounded
 * number a message, one message in flight, repeated byte for byte until its record-ack.
 * Records are deleted only after the ack, so a gateway that loses a message loses nothing.
 * Touched only by the terminal's thread.
 */
final class RecordUploader {

  /** Publishes one up/record body; false when it could not be handed to the broker. */
  interface Sender {
    boolean send(byte[] body);
  }

  /** The message in flight: its msgId, its exact bytes, and how many records it carries. */
  private record Batch(String msgId, byte[] body, int count) {
  }

  private final ScheduledExecutorService loop;
  private final long retryMs;
  private final int perMessage;
  private final Sender sender;
  private final Counters counters;
  private final Deque<JsonObject> pending = new ArrayDeque<>();
  private Batch inFlight;
  private ScheduledFuture<?> retryTimer;

  RecordUploader(ScheduledExecutorService loop, long retryMs, int perMessage, Sender sender,
      Counters counters) {
    this.loop = loop;
    this.retryMs = retryMs;
    this.perMessage = perMessage;
    this.sender = sender;
    this.counters = counters;
  }

  /** Kept until the gateway is known to be back: it has just failed to answer. */
  void add(JsonObject record) {
    pending.addLast(record);
    counters.offlineRecordsPending.set(pending.size());
  }

  /** The terminal reconnected or heard from the gateway: start sending if idle. */
  void gatewayBack() {
    if (inFlight == null && !pending.isEmpty()) {
      sendNext();
    }
  }

  void acked(String ackMsgId) {
    if (inFlight == null || !inFlight.msgId().equals(ackMsgId)) {
      return;
    }
    counters.recordAcksReceived.incrementAndGet();
    for (int i = 0; i < inFlight.count(); i++) {
      pending.removeFirst();
    }
    counters.offlineRecordsPending.set(pending.size());
    inFlight = null;
    retryTimer.cancel(false);
    retryTimer = null;
    // The ack proves the gateway is here: the next message need not wait for another sign.
    gatewayBack();
  }

  int pending() {
    return pending.size();
  }

  void stop() {
    if (retryTimer != null) {
      retryTimer.cancel(false);
    }
  }

  private void sendNext() {
    List<JsonObject> batch = new ArrayList<>(Math.min(perMessage, pending.size()));
    Iterator<JsonObject> oldestFirst = pending.iterator();
    while (oldestFirst.hasNext() && batch.size() < perMessage) {
      batch.add(oldestFirst.next());
    }
    String msgId = MsgIds.next();
    byte[] body = Messages.records(msgId, System.currentTimeMillis(), batch).encode()
        .getBytes(StandardCharsets.UTF_8);
    inFlight = new Batch(msgId, body, batch.size());
    send();
    retryTimer = loop.scheduleWithFixedDelay(this::send, retryMs, retryMs, TimeUnit.MILLISECONDS);
  }

  private void send() {
    if (sender.send(inFlight.body())) {
      counters.recordMessagesSent.incrementAndGet();
    }
  }
}
