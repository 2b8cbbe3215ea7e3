package io.doorstep.gateway.devices;

import io.doorstep.device.CommandResult;
import io.doorstep.device.DeviceCommand;
import io.doorstep.device.DeviceEvent;
import io.doorstep.device.EventKinds;
import io.doorstep.device.Severity;
import io.doorstep.drivers.modbus.DeviceReading;
import io.doorstep.drivers.modbus.LineListener;
import io.doorstep.drivers.modbus.LineOptions;
import io.doorstep.drivers.modbus.LineStats;
import io.doorstep.drivers.modbus.ModbusLine;
import io.doorstep.drivers.modbus.ModbusPoller;
import io.doorstep.drivers.modbus.PollListener;
import io.doorstep.drivers.modbus.PolledDevice;
import io.doorstep.drivers.modbus.Priority;
import io.doorstep.gateway.bus.Addresses;
import io.doorstep.gateway.bus.CommandFailures;
import io.doorstep.gateway.bus.Presence;
import io.doorstep.gateway.config.EstateConfig;
import io.doorstep.gateway.config.EstateConfig.SerialLine;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The estate's RS-485 lines: one Modbus line and one poller each, the readings they produce on
 * the bus, and the commands for the devices on them. It decides nothing about the devices: the
 * charging service reads the piles' readings and sends the stops.
 *
 * <p>It follows the estate: a pile added, moved or removed on the technician console is polled
 * (or no longer) from its line's next cycle. A line changed on the console is closed and opened
 * anew with its new settings, its poller polling the same piles at the new cycle time; an added
 * line is opened with a poller for the piles on it, a removed one closed. A line's poller runs
 * whether its port is open yet or not, so a pile added to a line still waiting for its port is
 * read once the port opens.
 */
public final class SerialLinesVerticle extends VerticleBase {
  private static final Logger log = LoggerFactory.getLogger(SerialLinesVerticle.class);
  /** How often the line statistics are sampled; utilisation is the busy share of that window. */
  static final long STATS_PERIOD_MS = 5_000;

  /** The estate served; replaced on this verticle's context when a device is changed on the console. */
  private volatile EstateConfig estate;
  private final long aliveEveryMs;
  private final SerialLineMetrics metrics;
  private final Map<String, String> portStandIns;
  /** Read by the console from other threads; changed on this verticle's context. */
  private final Map<String, ModbusLine> lines = new ConcurrentHashMap<>();
  private final Map<String, SerialLine> settingsOfLine = new HashMap<>();
  private final Map<String, ModbusPoller> pollerOfLine = new ConcurrentHashMap<>();
  private final Map<String, ModbusPoller> pollerOfDevice = new HashMap<>();
  private final Map<String, Long> lastAlive = new HashMap<>();
  private final Map<String, LineStats> latest = new ConcurrentHashMap<>();
  private final List<Consumer<LineStats>> samplers = new CopyOnWriteArrayList<>();

  /**
   * @param heartbeatMs the registry's heartbeat interval: a polled device is reported alive at
   *     half of it, so the registry never times a pile out while it answers
   */
  public SerialLinesVerticle(EstateConfig estate, long heartbeatMs, SerialLineMetrics metrics) {
    this(estate, Map.of(), heartbeatMs, metrics);
  }

  /** @param portStandIns ports opened in place of those the estate names (the demo's pseudo-terminals) */
  public SerialLinesVerticle(EstateConfig estate, Map<String, String> portStandIns, long heartbeatMs,
      SerialLineMetrics metrics) {
    this.estate = estate;
    this.portStandIns = Map.copyOf(portStandIns);
    this.aliveEveryMs = Math.max(1000, heartbeatMs / 2);
    this.metrics = metrics;
  }

  /** The changes of the estate, followed one after another: a line is closed before it opens again. */
  private Future<?> following = Future.succeededFuture();

  @Override
  public Future<?> start() {
    List<Future<?>> opened = new ArrayList<>();
    for (SerialLine config : estate.lines()) {
      List<PolledDevice> on = polled(estate, config.id());
      opened.add(open(config, on));
      metrics.register(config.id(), () -> latest.get(config.id()), on);
    }
    vertx.setPeriodic(STATS_PERIOD_MS, id -> sampleStats());
    log.info("RS-485: {} lines, {} devices", lines.size(), pollerOfDevice.size());
    return Future.all(opened).compose(v -> Future.all(
        vertx.eventBus().<DeviceCommand>consumer(Addresses.deviceCommandsOf(EstateConfig.CHARGING_PILE), this::onCommand)
            .completion(),
        vertx.eventBus().<EstateConfig>consumer(Addresses.ESTATE_CHANGED,
            m -> following = following.transform(x -> follow(m.body()))).completion()));
  }

  /**
   * Opens the line and starts its poller. The port itself is opened by the line's own thread, so
   * nothing here waits on it.
   */
  private Future<?> open(SerialLine config, List<PolledDevice> devices) {
    ModbusLine line = new ModbusLine(vertx, options(config), new LineEvents());
    ModbusPoller poller = new ModbusPoller(vertx, line, devices, Duration.ofMillis(config.cycleMs()), new Readings());
    lines.put(config.id(), line);
    settingsOfLine.put(config.id(), config);
    pollerOfLine.put(config.id(), poller);
    devices.forEach(d -> pollerOfDevice.put(d.id(), poller));
    return line.open().onSuccess(v -> {
      poller.start();
      latest.put(line.id(), line.stats());
    });
  }

  /**
   * Stops the line's poller and closes its port (the wait for the line's thread is on a worker).
   * Requests waiting on the line fail as on a lost line.
   */
  private Future<?> close(String lineId) {
    ModbusPoller poller = pollerOfLine.remove(lineId);
    ModbusLine line = lines.remove(lineId);
    settingsOfLine.remove(lineId);
    if (poller != null) {
      poller.stop();
      pollerOfDevice.values().removeIf(p -> p == poller);
    }
    return line == null ? Future.succeededFuture() : line.close();
  }

  private static List<PolledDevice> polled(EstateConfig estate, String lineId) {
    return estate.devicesOn(lineId).stream()
        .map(d -> new PolledDevice(d.id(), d.modbus().address(), estate.profiles().get(d.modbus().profile())))
        .toList();
  }

  /**
   * Each line polls the estate's devices on it from its next cycle; their meters follow. A
   * removed device's commands fail from now on, as for any device on no line.
   */
  private Future<?> follow(EstateConfig changed) {
    estate = changed;
    List<Future<?>> reopened = new ArrayList<>();
    // Taken before any is closed: a line being reopened is not a line added.
    List<String> served = List.copyOf(settingsOfLine.keySet());
    for (String lineId : served) {
      SerialLine now = changed.line(lineId).orElse(null);
      if (now == null) {
        reopened.add(close(lineId).onComplete(v -> {
          latest.remove(lineId);
          metrics.remove(lineId);
          log.info("RS-485 line {} closed: removed on the console", lineId);
        }));
      } else if (sameWiring(now, settingsOfLine.get(lineId)) && now.cycleMs() != settingsOfLine.get(lineId).cycleMs()) {
        // Only the cycle time: the line stays open and its piles stay watched.
        pollerOfLine.get(lineId).cycleEvery(Duration.ofMillis(now.cycleMs()));
        settingsOfLine.put(lineId, now);
        log.info("RS-485 line {} polls every {} ms, as changed on the console", lineId, now.cycleMs());
      } else if (!now.equals(settingsOfLine.get(lineId))) {
        reopened.add(close(lineId).transform(v -> open(now, polled(changed, lineId))).onComplete(v ->
            log.info("RS-485 line {} reopened on the console's settings: {} at {} baud, parity {}, {} stop bit(s),"
                + " every {} ms", lineId, now.port(), now.baud(), now.parity(), now.stopBits(), now.cycleMs())));
      }
    }
    for (SerialLine added : changed.lines()) {
      if (!served.contains(added.id())) {
        List<PolledDevice> on = polled(changed, added.id());
        reopened.add(open(added, on));
        metrics.register(added.id(), () -> latest.get(added.id()), on);
        log.info("RS-485 line {} added on the console: {} at {} baud", added.id(), added.port(), added.baud());
      }
    }
    return Future.join(reopened).onComplete(v -> followDevices(changed));
  }

  /** The same port with the same framing: a line that need not be closed and opened again. */
  static boolean sameWiring(SerialLine a, SerialLine b) {
    return a.port().equals(b.port()) && a.baud() == b.baud() && a.parity().equals(b.parity())
        && a.stopBits() == b.stopBits();
  }

  private void followDevices(EstateConfig changed) {
    Map<String, ModbusPoller> devices = new HashMap<>();
    pollerOfLine.forEach((lineId, poller) -> {
      List<PolledDevice> on = polled(changed, lineId);
      try {
        poller.configure(on);
      } catch (IllegalArgumentException e) {
        // The editor checked the estate as a file is checked; this would be a bug, and the line keeps its set.
        log.error("RS-485 line {} keeps polling its devices as they were: {}", lineId, e.getMessage());
        poller.devices().keySet().forEach(id -> devices.put(id, poller));
        return;
      }
      on.forEach(d -> devices.put(d.id(), poller));
      metrics.devices(lineId, on);
    });
    pollerOfDevice.keySet().stream().filter(id -> !devices.containsKey(id)).forEach(lastAlive::remove);
    pollerOfDevice.clear();
    pollerOfDevice.putAll(devices);
    log.info("RS-485: {} devices on {} lines after a change on the console", devices.size(), pollerOfLine.size());
  }

  @Override
  public Future<?> stop() {
    List<Future<?>> closed = new ArrayList<>();
    pollerOfLine.values().forEach(ModbusPoller::stop);
    lines.values().forEach(l -> closed.add(l.close()));
    return Future.join(closed);
  }

  /** The last sampled statistics of every line, for /health and the page. */
  public List<LineStats> lineStats() {
    return estate.lines().stream().map(l -> latest.get(l.id())).filter(s -> s != null).toList();
  }

  private LineOptions options(SerialLine config) {
    String port = portStandIns.getOrDefault(config.port(), config.port());
    LineOptions defaults = LineOptions.of(config.id(), port, config.baud());
    return new LineOptions(config.id(), port, config.baud(),
        LineOptions.Parity.valueOf(config.parity().toUpperCase()), defaults.dataBits(), config.stopBits(),
        defaults.reopenMin(), defaults.reopenMax(), defaults.retries());
  }

  private void sampleStats() {
    lines.values().forEach(l -> {
      LineStats stats = l.stats();
      latest.put(l.id(), stats);
      samplers.forEach(s -> s.accept(stats));
    });
  }

  /**
   * Also hands every sample of a line's statistics to {@code sampler} (every
   * {@value #STATS_PERIOD_MS} ms, on this verticle's context): the only way to see each
   * utilisation window, since reading a line's statistics starts the next one.
   */
  public void onStats(Consumer<LineStats> sampler) {
    samplers.add(sampler);
  }

  /** How often the line's poller starts a cycle now; empty when the line is not served. Safe from any thread. */
  public Optional<Duration> cycleInterval(String lineId) {
    return Optional.ofNullable(pollerOfLine.get(lineId)).map(ModbusPoller::cycleInterval);
  }

  /** The line by its id, to reach its devices through its own scheduler; empty when not configured. */
  public Optional<ModbusLine> line(String lineId) {
    return Optional.ofNullable(lines.get(lineId));
  }

  private void onCommand(Message<DeviceCommand> message) {
    DeviceCommand command = message.body();
    ModbusPoller poller = pollerOfDevice.get(command.device());
    if (poller == null) {
      message.fail(CommandFailures.INVALID, "no device " + command.device() + " on an RS-485 line");
      return;
    }
    Future<CommandResult> result;
    if (command instanceof DeviceCommand.Invoke invoke) {
      result = poller.command(invoke.device(), invoke.command(), invoke.urgent() ? Priority.SAFETY : Priority.OPERATOR)
          .map(v -> CommandResult.accepted());
    } else if (command instanceof DeviceCommand.Refresh refresh) {
      result = poller.pollNow(refresh.device()).map(r -> CommandResult.accepted());
    } else {
      result = Future.failedFuture(new IllegalArgumentException(
          command.getClass().getSimpleName() + " is not for " + command.device() + ": it takes invoke and refresh"));
    }
    CommandFailures.reply(message, result);
  }

  private void record(String device, String kind, Severity severity, JsonObject payload) {
    vertx.eventBus().send(Addresses.EVENT_RECORD, DeviceEvent.of(device, kind, severity, payload));
  }

  private void presence(String device, Presence.State state) {
    vertx.eventBus().send(Addresses.DEVICE_PRESENCE, new Presence(device, state, null, System.currentTimeMillis()));
  }

  /** Calls arrive on this verticle's context (the one that opened the lines). */
  private final class Readings implements PollListener {
    @Override
    public void reading(DeviceReading reading) {
      vertx.eventBus().publish(Addresses.DEVICE_READING, reading);
      long now = System.currentTimeMillis();
      Long last = lastAlive.get(reading.deviceId());
      if (last == null || now - last >= aliveEveryMs) {
        lastAlive.put(reading.deviceId(), now);
        presence(reading.deviceId(), Presence.State.ALIVE);
      }
    }

    @Override
    public void online(String deviceId, boolean online, String reason) {
      if (!online) {
        lastAlive.remove(deviceId);
        log.warn("{} stopped answering: {}", deviceId, reason);
      }
      presence(deviceId, online ? Presence.State.ONLINE : Presence.State.OFFLINE);
    }

    @Override
    public void cycleCompleted(String lineId, long nanos) {
      metrics.cycle(lineId, nanos);
    }
  }

  private final class LineEvents implements LineListener {
    @Override
    public void lineUp(String lineId) {
      log.info("RS-485 line {} is open", lineId);
      record(lineId, EventKinds.LINE_UP, Severity.INFO, new JsonObject());
    }

    @Override
    public void lineLost(String lineId, String reason) {
      log.error("RS-485 line {} lost: {}; reopening by itself", lineId, reason);
      record(lineId, EventKinds.LINE_LOST, Severity.ALARM, new JsonObject().put("reason", reason)
          .put("port", estate.line(lineId).map(SerialLine::port).orElse(null)));
    }
  }
}
