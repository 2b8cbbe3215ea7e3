package io.doorstep.gateway.devices;

import io.doorstep.drivers.modbus.LineStats;
import io.doorstep.drivers.modbus.PolledDevice;
import io.doorstep.drivers.modbus.UnitStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Per line and per device on /metrics: transactions, time-outs, CRC errors, exception
 * responses, line losses, utilisation and the poll cycle time. Read from the last sampled
 * {@link LineStats}, so a scrape never touches a line.
 */
public final class SerialLineMetrics {
  private final MeterRegistry registry;
  private final Map<String, Timer> cycles = new ConcurrentHashMap<>();
  private final Map<String, Supplier<LineStats>> statsOfLine = new ConcurrentHashMap<>();
  /** Per line, each device's meters and the unit they count: removed with the device. */
  private final Map<String, Map<String, DeviceMeters>> devicesOfLine = new ConcurrentHashMap<>();

  private record DeviceMeters(int unit, List<Meter> meters) {}

  /** Per line, its own meters: removed with the line. */
  private final Map<String, List<Meter>> metersOfLine = new ConcurrentHashMap<>();

  /** Micrometer holds what it reads only weakly: the sources must be held here. */
  private final List<Supplier<LineStats>> sources = new java.util.concurrent.CopyOnWriteArrayList<>();

  public SerialLineMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** A line's meters and its devices'; a line reopened on new settings keeps the ones it has. */
  synchronized void register(String lineId, Supplier<LineStats> stats, List<PolledDevice> devices) {
    if (statsOfLine.containsKey(lineId)) {
      devices(lineId, devices);
      return;
    }
    sources.add(stats);
    statsOfLine.put(lineId, stats);
    Tags line = Tags.of("line", lineId);
    Timer cycle = Timer.builder("doorstep.modbus.poll.cycle").tags(line)
        .description("time to read every device of the line once").register(registry);
    cycles.put(lineId, cycle);
    metersOfLine.put(lineId, List.of(
        lineCounter("doorstep.modbus.transactions", line, stats, LineStats::transactions),
        lineCounter("doorstep.modbus.timeouts", line, stats, LineStats::timeouts),
        lineCounter("doorstep.modbus.crc.errors", line, stats, LineStats::crcErrors),
        lineCounter("doorstep.modbus.exceptions", line, stats, LineStats::exceptionResponses),
        lineCounter("doorstep.modbus.line.losses", line, stats, LineStats::lineLosses),
        Gauge.builder("doorstep.modbus.line.open", stats, s -> s.get() != null && s.get().open() ? 1 : 0)
            .tags(line).description("1 while the line's port is open").register(registry),
        Gauge.builder("doorstep.modbus.line.utilisation", stats, s -> s.get() == null ? 0 : s.get().utilisation())
            .tags(line).description("share of time a request was in flight, over the last 5 s").register(registry),
        cycle));
    devices(lineId, devices);
  }

  /** A line removed on the console: its meters and its devices' leave /metrics. */
  synchronized void remove(String lineId) {
    devices(lineId, List.of());
    devicesOfLine.remove(lineId);
    List<Meter> meters = metersOfLine.remove(lineId);
    if (meters != null) {
      meters.forEach(registry::remove);
    }
    cycles.remove(lineId);
    Supplier<LineStats> stats = statsOfLine.remove(lineId);
    sources.remove(stats);
  }

  /**
   * The line's devices now: meters of a removed device, or of one that moved to another unit,
   * are removed from the registry (a device's meters count its unit), new ones registered.
   */
  synchronized void devices(String lineId, List<PolledDevice> devices) {
    Supplier<LineStats> stats = statsOfLine.get(lineId);
    Map<String, DeviceMeters> registered = devicesOfLine.computeIfAbsent(lineId, l -> new ConcurrentHashMap<>());
    Map<String, Integer> wanted = new java.util.HashMap<>();
    devices.forEach(d -> wanted.put(d.id(), d.unit()));
    registered.entrySet().removeIf(e -> {
      boolean gone = !Integer.valueOf(e.getValue().unit()).equals(wanted.get(e.getKey()));
      if (gone) {
        e.getValue().meters().forEach(registry::remove);
      }
      return gone;
    });
    Tags line = Tags.of("line", lineId);
    for (PolledDevice d : devices) {
      if (registered.containsKey(d.id())) {
        continue;
      }
      Tags tags = line.and("device", d.id());
      registered.put(d.id(), new DeviceMeters(d.unit(), List.of(
          unitCounter("doorstep.modbus.device.transactions", tags, stats, d.unit(), UnitStats::transactions),
          unitCounter("doorstep.modbus.device.timeouts", tags, stats, d.unit(), UnitStats::timeouts),
          unitCounter("doorstep.modbus.device.crc.errors", tags, stats, d.unit(), UnitStats::crcErrors),
          unitCounter("doorstep.modbus.device.exceptions", tags, stats, d.unit(), UnitStats::exceptionResponses))));
    }
  }

  void cycle(String lineId, long nanos) {
    Timer timer = cycles.get(lineId);
    if (timer != null) {
      timer.record(nanos, TimeUnit.NANOSECONDS);
    }
  }

  private Meter lineCounter(String name, Tags tags, Supplier<LineStats> stats, ToDoubleFunction<LineStats> f) {
    return FunctionCounter.builder(name, stats, s -> s.get() == null ? 0 : f.applyAsDouble(s.get()))
        .tags(tags).register(registry);
  }

  private Meter unitCounter(String name, Tags tags, Supplier<LineStats> stats, int unit,
      ToDoubleFunction<UnitStats> f) {
    return FunctionCounter.builder(name, stats, s -> {
      UnitStats u = s.get() == null ? null : s.get().units().get(unit);
      return u == null ? 0 : f.applyAsDouble(u);
    }).tags(tags).register(registry);
  }
}
