package io.doorstep.bench.wiegand;

import io.doorstep.device.AccessDecision;
import io.doorstep.device.AccessRequest;
import io.doorstep.device.DeviceEvent;
import io.doorstep.device.DeviceListener;
import io.doorstep.device.PassageRecord;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Takes the time each card reaches the gateway and refuses it: only decoding is measured. */
final class StubGateway implements DeviceListener {
  private static final AccessDecision DENY = new AccessDecision(false, "BENCH", null, null, 0, "", "");

  record Card(String text, long nanos) {}

  private final List<Card> cards = new ArrayList<>();

  @Override
  public Future<AccessDecision> decide(AccessRequest request) {
    long now = System.nanoTime();
    synchronized (cards) {
      cards.add(new Card(request.card(), now));
      cards.notifyAll();
    }
    return Future.succeededFuture(DENY);
  }

  int count() {
    synchronized (cards) {
      return cards.size();
    }
  }

  /** The card after the first {@code seen}, or null if none came by {@code deadlineNanos}. */
  Card awaitAfter(int seen, long deadlineNanos) {
    synchronized (cards) {
      while (cards.size() <= seen) {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
          return null;
        }
        try {
          cards.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return null;
        }
      }
      return cards.get(seen);
    }
  }

  @Override
  public Future<Void> offlinePassages(String device, List<PassageRecord> records, String sourceMsgId) {
    return Future.succeededFuture();
  }

  @Override
  public void presence(String device, boolean online, JsonObject facts) {}

  @Override
  public void heartbeat(String device, JsonObject facts) {}

  @Override
  public void event(DeviceEvent event) {}
}
