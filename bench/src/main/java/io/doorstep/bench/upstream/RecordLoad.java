package io.doorstep.bench.upstream;

import io.doorstep.bench.verify.Residents;
import io.doorstep.sim.faceterminal.FaceTerminalSimulator;
import io.doorstep.sim.faceterminal.VerifyOutcome;
import io.doorstep.sim.faceterminal.VerifyRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The load source of the throughput run: the terminals upload passages they decided alone
 * ({@code up/record}, as after an outage of the gateway), {@link #PER_MESSAGE} to a message,
 * round robin, open loop at a fixed number of events a second. The gateway decides each again,
 * stores them with the outbox rows in one transaction and answers {@code record-ack}.
 */
final class RecordLoad implements AutoCloseable {
  static final int PER_MESSAGE = 100;

  private final List<FaceTerminalSimulator> terminals;
  private final Residents residents;
  private final int eventsPerSecond;
  private final Random random = new Random(1);
  private final AtomicLong offered = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final Thread thread;
  private volatile boolean stop;

  RecordLoad(List<FaceTerminalSimulator> terminals, Residents residents, int eventsPerSecond) {
    this.terminals = List.copyOf(terminals);
    this.residents = residents;
    this.eventsPerSecond = eventsPerSecond;
    this.thread = new Thread(this::drive, "bench-record-load");
    thread.setDaemon(true);
  }

  RecordLoad start() {
    thread.start();
    return this;
  }

  /** Events handed to the terminals' broker connections so far. */
  long offered() {
    return offered.get();
  }

  long failedMessages() {
    return failed.get();
  }

  /** Message {@code i} is due at {@code i * PER_MESSAGE / rate} seconds after the start. */
  static long dueNanos(long i, int eventsPerSecond) {
    return Math.round(i * (double) PER_MESSAGE * 1e9 / eventsPerSecond);
  }

  private void drive() {
    long start = System.nanoTime();
    for (long i = 0; !stop; i++) {
      long due = start + dueNanos(i, eventsPerSecond);
      long left;
      while ((left = due - System.nanoTime()) > 0 && !stop) {
        LockSupport.parkNanos(left);
      }
      if (stop) {
        return;
      }
      FaceTerminalSimulator t = terminals.get((int) (i % terminals.size()));
      byte[] body = body(i);
      t.publishRaw("ft/" + t.sn() + "/up/record", body, 1, false).whenComplete((v, e) -> {
        if (e != null) {
          failed.incrementAndGet();
        }
      });
      offered.addAndGet(PER_MESSAGE);
    }
  }

  private byte[] body(long i) {
    JsonArray records = new JsonArray();
    long now = System.currentTimeMillis();
    for (int n = 0; n < PER_MESSAGE; n++) {
      String person = residents.idAt(random.nextInt(residents.size()));
      VerifyRequest r = VerifyRequest.face(person, 0.9, true, "pedestrian", (i + n) % 2 == 0 ? "in" : "out");
      records.add(r.toRecord(VerifyOutcome.Decision.OPEN));
    }
    return new JsonObject().put("msgId", "rec-" + UUID.randomUUID()).put("ts", now).put("records", records)
        .encode().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws InterruptedException {
    stop = true;
    thread.join(5000);
  }
}
