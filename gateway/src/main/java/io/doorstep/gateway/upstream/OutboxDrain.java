package io.doorstep.gateway.upstream;

import io.doorstep.gateway.store.Store;
import io.doorstep.gateway.store.StoredEvent;
import io.vertx.core.Future;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox upstream in order, alarms first: reads the oldest waiting events of a lane,
 * publishes them in batches with at most {@code maxInFlight} unacknowledged, and deletes them
 * only once the platform's broker has acknowledged them. A failed publish rewinds to the oldest
 * event not acknowledged, so nothing is skipped; what was in flight may go twice, with the same
 * event ids. All calls on one Vert.x context.
 */
final class OutboxDrain {
  private static final Logger log = LoggerFactory.getLogger(OutboxDrain.class);
  static final String TELEMETRY_TOPIC = "v1/gateway/telemetry";
  private static final int[] LANES = {OutboxRows.ALARM_LANE, OutboxRows.ROUTINE_LANE};

  /** The link upstream, as the drain needs it. */
  interface Publisher {
    boolean up();

    /** Completes on the broker's acknowledgement (PUBACK). */
    Future<Void> publish(String topic, byte[] body);
  }

  /** Turns events into message bodies of the platform's API, each with the log positions it carries. */
  interface Batcher {
    List<Batch> batch(List<StoredEvent> events);
  }

  record Batch(byte[] body, List<Long> seqs) {}

  private final Store store;
  private final Publisher publisher;
  private final Batcher batcher;
  private final int maxInFlight;
  private final int readLimit;
  /** Per lane, the last log position handed to the publisher. */
  private final long[] cursor = new long[LANES.length];
  private final AtomicLong sent = new AtomicLong();
  private int inFlight;
  private boolean reading;
  private boolean again;

  OutboxDrain(Store store, Publisher publisher, Batcher batcher, int maxInFlight, int readLimit) {
    this.store = store;
    this.publisher = publisher;
    this.batcher = batcher;
    this.maxInFlight = maxInFlight;
    this.readLimit = readLimit;
  }

  /** Events acknowledged upstream since start. */
  long sent() {
    return sent.get();
  }

  int inFlight() {
    return inFlight;
  }

  /** Something may wait (an event was stored, the link came up, an acknowledgement arrived): send it. */
  void pump() {
    if (reading) {
      again = true;
      return;
    }
    if (!publisher.up() || inFlight >= maxInFlight) {
      return;
    }
    reading = true;
    again = false;
    readLane(0);
  }

  /** The link was lost: whatever was not acknowledged is sent again, from the oldest. */
  void rewind() {
    java.util.Arrays.fill(cursor, 0);
  }

  private void readLane(int index) {
    if (index >= LANES.length) {
      finishRead();
      return;
    }
    int lane = LANES[index];
    long after = cursor[index];
    store.read(c -> OutboxRows.next(c, lane, after, readLimit)).onComplete(read -> {
      if (read.failed()) {
        log.error("the outbox could not be read: {}", read.cause().getMessage());
        finishRead();
        return;
      }
      List<StoredEvent> events = read.result();
      if (events.isEmpty()) {
        readLane(index + 1);
        return;
      }
      send(index, events);
      finishRead();
      // Alarms first: the routine lane only gets what the window has left after them.
      pump();
    });
  }

  private void finishRead() {
    reading = false;
    if (again) {
      pump();
    }
  }

  private void send(int index, List<StoredEvent> events) {
    for (Batch batch : batcher.batch(events)) {
      // What does not fit the window now is read again later: the cursor stops before it.
      if (!publisher.up() || inFlight >= maxInFlight) {
        return;
      }
      inFlight++;
      cursor[index] = Math.max(cursor[index], batch.seqs().get(batch.seqs().size() - 1));
      publisher.publish(TELEMETRY_TOPIC, batch.body()).onComplete(published -> {
        if (published.failed()) {
          inFlight--;
          rewind();
          return;
        }
        store.write(c -> OutboxRows.done(c, batch.seqs())).onComplete(done -> {
          inFlight--;
          if (done.succeeded()) {
            sent.addAndGet(batch.seqs().size());
          } else {
            // Still in the outbox: it goes again after the next rewind, with the same ids.
            log.error("acknowledged events not removed from the outbox: {}", done.cause().getMessage());
          }
          pump();
        });
      });
    }
  }
}
