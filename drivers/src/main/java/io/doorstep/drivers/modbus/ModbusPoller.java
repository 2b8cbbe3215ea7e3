package io.doorstep.drivers.modbus;

import io.doorstep.drivers.modbus.internal.DevicePoll;
import io.doorstep.drivers.modbus.profile.CommandDef;
import io.doorstep.drivers.modbus.profile.RegisterTable;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Modbus driver for one line: polls its devices round and round, turning their registers
 * into {@link DeviceReading}s, and carries named commands to them. Routine reads go at
 * {@link Priority#POLL}, so a command never waits behind a cycle.
 *
 * <p>A cycle reads each device's blocks, one device after another, and reports each device as
 * soon as it is read. The next cycle starts {@code cycleInterval} after the previous one started,
 * or at once when the cycle took longer (an interval of zero polls back to back).
 *
 * <p>The set of devices can be replaced while polling ({@link #configure}): a cycle reads the
 * devices it began with, less any removed or changed meanwhile, and the next cycle reads the new
 * set.
 */
public final class ModbusPoller {
  /**
   * A cycle in which no device answered starts the next no sooner than this: with the line down
   * every read fails at once, and back-to-back polling would spin an event loop on nothing.
   */
  static final long IDLE_CYCLE_MS = 200;

  private final Vertx vertx;
  private final ModbusLine line;
  /** Replaced whole, never changed in place: a cycle under way keeps the maps it began with. */
  private volatile Map<String, PolledDevice> devices = Map.of();
  private volatile Map<String, DevicePoll> polls = Map.of();
  private final Map<String, Boolean> online = new ConcurrentHashMap<>();
  private volatile long intervalMs;
  private final PollListener listener;
  private volatile Context context;
  private volatile boolean running;
  private long timer = -1;

  /** @throws IllegalArgumentException when a profile cannot be planned, or two devices share an id */
  public ModbusPoller(Vertx vertx, ModbusLine line, List<PolledDevice> devices, Duration cycleInterval, PollListener listener) {
    this.vertx = vertx;
    this.line = line;
    this.intervalMs = cycleInterval.toMillis();
    this.listener = listener;
    swap(plan(devices));
  }

  /**
   * Polls {@code replacement} from the next cycle on. A device that stays as it was (same unit,
   * same profile model) keeps its state; one that is new, removed or changed starts afresh: its
   * online state is forgotten, so the next poll reports it again. A removed device's commands and
   * {@link #pollNow} fail from now on. Takes effect on the poller's context; the future completes
   * there.
   *
   * @throws IllegalArgumentException at once, changing nothing, when a profile cannot be planned
   *     or two devices share an id
   */
  public Future<Void> configure(List<PolledDevice> replacement) {
    Map<String, DevicePoll> planned = plan(replacement);
    Context on = context;
    if (on == null) {
      swap(planned);
      return Future.succeededFuture();
    }
    Promise<Void> swapped = Promise.promise();
    on.runOnContext(v -> {
      swap(planned);
      swapped.complete();
    });
    return swapped.future();
  }

  private Map<String, DevicePoll> plan(List<PolledDevice> wanted) {
    Map<String, PolledDevice> byId = new LinkedHashMap<>();
    for (PolledDevice d : wanted) {
      if (byId.put(d.id(), d) != null) {
        throw new IllegalArgumentException("two devices named " + d.id() + " on line " + line.id());
      }
    }
    Map<String, DevicePoll> planned = new LinkedHashMap<>();
    byId.values().forEach(d -> planned.put(d.id(), new DevicePoll(line, d, BlockPlanner.plan(d.profile()))));
    return planned;
  }

  private void swap(Map<String, DevicePoll> planned) {
    Map<String, DevicePoll> before = polls;
    Map<String, PolledDevice> nextDevices = new LinkedHashMap<>();
    Map<String, DevicePoll> nextPolls = new LinkedHashMap<>();
    planned.forEach((id, poll) -> {
      DevicePoll kept = before.get(id);
      boolean same = kept != null && sameDevice(kept.device(), poll.device());
      DevicePoll polled = same ? kept : poll;
      nextDevices.put(id, polled.device());
      nextPolls.put(id, polled);
      if (!same) {
        online.remove(id);
      }
    });
    before.keySet().stream().filter(id -> !nextPolls.containsKey(id)).forEach(online::remove);
    devices = Collections.unmodifiableMap(nextDevices);
    polls = Collections.unmodifiableMap(nextPolls);
  }

  /**
   * The same unit read with the same model's profile. Profiles are compared by model, not by
   * content: each estate read loads its profile files anew, and a profile file is changed with
   * a restart.
   */
  private static boolean sameDevice(PolledDevice a, PolledDevice b) {
    return a.unit() == b.unit() && a.profile().model().equals(b.profile().model());
  }

  /** The devices polled now, by id. */
  public Map<String, PolledDevice> devices() {
    return devices;
  }

  /** Starts polling on the calling context. */
  public Future<Void> start() {
    context = vertx.getOrCreateContext();
    running = true;
    context.runOnContext(v -> cycle());
    return Future.succeededFuture();
  }

  /** Stops after the read in progress; no reading is reported after this. */
  public Future<Void> stop() {
    running = false;
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    return Future.succeededFuture();
  }

  /**
   * Starts the cycles {@code cycleInterval} apart from the next one on, without touching the line:
   * a new cycle time needs no reopening, so the devices stay watched throughout.
   */
  public void cycleEvery(Duration cycleInterval) {
    if (cycleInterval.isNegative()) {
      throw new IllegalArgumentException("a cycle interval cannot be negative: " + cycleInterval);
    }
    intervalMs = cycleInterval.toMillis();
  }

  /** The time between the starts of two cycles, as now set. Readable from any thread. */
  public Duration cycleInterval() {
    return Duration.ofMillis(intervalMs);
  }

  /** Whether the device answered its last poll; null before its first. */
  public Boolean online(String deviceId) {
    return online.get(deviceId);
  }

  /**
   * Carries a named command of the device's profile: 0x05 to a coil, 0x06 for one register,
   * 0x10 for several.
   *
   * @throws IllegalArgumentException (as a failed future) for an unknown device or command
   */
  public Future<Void> command(String deviceId, String commandName, Priority priority) {
    PolledDevice device = devices.get(deviceId);
    if (device == null) {
      return Future.failedFuture(new IllegalArgumentException("no device " + deviceId + " on line " + line.id()));
    }
    CommandDef command = device.profile().commands().stream()
        .filter(c -> c.name().equals(commandName)).findFirst().orElse(null);
    if (command == null) {
      return Future.failedFuture(new IllegalArgumentException(
          "device " + deviceId + " (" + device.profile().model() + ") has no command " + commandName));
    }
    int answerMs = device.profile().answerTimeMs();
    int[] values = command.values();
    if (command.table() == RegisterTable.COIL) {
      return line.writeCoil(device.unit(), command.address(), values[0] != 0, priority, answerMs);
    }
    if (command.table() != RegisterTable.HOLDING_REGISTER || values.length == 0) {
      return Future.failedFuture(new IllegalArgumentException("command " + commandName + " of " + deviceId
          + " writes nothing writable (" + command.table() + ", " + values.length + " values)"));
    }
    return values.length == 1
        ? line.writeRegister(device.unit(), command.address(), values[0], priority, answerMs)
        : line.writeRegisters(device.unit(), command.address(), values, priority, answerMs);
  }

  /**
   * Reads one device now, ahead of the polls (OPERATOR priority), reports the reading like a
   * cycle would, and returns it: e.g. the charging service reads a port back after a stop.
   */
  public Future<DeviceReading> pollNow(String deviceId) {
    DevicePoll poll = polls.get(deviceId);
    if (poll == null) {
      return Future.failedFuture(new IllegalArgumentException("no device " + deviceId + " on line " + line.id()));
    }
    return poll.run(Priority.OPERATOR).map(outcome -> {
      if (polls.get(deviceId) == poll) {
        report(deviceId, outcome);
      }
      return outcome.reading();
    });
  }

  private void cycle() {
    if (!running) {
      return;
    }
    long started = System.nanoTime();
    boolean[] anyAnswered = {false};
    Future<Void> chain = Future.succeededFuture();
    for (Map.Entry<String, DevicePoll> e : polls.entrySet()) {
      // A device removed or changed since the cycle began is neither read nor reported.
      chain = chain.compose(v -> running && polls.get(e.getKey()) == e.getValue()
              ? e.getValue().run(Priority.POLL) : Future.succeededFuture(null))
          .map(outcome -> {
            if (outcome != null && polls.get(e.getKey()) == e.getValue()) {
              anyAnswered[0] |= outcome.reachable();
              report(e.getKey(), outcome);
            }
            return null;
          });
    }
    chain.onComplete(done -> {
      long nanos = System.nanoTime() - started;
      if (!running) {
        return;
      }
      listener.cycleCompleted(line.id(), nanos);
      long interval = anyAnswered[0] ? intervalMs : Math.max(intervalMs, IDLE_CYCLE_MS);
      long delay = interval - nanos / 1_000_000;
      if (delay <= 0) {
        context.runOnContext(x -> cycle());
      } else {
        timer = vertx.setTimer(delay, id -> cycle());
      }
    });
  }

  private void report(String deviceId, DevicePoll.Outcome outcome) {
    if (!running && context != null) {
      return;
    }
    listener.reading(outcome.reading());
    Boolean was = online.put(deviceId, outcome.reachable());
    if (was == null || was != outcome.reachable()) {
      listener.online(deviceId, outcome.reachable(), outcome.reachable() ? "answering" : outcome.reason());
    }
  }
}
