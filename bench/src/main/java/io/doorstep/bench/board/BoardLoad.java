package io.doorstep.bench.board;

import io.doorstep.bench.verify.Residents;
import io.doorstep.sim.faceterminal.FaceTerminalSimulator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * What the board shows: faces at the terminals at a fixed rate (open loop, round robin, one in
 * twenty a stranger's, whom the gateway refuses), and now and then a terminal's alarm (tamper,
 * forced door or door held open), which the board also lists as an alarm for a guard.
 */
final class BoardLoad implements AutoCloseable {
  private static final List<String> ALARMS = List.of("TAMPER", "FORCED", "HELD_OPEN");

  private final List<FaceTerminalSimulator> terminals;
  private final Residents residents;
  private final int rate;
  private final long alarmEveryNanos;
  private final Random random = new Random(200);
  private final AtomicLong faces = new AtomicLong();
  private final AtomicLong alarms = new AtomicLong();
  private final AtomicLong local = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final Thread thread;
  private volatile boolean stop;

  BoardLoad(List<FaceTerminalSimulator> terminals, Residents residents, int rate, int alarmEveryS) {
    this.terminals = List.copyOf(terminals);
    this.residents = residents;
    this.rate = rate;
    this.alarmEveryNanos = alarmEveryS * 1_000_000_000L;
    this.thread = new Thread(this::drive, "bench-board-load");
    thread.setDaemon(true);
  }

  BoardLoad start() {
    thread.start();
    return this;
  }

  private void drive() {
    long start = System.nanoTime();
    long nextAlarm = start + alarmEveryNanos;
    for (long i = 0; !stop; i++) {
      long due = start + Math.round(i * 1e9 / rate);
      long left;
      while ((left = due - System.nanoTime()) > 0 && !stop) {
        LockSupport.parkNanos(left);
      }
      if (stop) {
        return;
      }
      FaceTerminalSimulator t = terminals.get((int) (i % terminals.size()));
      if (due >= nextAlarm) {
        nextAlarm += alarmEveryNanos;
        t.raiseAlarm(ALARMS.get((int) (alarms.getAndIncrement() % ALARMS.size())));
      }
      String person = random.nextInt(20) == 0 ? null : residents.idAt(random.nextInt(residents.size()));
      double score = person == null ? 0.3 + random.nextDouble() * 0.3 : 0.88 + random.nextDouble() * 0.11;
      faces.incrementAndGet();
      t.presentFace(person, score, true, "pedestrian", i % 2 == 0 ? "in" : "out").whenComplete((outcome, e) -> {
        if (e != null) {
          failed.incrementAndGet();
        } else if (outcome.local()) {
          local.incrementAndGet();
        }
      });
    }
  }

  long faces() {
    return faces.get();
  }

  long alarms() {
    return alarms.get();
  }

  /** Faces the terminal decided alone, its 800 ms for the gateway's answer having run out. */
  long localFallbacks() {
    return local.get();
  }

  long failed() {
    return failed.get();
  }

  @Override
  public void close() throws InterruptedException {
    stop = true;
    thread.join(5000);
  }
}
