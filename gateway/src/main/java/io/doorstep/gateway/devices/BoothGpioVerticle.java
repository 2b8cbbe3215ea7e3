package io.doorstep.gateway.devices;

import io.doorstep.device.DeviceCommand;
import io.doorstep.device.DeviceListener;
import io.doorstep.drivers.gpio.BoothGpioDriver;
import io.doorstep.drivers.gpio.BoothLayout;
import io.doorstep.drivers.gpio.GpioPlatform;
import io.doorstep.drivers.gpio.GpioStats;
import io.doorstep.drivers.gpio.GpioUnavailableException;
import io.doorstep.gateway.bus.Addresses;
import io.doorstep.gateway.bus.CommandFailures;
import io.doorstep.gateway.config.EstateConfig;
import io.doorstep.gateway.config.EstateConfig.Device;
import io.doorstep.gateway.config.GatewayConfig;
import io.doorstep.gateway.doors.DoorTimings;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The devices on the booth's own GPIO header: owns the driver, on this verticle's event loop,
 * and answers the commands for gpio-doors and sirens. With no such device in the estate it does
 * not touch Pi4J (the demo on a laptop never does); on a machine without GPIO the booth devices
 * are reported offline with an alarm and the gateway runs on.
 *
 * <p>It follows the live estate: the driver claims its pins when it starts, so when the GPIO
 * devices change on the technician console the driver is stopped (its pins released) and one is
 * started with the new layout. Every booth device restarts for that moment.
 */
public final class BoothGpioVerticle extends VerticleBase {
  private static final Logger log = LoggerFactory.getLogger(BoothGpioVerticle.class);

  /** The estate served: the one started with, then each published change. On this verticle's context. */
  private EstateConfig estate;
  /** The doors' timings in force; changes come on {@link Addresses#DOOR_TIMINGS_CHANGED}. */
  private DoorTimings doorTimings;
  private final long heartbeatMs;
  private final DeviceListener listener;
  private final MeterRegistry metrics;
  private final Callable<com.pi4j.context.Context> platform;
  private BoothLayout layout = BoothLayout.empty();
  /** The driver serving the layout; null when there is none, or while it is being replaced. Read by the metrics. */
  private volatile BoothGpioDriver driver;
  /** What the drivers stopped so far counted, so that the counters only grow. */
  private volatile GpioStats carried = GpioStats.NONE;
  private boolean replacing;
  private boolean metered;
  /** Layout changes are carried out one after the other, each once the one before has finished. */
  private Future<Void> last = Future.succeededFuture();

  /** @param doorTimings each door's timings at start; changes come on {@link Addresses#DOOR_TIMINGS_CHANGED} */
  public BoothGpioVerticle(EstateConfig estate, GatewayConfig.DeviceTiming timing, DoorTimings doorTimings,
      DeviceListener listener, MeterRegistry metrics) {
    this(estate, timing, doorTimings, listener, metrics, GpioPlatform::raspberryPi);
  }

  /** @param platform makes the Pi4J context, on a worker, each time a driver starts */
  public BoothGpioVerticle(EstateConfig estate, GatewayConfig.DeviceTiming timing, DoorTimings doorTimings,
      DeviceListener listener, MeterRegistry metrics, Callable<com.pi4j.context.Context> platform) {
    this.estate = estate;
    this.doorTimings = doorTimings;
    this.heartbeatMs = timing.heartbeatIntervalS() * 1000L;
    this.listener = listener;
    this.metrics = metrics;
    this.platform = platform;
  }

  @Override
  public Future<?> start() {
    last = serve(layoutOf(estate, doorTimings, heartbeatMs));
    return Future.all(
        vertx.eventBus().<DeviceCommand>consumer(Addresses.deviceCommandsOf(EstateConfig.GPIO_DOOR), this::onCommand)
            .completion(),
        vertx.eventBus().<DeviceCommand>consumer(Addresses.deviceCommandsOf(EstateConfig.SIREN), this::onCommand)
            .completion(),
        vertx.eventBus().<EstateConfig>consumer(Addresses.ESTATE_CHANGED, m -> follow(m.body())).completion(),
        vertx.eventBus().<DoorTimings>consumer(Addresses.DOOR_TIMINGS_CHANGED, m -> retime(m.body())).completion(),
        last);
  }

  @Override
  public Future<?> stop() {
    return last.transform(ignored -> {
      BoothGpioDriver d = driver;
      return d == null ? Future.succeededFuture() : d.stop();
    });
  }

  /** The estate's GPIO devices as the driver wants them, with the file's door timings. */
  public static BoothLayout layoutOf(EstateConfig estate, long heartbeatMs) {
    return layoutOf(estate, DoorTimings.fromFile(estate), heartbeatMs);
  }

  /** The estate's GPIO devices as the driver wants them, each door held open after its own time. */
  public static BoothLayout layoutOf(EstateConfig estate, DoorTimings doorTimings, long heartbeatMs) {
    return new BoothLayout(
        estate.devicesOfType(EstateConfig.GPIO_DOOR).stream()
            .map(d -> new BoothLayout.Door(d.id(), d.pin("relay"), d.pin("contact"), d.pin("exit"),
                doorTimings.of(d.door()).heldOpenMs())).toList(),
        estate.devicesOfType(EstateConfig.WIEGAND_READER).stream()
            .map(d -> new BoothLayout.Reader(d.id(), d.pin("d0"), d.pin("d1"),
                estate.gpioDoorFor(d).map(Device::id).orElse(null))).toList(),
        estate.devicesOfType(EstateConfig.FIRE_PANEL).stream()
            .map(d -> new BoothLayout.Contact(d.id(), d.pin("contact"))).toList(),
        estate.devicesOfType(EstateConfig.KEY_SWITCH).stream()
            .map(d -> new BoothLayout.Contact(d.id(), d.pin("contact"))).toList(),
        estate.devicesOfType(EstateConfig.SIREN).stream()
            .map(d -> new BoothLayout.Output(d.id(), d.pin("output"))).toList(),
        BoothLayout.Timing.DEFAULTS.withHeartbeatMs(heartbeatMs));
  }

  /** A changed estate: only a different layout touches the pins; a face terminal added does not. */
  private void follow(EstateConfig changed) {
    estate = changed;
    BoothLayout next = layoutOf(changed, doorTimings, heartbeatMs);
    last = last.transform(ignored -> next.equals(layout) ? Future.succeededFuture() : replace(next));
  }

  /**
   * A booth door whose held-open time changed on the console is watched with the new one from its
   * next release, without a restart of the board; the layout kept says so, so that a later estate
   * change does not take the new time for a new layout.
   */
  private void retime(DoorTimings now) {
    doorTimings = now;
    last = last.transform(ignored -> {
      layout = layoutOf(estate, now, heartbeatMs);
      BoothGpioDriver d = driver;
      if (d != null) {
        for (BoothLayout.Door door : layout.doors()) {
          d.heldOpenAfter(door.device(), door.heldOpenMs()).onFailure(e -> log.warn(
              "held-open time of {} not changed to {} ms: {}", door.device(), door.heldOpenMs(), e.getMessage()));
        }
      }
      return Future.succeededFuture();
    });
  }

  private Future<Void> replace(BoothLayout next) {
    BoothGpioDriver old = driver;
    log.warn("the booth board's GPIO devices changed: they restart for a moment ({} before, {} now)",
        layout.devices(), next.devices());
    replacing = true;
    driver = null;
    // Said as it is: the board's devices go away for a moment. Coming back online again is also
    // what makes the fire service tell a door it holds open to hold again, as the new driver
    // opens every relay locked.
    for (String device : layout.devices()) {
      listener.presence(device, false, new JsonObject().put("link", "gpio")
          .put("error", "restarting: the booth's GPIO devices changed"));
    }
    Future<Void> stopped = old == null ? Future.succeededFuture() : old.stop().onComplete(r -> {
      carried = carried.plus(old.stats());
      if (r.failed()) {
        log.error("the booth's GPIO did not close cleanly: {}", r.cause().toString());
      }
    });
    return stopped.transform(ignored -> serve(next)).onComplete(r -> replacing = false);
  }

  /** Starts a driver for the layout; with nothing on the header, none, and Pi4J is not touched. */
  private Future<Void> serve(BoothLayout next) {
    layout = next;
    if (next.isEmpty()) {
      return Future.succeededFuture();
    }
    BoothGpioDriver started = new BoothGpioDriver(vertx, next, listener);
    return started.start(platform).onSuccess(v -> {
      driver = started;
      registerMetricsOnce();
    });
  }

  private void onCommand(Message<DeviceCommand> message) {
    BoothGpioDriver d = driver;
    if (d == null) {
      CommandFailures.reply(message, Future.failedFuture(replacing
          ? new GpioUnavailableException("the booth board's devices are restarting for a changed layout; try again"
              + " in a moment")
          : new IllegalArgumentException("no gpio-door or siren " + message.body().device() + " is configured")));
      return;
    }
    CommandFailures.reply(message, d.execute(message.body()));
  }

  private void registerMetricsOnce() {
    if (metered) {
      return;
    }
    metered = true;
    Gauge.builder("doorstep.gpio.available", this, v -> {
      BoothGpioDriver d = v.driver;
      return d == null || d.unavailable() == null ? 1 : 0;
    }).description("1 while the booth's GPIO works (or has nothing to serve)").register(metrics);
    counter("doorstep.gpio.wiegand.cards", GpioStats::cards);
    counter("doorstep.gpio.wiegand.dropped", GpioStats::dropped);
    counter("doorstep.gpio.decide.failures", GpioStats::decideFailures);
    counter("doorstep.gpio.exit.requests", GpioStats::exitRequests);
    counter("doorstep.gpio.alarms.forced", GpioStats::forcedAlarms);
    counter("doorstep.gpio.alarms.held.open", GpioStats::heldOpenAlarms);
  }

  /** Every driver's counts together: the one serving now and those it replaced. */
  private GpioStats stats() {
    BoothGpioDriver d = driver;
    return d == null ? carried : carried.plus(d.stats());
  }

  private void counter(String name, ToDoubleFunction<GpioStats> f) {
    FunctionCounter.builder(name, this, v -> f.applyAsDouble(v.stats())).register(metrics);
  }
}
