package io.doorstep.sim.faceterminal;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The terminal's door relay and contact. A release opens the door and closes it after the
 * release time, a hold keeps it open until let go (fire release), and a door left open past
 * the alarm time raises HELD_OPEN once. Touched only by the terminal's thread.
 */
final class Door {

  static final String OPEN = "open";
  static final String CLOSED = "closed";

  /** Where the door's changes go: up/door and up/alarm. */
  interface Reports {
    void door(String state, boolean forced, long heldS);

    void alarm(String type);
  }

  private final ScheduledExecutorService loop;
  private final long heldOpenAlarmMs;
  private final Reports reports;
  private boolean open;
  private boolean held;
  private long openedAtNanos;
  private ScheduledFuture<?> closeTimer;
  private ScheduledFuture<?> heldOpenTimer;

  Door(ScheduledExecutorService loop, long heldOpenAlarmMs, Reports reports) {
    this.loop = loop;
    this.heldOpenAlarmMs = heldOpenAlarmMs;
    this.reports = reports;
  }

  String state() {
    return open ? OPEN : CLOSED;
  }

  /** {@code down/open}: a second release while open only moves the closing time. */
  void release(long openMs) {
    if (!open) {
      opened();
    }
    cancel(closeTimer);
    if (!held) {
      closeTimer = loop.schedule(this::close, openMs, TimeUnit.MILLISECONDS);
    }
  }

  /** {@code down/hold-open}. */
  void hold(boolean keepOpen) {
    held = keepOpen;
    cancel(closeTimer);
    if (keepOpen && !open) {
      opened();
    } else if (!keepOpen && open) {
      close();
    }
  }

  /** A contact change reported as given, e.g. a forced door in a test. */
  void report(String state, boolean forced, long heldS) {
    boolean nowOpen = OPEN.equals(state);
    if (nowOpen && !open) {
      open = true;
      openedAtNanos = System.nanoTime();
      armHeldOpenAlarm();
    } else if (!nowOpen && open) {
      open = false;
      cancel(closeTimer);
      cancel(heldOpenTimer);
    }
    reports.door(state, forced, heldS);
  }

  void stop() {
    cancel(closeTimer);
    cancel(heldOpenTimer);
  }

  private void opened() {
    open = true;
    openedAtNanos = System.nanoTime();
    armHeldOpenAlarm();
    reports.door(OPEN, false, 0);
  }

  private void close() {
    if (!open) {
      return;
    }
    open = false;
    cancel(closeTimer);
    cancel(heldOpenTimer);
    long heldS = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - openedAtNanos);
    reports.door(CLOSED, false, heldS);
  }

  private void armHeldOpenAlarm() {
    cancel(heldOpenTimer);
    heldOpenTimer = loop.schedule(() -> reports.alarm("HELD_OPEN"), heldOpenAlarmMs,
        TimeUnit.MILLISECONDS);
  }

  private static void cancel(ScheduledFuture<?> timer) {
    if (timer != null) {
      timer.cancel(false);
    }
  }
}
