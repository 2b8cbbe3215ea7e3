package io.doorstep.drivers.modbus.internal;

import com.digitalpetri.modbus.pdu.ModbusResponsePdu;
import io.doorstep.drivers.Backoff;
import io.doorstep.drivers.DeviceTimeoutException;
import io.doorstep.drivers.modbus.CrcException;
import io.doorstep.drivers.modbus.DeviceSilentException;
import io.doorstep.drivers.modbus.LineLostException;
import io.doorstep.drivers.modbus.LineOptions;
import io.doorstep.drivers.modbus.ModbusExceptionResponse;
import io.doorstep.drivers.modbus.Priority;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The line's own thread: the only one that touches the port, so exactly one request is ever in
 * flight. It keeps the port open (reopening with back-off after a loss), takes the most urgent
 * request, and retries once on a time-out or a corrupted answer; never on an exception
 * response, which is the device's considered refusal.
 */
public final class LineWorker implements Runnable {
  /** How often an idle line looks whether its port went away, so a loss is reported without traffic. */
  private static final long IDLE_CHECK_MS = 250;
  private static final int SILENT_AFTER_TIMEOUTS = 3;
  private static final Duration SILENT_BACKOFF_MIN = Duration.ofSeconds(1);
  /**
   * A silent unit is probed at least this often: its hazards are unseen while it is backed off,
   * so its return must be noticed within seconds, not minutes.
   */
  private static final Duration SILENT_BACKOFF_MAX = Duration.ofSeconds(10);

  /** What the worker reports; the line hands it on to the owner's context. */
  public interface Events {
    void lineUp();

    void lineLost(String reason);

    void deviceSilent(int unit, boolean silent);
  }

  private final LineOptions options;
  private final Function<LineOptions, RtuChannel> channels;
  private final Events events;
  private final RequestQueue queue = new RequestQueue();
  private final LineCounters counters = new LineCounters();
  private final Map<Integer, UnitHealth> health = new ConcurrentHashMap<>();
  private final Backoff reopen;
  private volatile boolean up;
  private volatile boolean stopping;
  private volatile String downReason = "not opened yet";
  private boolean lossReported;
  private RtuChannel channel;

  public LineWorker(LineOptions options, Function<LineOptions, RtuChannel> channels, Events events) {
    this.options = options;
    this.channels = channels;
    this.events = events;
    this.reopen = new Backoff(options.reopenMin(), options.reopenMax());
  }

  /** Queues a request, or fails it at once when the line is down: nothing waits for a dead port. */
  public void submit(Job job) {
    if (stopping) {
      job.result().completeExceptionally(new LineLostException("line " + options.id() + " is closed"));
    } else if (!up) {
      job.result().completeExceptionally(new LineLostException("line " + options.id() + " is down: " + downReason));
    } else {
      queue.add(job);
    }
  }

  public boolean up() {
    return up;
  }

  public boolean silent(int unit) {
    UnitHealth h = health.get(unit);
    return h != null && h.silent();
  }

  public LineCounters counters() {
    return counters;
  }

  /** Asks the thread to finish; the caller joins it. */
  public void stop() {
    stopping = true;
  }

  @Override
  public void run() {
    try {
      while (!stopping) {
        if (channel == null && !openChannel()) {
          Thread.sleep(reopen.nextDelayMs());
          continue;
        }
        Job job = queue.poll(IDLE_CHECK_MS);
        String lost = channel.lostReason();
        if (lost != null) {
          if (job != null) {
            job.result().completeExceptionally(new LineLostException(lost));
          }
          lose(lost);
        } else if (job != null) {
          serve(job);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      up = false;
      if (channel != null) {
        channel.close();
        channel = null;
      }
      failQueued(new LineLostException("line " + options.id() + " is closed"));
    }
  }

  private boolean openChannel() {
    RtuChannel c = channels.apply(options);
    try {
      c.open();
    } catch (RuntimeException e) {
      c.close();
      downReason = e.getMessage();
      if (!lossReported) {
        lossReported = true;
        counters.lineLost();
        events.lineLost(downReason);
      }
      failQueued(new LineLostException("line " + options.id() + " is down: " + downReason));
      return false;
    }
    channel = c;
    reopen.reset();
    lossReported = false;
    up = true;
    events.lineUp();
    // Whatever went unanswered while the line was gone was the line's fault, not the units'.
    health.forEach((unit, h) -> {
      if (h.silent()) {
        events.deviceSilent(unit, false);
      }
    });
    health.clear();
    return true;
  }

  private void lose(String reason) {
    up = false;
    downReason = reason;
    channel.close();
    channel = null;
    if (!lossReported && !stopping) {
      lossReported = true;
      counters.lineLost();
      events.lineLost(reason);
    }
    failQueued(new LineLostException("line " + options.id() + " lost: " + reason));
  }

  private void failQueued(RuntimeException cause) {
    for (Job job : queue.drain()) {
      job.result().completeExceptionally(cause);
    }
  }

  private void serve(Job job) {
    UnitHealth unit = health.computeIfAbsent(job.unit(),
        u -> new UnitHealth(SILENT_BACKOFF_MIN, SILENT_BACKOFF_MAX, SILENT_AFTER_TIMEOUTS));
    if (!unit.admits(job.priority(), System.nanoTime())) {
      job.result().completeExceptionally(new DeviceSilentException(options.id(), job.unit()));
      return;
    }
    // A probe of a silent unit is not repeated: it would only double the time it takes from the
    // others. A stop to it still gets its retry.
    int attempts = unit.silent() && job.priority() == Priority.POLL ? 1 : 1 + options.retries();
    RuntimeException failure = null;
    for (int attempt = 0; attempt < attempts; attempt++) {
      long start = System.nanoTime();
      try {
        ModbusResponsePdu answer = channel.exchange(job.unit(), job.request(), job.timeoutMs());
        counters.transaction(job.unit(), System.nanoTime() - start);
        answered(job.unit(), unit);
        job.result().complete(answer);
        return;
      } catch (ModbusExceptionResponse e) {
        counters.transaction(job.unit(), System.nanoTime() - start);
        counters.exceptionResponse(job.unit());
        answered(job.unit(), unit);
        job.result().completeExceptionally(e);
        return;
      } catch (DeviceTimeoutException e) {
        counters.transaction(job.unit(), System.nanoTime() - start);
        counters.timeout(job.unit());
        if (unit.timedOut(System.nanoTime())) {
          events.deviceSilent(job.unit(), true);
        }
        failure = e;
        if (unit.silent() && job.priority() == Priority.POLL) {
          break;
        }
      } catch (CrcException e) {
        counters.transaction(job.unit(), System.nanoTime() - start);
        counters.crcError(job.unit());
        failure = e;
      } catch (LineLostException e) {
        job.result().completeExceptionally(e);
        lose(e.getMessage());
        return;
      } catch (RuntimeException e) {
        // A request the library could not even encode: the request's fault, not the line's.
        job.result().completeExceptionally(e);
        return;
      }
    }
    job.result().completeExceptionally(failure);
  }

  private void answered(int unitId, UnitHealth unit) {
    if (unit.answered()) {
      events.deviceSilent(unitId, false);
    }
  }
}
