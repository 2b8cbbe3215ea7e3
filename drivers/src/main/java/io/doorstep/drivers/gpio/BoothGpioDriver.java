package io.doorstep.drivers.gpio;

import io.doorstep.device.CommandResult;
import io.doorstep.device.DeviceCommand;
import io.doorstep.device.DeviceListener;
import io.doorstep.drivers.gpio.internal.Booth;
import io.doorstep.drivers.gpio.internal.BoothEvents;
import io.doorstep.drivers.gpio.internal.CardReads;
import io.doorstep.drivers.gpio.internal.Counters;
import io.doorstep.drivers.gpio.internal.DoorChannel;
import io.doorstep.drivers.gpio.internal.OpenedPins;
import io.doorstep.drivers.gpio.internal.Output;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The doors, reader, fire panel contact, key switch and siren wired to the booth's own GPIO
 * (gpio-booth.md). Turns pin levels into calls on a {@link DeviceListener} and commands into relay
 * and siren levels. It never decides whether a door opens: a card read is asked about, and only
 * the answer releases the lock. Only the exit button opens a door by itself, as egress requires.
 *
 * <p>All state is confined to the Vert.x context {@link #start} runs on. Pi4J calls run on a
 * worker; Pi4J's listener threads only take the time and hand each level change over.
 */
public final class BoothGpioDriver {
  private static final Logger log = LoggerFactory.getLogger(BoothGpioDriver.class);

  private final Vertx vertx;
  private final BoothLayout layout;
  private final DeviceListener listener;
  private final BoothEvents events;
  private final Counters counters = new Counters();
  private Context context;
  private OpenedPins opened;
  private Booth booth;
  /** Level changes that came before the channels were wired; replayed once they are. */
  private List<EarlyLevel> early = new ArrayList<>();
  private volatile String unavailable;
  private long heartbeat = -1;
  private boolean stopped;

  public BoothGpioDriver(Vertx vertx, BoothLayout layout, DeviceListener listener) {
    this.vertx = vertx;
    this.layout = layout;
    this.listener = listener;
    this.events = new BoothEvents(listener);
  }

  /**
   * Opens the pins on a worker and wires them. Succeeds even when there is no GPIO (not a Pi, no
   * permission): the booth devices are then reported offline with a GPIO_UNAVAILABLE alarm, and
   * their commands fail with {@link GpioUnavailableException}. The rest of the gateway runs on.
   *
   * @param platform makes the Pi4J context ({@link GpioPlatform#raspberryPi} in production); called on a worker
   */
  public Future<Void> start(Callable<com.pi4j.context.Context> platform) {
    context = vertx.getOrCreateContext();
    return onContext(() -> context.<OpenedPins>executeBlocking(
            () -> OpenedPins.open(platform, layout, this::levelFromPi4j), true)
        .map(pins -> {
          wire(pins);
          return (Void) null;
        })
        .recover(e -> {
          reportUnavailable(e instanceof GpioUnavailableException ? e.getMessage() : String.valueOf(e));
          return Future.succeededFuture();
        }));
  }

  /**
   * Carries out an open or hold-open on a gpio-door (the lock relay) or a siren (sounding).
   * Completes once the pin is set.
   */
  public Future<CommandResult> execute(DeviceCommand command) {
    return onContext(() -> {
      if (unavailable != null || booth == null) {
        return Future.failedFuture(new GpioUnavailableException(
            unavailable != null ? unavailable : "the booth's GPIO is not started"));
      }
      return carryOut(command).map(v -> CommandResult.accepted());
    });
  }

  /**
   * Changes when a gpio-door counts as held open, from its next release on. Fails for a device
   * that is no door here, or while the GPIO does not work.
   */
  public Future<Void> heldOpenAfter(String device, long ms) {
    return onContext(() -> {
      DoorChannel door = booth == null ? null : booth.door(device);
      if (door == null) {
        return Future.failedFuture(new IllegalArgumentException(unavailable != null ? unavailable
            : "no gpio-door " + device));
      }
      door.heldOpenAfter(ms);
      return Future.succeededFuture();
    });
  }

  /** Null while the GPIO works; otherwise why the booth devices are offline. */
  public String unavailable() {
    return unavailable;
  }

  public GpioStats stats() {
    return counters.snapshot();
  }

  /** Ends timed releases (holds stay: a fire release outlives the gateway) and closes the pins. */
  public Future<Void> stop() {
    if (context == null) {
      return Future.succeededFuture();
    }
    return onContext(() -> {
      stopped = true;
      if (heartbeat >= 0) {
        vertx.cancelTimer(heartbeat);
      }
      Future<Void> ended = booth == null ? Future.succeededFuture() : booth.stop();
      return ended.eventually(() -> opened == null ? Future.succeededFuture()
          : context.executeBlocking(() -> {
            opened.bank().close();
            return null;
          }, true)).mapEmpty();
    });
  }

  private Future<Void> carryOut(DeviceCommand command) {
    DoorChannel door = booth.door(command.device());
    Output siren = booth.siren(command.device());
    if (door == null && siren == null) {
      return Future.failedFuture(new IllegalArgumentException("no gpio-door or siren " + command.device()));
    }
    if (command instanceof DeviceCommand.Open open) {
      long ms = open.openMs() > 0 ? open.openMs() : layout.timing().openMs();
      return door != null ? door.release(ms) : siren.pulse(ms);
    }
    if (command instanceof DeviceCommand.HoldOpen hold) {
      return door != null ? door.hold(hold.open()) : siren.hold(hold.open());
    }
    return Future.failedFuture(new IllegalArgumentException(
        command.getClass().getSimpleName() + " is not for " + command.device() + ": it takes open and hold-open"));
  }

  /** On a Pi4J thread: the time is already taken; the rest happens on the context. */
  private void levelFromPi4j(int bcm, boolean low, long nanos) {
    context.runOnContext(v -> {
      if (stopped) {
        return;
      }
      if (booth == null) {
        early.add(new EarlyLevel(bcm, low, nanos));
      } else {
        booth.level(bcm, low, nanos);
      }
    });
  }

  private void wire(OpenedPins pins) {
    opened = pins;
    CardReads cards = new CardReads(listener, events, counters, layout.timing().openMs(), id -> booth.door(id));
    booth = new Booth(context, layout, pins, events, counters, cards::onFrame);
    early.forEach(e -> booth.level(e.bcm(), e.low(), e.nanos()));
    early = List.of();
    for (String device : layout.devices()) {
      listener.presence(device, true, booth.facts(device));
    }
    heartbeat = vertx.setPeriodic(layout.timing().heartbeatMs(), id -> {
      for (String device : layout.devices()) {
        listener.heartbeat(device, new JsonObject());
      }
    });
    log.info("booth GPIO: {} doors, {} readers, {} fire panel contacts, {} key switches, {} sirens",
        layout.doors().size(), layout.readers().size(), layout.firePanels().size(), layout.keySwitches().size(),
        layout.sirens().size());
  }

  private void reportUnavailable(String reason) {
    unavailable = reason;
    // Pins that opened before something failed may still report: nothing is to act on them.
    stopped = true;
    early = List.of();
    log.error("booth GPIO unavailable, {} booth devices are offline: {}", layout.devices().size(), reason);
    for (String device : layout.devices()) {
      listener.presence(device, false, new JsonObject().put("link", "gpio").put("error", reason));
      events.unavailable(device, reason);
    }
  }

  private <T> Future<T> onContext(Supplier<Future<T>> work) {
    if (context == null) {
      return Future.failedFuture(new GpioUnavailableException("the booth's GPIO is not started"));
    }
    if (Vertx.currentContext() == context) {
      return guarded(work);
    }
    Promise<T> promise = Promise.promise();
    context.runOnContext(v -> guarded(work).onComplete(promise));
    return promise.future();
  }

  /** A bug that throws fails the caller's future rather than leaving it waiting for ever. */
  private static <T> Future<T> guarded(Supplier<Future<T>> work) {
    try {
      return work.get();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private record EarlyLevel(int bcm, boolean low, long nanos) {}
}
