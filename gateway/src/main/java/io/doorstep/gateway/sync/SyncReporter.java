package io.doorstep.gateway.sync;

import io.doorstep.device.DeviceEvent;
import io.doorstep.device.EventKinds;
import io.doorstep.device.Severity;
import io.doorstep.gateway.bus.Addresses;
import io.doorstep.gateway.bus.CommandFailures;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts sync failures where people look: {@code sync.failed} events in the log (and so on the
 * board), the {@code doorstep.sync.failures} counter, and the log file.
 */
final class SyncReporter {
  private static final Logger log = LoggerFactory.getLogger(SyncReporter.class);

  private final EventBus bus;
  private final MeterRegistry metrics;

  SyncReporter(EventBus bus, MeterRegistry metrics) {
    this.bus = bus;
    this.metrics = metrics;
  }

  /** Persons a terminal refused (or that cannot be sent at all), as one event per command. */
  void refused(String device, List<SyncStatus.FailedPerson> persons) {
    if (persons.isEmpty()) {
      return;
    }
    JsonArray list = new JsonArray();
    for (SyncStatus.FailedPerson p : persons) {
      list.add(new JsonObject().put("personId", p.personId()).put("error", p.error()));
      failure(device, p.error());
    }
    log.warn("{} refused {} person(s), first {} ({})", device, persons.size(), persons.get(0).personId(),
        persons.get(0).error());
    bus.send(Addresses.EVENT_RECORD, DeviceEvent.of(device, EventKinds.SYNC_FAILED, Severity.WARNING,
        new JsonObject().put("scope", "persons").put("count", persons.size()).put("persons", list)));
  }

  /** The terminal did not take a command; reported once until a command succeeds again. */
  void stuck(String device, String error, String detail, int pending) {
    log.warn("person sync to {} stalled ({}), {} person(s) pending; retrying: {}", device, error, pending, detail);
    bus.send(Addresses.EVENT_RECORD, DeviceEvent.of(device, EventKinds.SYNC_FAILED, Severity.WARNING,
        new JsonObject().put("scope", "terminal").put("error", error).put("detail", detail).put("pending", pending)));
  }

  /** Persons a terminal took. */
  void sent(String device, int persons) {
    Counter.builder("doorstep.sync.persons.sent")
        .description("person entries terminals took")
        .tag("device", device)
        .register(metrics)
        .increment(persons);
  }

  /** Counted on every failed attempt, reported or not. */
  void failure(String device, String error) {
    Counter.builder("doorstep.sync.failures")
        .description("persons refused by terminals and sync commands that failed")
        .tag("device", device)
        .tag("error", error)
        .register(metrics)
        .increment();
  }

  static String errorName(Throwable e) {
    return switch (CommandFailures.code(e)) {
      case CommandFailures.DEVICE_TIMEOUT -> "DEVICE_TIMEOUT";
      case CommandFailures.LINK_DOWN -> "LINK_DOWN";
      case CommandFailures.INVALID -> "INVALID";
      default -> e instanceof RefusedException r ? r.error() : "FAILED";
    };
  }
}
