package io.doorstep.gateway.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.pi4j.boardinfo.util.BoardInfoHelper;
import io.doorstep.device.AccessDecision;
import io.doorstep.device.AccessRequest;
import io.doorstep.device.CommandResult;
import io.doorstep.device.DeviceCommand;
import io.doorstep.device.DeviceEvent;
import io.doorstep.device.DeviceListener;
import io.doorstep.device.EventKinds;
import io.doorstep.device.PassageRecord;
import io.doorstep.gateway.bus.Addresses;
import io.doorstep.gateway.bus.CommandFailures;
import io.doorstep.gateway.bus.LocalCodec;
import io.doorstep.gateway.config.EstateConfig;
import io.doorstep.gateway.config.GatewayConfig;
import io.doorstep.gateway.doors.DoorTimings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The gateway on a machine without GPIO (this one): booth devices offline with an alarm, everything else runs. */
class BoothGpioVerticleTest {
  private static final GatewayConfig.DeviceTiming TIMING = new GatewayConfig.DeviceTiming(30, 3);

  private final Vertx vertx = Vertx.vertx();
  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  private final Recorder listener = new Recorder();

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void givenBoothDevicesOffAPi_thenTheyAreOfflineWithAnAlarmAndCommandsFailAsLinkDown() throws Exception {
    assumeFalse(BoardInfoHelper.runningOnRaspberryPi(), "this machine is a Pi");
    EstateConfig estate = new EstateConfig("test", "Test", List.of(),
        List.of(new EstateConfig.Door("P1", "岗亭门", "pedestrian-gate", null, null, List.of("door-1", "reader-1"))),
        List.of(
            new EstateConfig.Device("door-1", EstateConfig.GPIO_DOOR, null, EstateConfig.GPIO, "P1",
                Map.of("relay", 17, "contact", 5, "exit", 12)),
            new EstateConfig.Device("reader-1", EstateConfig.WIEGAND_READER, null, EstateConfig.GPIO, "P1",
                Map.of("d0", 24, "d1", 25)),
            new EstateConfig.Device("facp", EstateConfig.FIRE_PANEL, null, EstateConfig.GPIO, null,
                Map.of("contact", 4))));
    LocalCodec.register(vertx.eventBus(), DeviceCommand.Open.class);
    LocalCodec.register(vertx.eventBus(), CommandResult.class);

    await(vertx.deployVerticle(new BoothGpioVerticle(estate, TIMING, DoorTimings.fromFile(estate), listener, metrics)));

    for (String device : List.of("door-1", "reader-1", "facp")) {
      assertFalse(listener.online.get(device), device);
      assertTrue(listener.events.stream().anyMatch(e -> e.device().equals(device)
          && e.kind().equals(EventKinds.DEVICE_ALARM) && "GPIO_UNAVAILABLE".equals(e.payload().getString("type"))));
    }
    Throwable failure = vertx.eventBus()
        .request(Addresses.deviceCommandsOf(EstateConfig.GPIO_DOOR), new DeviceCommand.Open("door-1", 5000, "remote"))
        .toCompletionStage().toCompletableFuture().handle((r, e) -> e).get(10, TimeUnit.SECONDS);
    assertEquals(CommandFailures.LINK_DOWN, assertInstanceOf(ReplyException.class, failure).failureCode());
    assertEquals(0.0, metrics.get("doorstep.gpio.available").gauge().value());
  }

  @Test
  void givenNoBoothDevices_thenNothingIsTouched() throws Exception {
    EstateConfig estate = new EstateConfig("test", "Test", List.of(), List.of(), List.of());
    await(vertx.deployVerticle(new BoothGpioVerticle(estate, TIMING, DoorTimings.fromFile(estate), listener, metrics)));
    assertTrue(listener.events.isEmpty());
    assertTrue(metrics.find("doorstep.gpio.available").gauges().isEmpty());
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static final class Recorder implements DeviceListener {
    final List<DeviceEvent> events = new CopyOnWriteArrayList<>();
    final Map<String, Boolean> online = new ConcurrentHashMap<>();

    @Override
    public Future<AccessDecision> decide(AccessRequest request) {
      return Future.failedFuture("not in this test");
    }

    @Override
    public Future<Void> offlinePassages(String device, List<PassageRecord> records, String sourceMsgId) {
      return Future.failedFuture("not in this test");
    }

    @Override
    public void presence(String device, boolean isOnline, JsonObject facts) {
      online.put(device, isOnline);
    }

    @Override
    public void heartbeat(String device, JsonObject facts) {
      online.put(device, true);
    }

    @Override
    public void event(DeviceEvent event) {
      events.add(event);
    }
  }
}
