package io.doorstep.gateway.devices;

import io.doorstep.device.DeviceCommand;
import io.doorstep.device.DeviceListener;
import io.doorstep.drivers.gpio.BoothGpioDriver;
import io.doorstep.drivers.gpio.BoothLayout;
import io.doorstep.drivers.gpio.GpioPlatform;
import io.doorstep.drivers.gpio.GpioStats;
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
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The devices on the booth's own GPIO header: owns the driver, on this verticle's event loop,
 * and answers the commands for gpio-doors and sirens. With no such device in the estate it does
 * nothing at all (the demo on a laptop never touches Pi4J); on a machine without GPIO the booth
 * devices are reported offline with an alarm and the gateway runs on.
 */
public final class BoothGpioVerticle extends VerticleBase {
  private static final Logger log = LoggerFactory.getLogger(BoothGpioVerticle.class);
  private final EstateConfig estate;
  private final GatewayConfig.DeviceTiming timing;
  private final DeviceListener listener;
  private final MeterRegistry metrics;
  private final DoorTimings doorTimings;
  private BoothGpioDriver driver;

  /** @param doorTimings each door's timings at start; changes come on {@link Addresses#DOOR_TIMINGS_CHANGED} */
  public BoothGpioVerticle(EstateConfig estate, GatewayConfig.DeviceTiming timing, DoorTimings doorTimings,
      DeviceListener listener, MeterRegistry metrics) {
    this.estate = estate;
    this.timing = timing;
    this.doorTimings = doorTimings;
    this.listener = listener;
    this.metrics = metrics;
  }

  @Override
  public Future<?> start() {
    BoothLayout layout = layoutOf(estate, doorTimings, timing.heartbeatIntervalS() * 1000L);
    if (layout.isEmpty()) {
      return Future.succeededFuture();
    }
    driver = new BoothGpioDriver(vertx, layout, listener);
    registerMetrics();
    return vertx.eventBus().<DeviceCommand>consumer(Addresses.deviceCommandsOf(EstateConfig.GPIO_DOOR), this::onCommand)
        .completion()
        .compose(v -> vertx.eventBus().<DeviceCommand>consumer(Addresses.deviceCommandsOf(EstateConfig.SIREN),
            this::onCommand).completion())
        .compose(v -> vertx.eventBus().<DoorTimings>consumer(Addresses.DOOR_TIMINGS_CHANGED,
            m -> retime(m.body())).completion())
        .compose(v -> driver.start(GpioPlatform::raspberryPi));
  }

  @Override
  public Future<?> stop() {
    return driver == null ? Future.succeededFuture() : driver.stop();
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

  /** A booth door whose held-open time changed on the console is watched with the new one from its next release. */
  private void retime(DoorTimings now) {
    for (Device d : estate.devicesOfType(EstateConfig.GPIO_DOOR)) {
      int ms = now.of(d.door()).heldOpenMs();
      driver.heldOpenAfter(d.id(), ms)
          .onFailure(e -> log.warn("held-open time of {} not changed to {} ms: {}", d.id(), ms, e.getMessage()));
    }
  }

  private void onCommand(Message<DeviceCommand> message) {
    CommandFailures.reply(message, driver.execute(message.body()));
  }

  private void registerMetrics() {
    Gauge.builder("doorstep.gpio.available", this, v -> v.driver.unavailable() == null ? 1 : 0)
        .description("1 while the booth's GPIO works")
        .register(metrics);
    counter("doorstep.gpio.wiegand.cards", GpioStats::cards);
    counter("doorstep.gpio.wiegand.dropped", GpioStats::dropped);
    counter("doorstep.gpio.decide.failures", GpioStats::decideFailures);
    counter("doorstep.gpio.exit.requests", GpioStats::exitRequests);
    counter("doorstep.gpio.alarms.forced", GpioStats::forcedAlarms);
    counter("doorstep.gpio.alarms.held.open", GpioStats::heldOpenAlarms);
  }

  private void counter(String name, ToDoubleFunction<GpioStats> f) {
    FunctionCounter.builder(name, this, v -> f.applyAsDouble(v.driver.stats())).register(metrics);
  }
}
