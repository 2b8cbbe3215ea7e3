package io.doorstep.gateway.fire;

import io.doorstep.device.CommandResult;
import io.doorstep.device.DeviceCommand;
import io.doorstep.gateway.bus.CommandFailures;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings every egress device to one wanted hold state and keeps it there: tells each at once,
 * retries each until it acknowledges, tells a device again the moment it comes back online, and
 * reports once every device has confirmed. A device never blocks another: each has its own
 * retries. Confined to the fire service's context.
 */
final class HoldReconciler {
  private static final Logger log = LoggerFactory.getLogger(HoldReconciler.class);

  /** Called once per wish when every device has acknowledged it or can never take it. */
  interface Confirmed {
    void all(boolean open, List<String> refused);
  }

  private static final class Device {
    boolean acked;
    /** The driver said the command can never work here (no such device, not a door). */
    boolean refused;
    int inFlight;
    long timer = -1;
    int attempt;
  }

  private final Vertx vertx;
  private final Function<DeviceCommand.HoldOpen, Future<CommandResult>> sender;
  private final FireTiming timing;
  private final Predicate<String> online;
  private final Confirmed confirmed;
  private final Map<String, Device> devices = new LinkedHashMap<>();
  private boolean open;
  /** Which wish an answer belongs to: an answer to a replaced wish must not count. */
  private long wish;
  private boolean reported;

  HoldReconciler(Vertx vertx, List<String> deviceIds, Function<DeviceCommand.HoldOpen, Future<CommandResult>> sender,
      FireTiming timing, Predicate<String> online, Confirmed confirmed) {
    this.vertx = vertx;
    this.sender = sender;
    this.timing = timing;
    this.online = online;
    this.confirmed = confirmed;
    deviceIds.forEach(id -> devices.put(id, new Device()));
  }

  /** Every device, at once: hold open (fire) or end the hold (reset). */
  void want(boolean open) {
    this.open = open;
    wish++;
    reported = false;
    for (Device d : devices.values()) {
      d.acked = false;
      d.refused = false;
      d.attempt = 0;
      cancelTimer(d);
    }
    devices.keySet().forEach(this::send);
    checkAll();
  }

  /**
   * The device is back. In fire mode it is told again even if it had acknowledged: it may have
   * restarted and forgotten its hold.
   */
  void deviceOnline(String id) {
    Device d = devices.get(id);
    if (d == null || wish == 0 || d.refused || (!open && d.acked)) {
      return;
    }
    cancelTimer(d);
    d.attempt = 0;
    send(id);
  }

  /** Tells every online device again that is not being told already (fire mode only). */
  void reassert() {
    if (!open) {
      return;
    }
    devices.forEach((id, d) -> {
      if (d.inFlight == 0 && !d.refused && online.test(id)) {
        send(id);
      }
    });
  }

  /** Devices that have not acknowledged the current wish, in configuration order. */
  List<String> unconfirmed() {
    List<String> out = new ArrayList<>();
    devices.forEach((id, d) -> {
      if (!d.acked) {
        out.add(id);
      }
    });
    return out;
  }

  int size() {
    return devices.size();
  }

  private void send(String id) {
    Device d = devices.get(id);
    long sentFor = wish;
    d.inFlight++;
    sender.apply(new DeviceCommand.HoldOpen(id, open)).onComplete(r -> answered(id, d, sentFor, r));
  }

  private void answered(String id, Device d, long sentFor, AsyncResult<CommandResult> r) {
    d.inFlight--;
    if (sentFor != wish) {
      return;
    }
    if (r.succeeded() && r.result().ok()) {
      d.acked = true;
      d.attempt = 0;
      cancelTimer(d);
      checkAll();
      return;
    }
    if (d.acked) {
      return; // another message of the same wish got through
    }
    if (r.failed() && CommandFailures.code(r.cause()) == CommandFailures.INVALID) {
      d.refused = true;
      log.error("{} cannot be {} by fire mode: {}", id, open ? "held open" : "released from its hold",
          r.cause().getMessage());
      checkAll();
      return;
    }
    String why = r.failed() ? r.cause().getMessage() : "refused: " + r.result().error();
    log.warn("{} did not confirm hold-open={} ({}); retrying", id, open, why);
    if (d.inFlight == 0 && d.timer < 0) {
      // Only a device known to be away waits long: it is told the moment it returns anyway, and
      // each message to it piles up in its broker session meanwhile. Anything else (a driver not
      // yet started, a lost link) is retried soon.
      boolean away = !online.test(id) && r.failed()
          && CommandFailures.code(r.cause()) == CommandFailures.DEVICE_TIMEOUT;
      long delay = away ? timing.offlineRetryMs() : timing.retryDelayMs(d.attempt++);
      d.timer = vertx.setTimer(delay, t -> {
        d.timer = -1;
        if (sentFor == wish && !d.acked) {
          send(id);
        }
      });
    }
  }

  private void checkAll() {
    if (reported || devices.values().stream().anyMatch(d -> !d.acked && !d.refused)) {
      return;
    }
    reported = true;
    List<String> refused = new ArrayList<>();
    devices.forEach((id, d) -> {
      if (d.refused) {
        refused.add(id);
      }
    });
    confirmed.all(open, refused);
  }

  private void cancelTimer(Device d) {
    if (d.timer >= 0) {
      vertx.cancelTimer(d.timer);
      d.timer = -1;
    }
  }
}
