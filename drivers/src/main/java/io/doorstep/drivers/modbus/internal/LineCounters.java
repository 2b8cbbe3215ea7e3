package io.doorstep.drivers.modbus.internal;

import io.doorstep.drivers.modbus.LineStats;
import io.doorstep.drivers.modbus.UnitStats;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;

/** A line's counters: written by the line's thread, read by metrics from any thread. */
public final class LineCounters {
  private final Unit total = new Unit();
  private final Map<Integer, Unit> units = new ConcurrentHashMap<>();
  private final AtomicLong lineLosses = new AtomicLong();
  private final AtomicLong busyNanos = new AtomicLong();
  private long lastBusyNanos;
  private long lastAtNanos = System.nanoTime();

  private static final class Unit {
    final AtomicLong transactions = new AtomicLong();
    final AtomicLong timeouts = new AtomicLong();
    final AtomicLong crcErrors = new AtomicLong();
    final AtomicLong exceptionResponses = new AtomicLong();
  }

  private Unit unit(int unit) {
    return units.computeIfAbsent(unit, u -> new Unit());
  }

  /** One attempt on the wire, whatever came of it, and how long the line was busy with it. */
  public void transaction(int unit, long nanos) {
    total.transactions.incrementAndGet();
    unit(unit).transactions.incrementAndGet();
    busyNanos.addAndGet(nanos);
  }

  public void timeout(int unit) {
    total.timeouts.incrementAndGet();
    unit(unit).timeouts.incrementAndGet();
  }

  public void crcError(int unit) {
    total.crcErrors.incrementAndGet();
    unit(unit).crcErrors.incrementAndGet();
  }

  public void exceptionResponse(int unit) {
    total.exceptionResponses.incrementAndGet();
    unit(unit).exceptionResponses.incrementAndGet();
  }

  public void lineLost() {
    lineLosses.incrementAndGet();
  }

  /** A snapshot; utilisation covers the time since the previous snapshot. */
  public synchronized LineStats snapshot(String lineId, boolean open, IntPredicate silent) {
    long now = System.nanoTime();
    long busy = busyNanos.get();
    double utilisation = now > lastAtNanos ? Math.min(1.0, (busy - lastBusyNanos) / (double) (now - lastAtNanos)) : 0;
    lastBusyNanos = busy;
    lastAtNanos = now;
    Map<Integer, UnitStats> perUnit = new HashMap<>();
    units.forEach((id, u) -> perUnit.put(id, new UnitStats(u.transactions.get(), u.timeouts.get(),
        u.crcErrors.get(), u.exceptionResponses.get(), silent.test(id))));
    return new LineStats(lineId, open, total.transactions.get(), total.timeouts.get(), total.crcErrors.get(),
        total.exceptionResponses.get(), lineLosses.get(), utilisation, perUnit);
  }
}
