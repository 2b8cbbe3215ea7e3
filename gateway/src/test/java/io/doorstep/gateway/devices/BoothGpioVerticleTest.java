package io.doorstep.gateway.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.pi4j.Pi4J;
import com.pi4j.boardinfo.util.BoardInfoHelper;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import io.doorstep.device.AccessDecision;
import io.doorstep.device.AccessRequest;
import io.doorstep.device.CommandResult;
import io.doorstep.device.DeviceCommand;
import io.doorstep.device.DeviceEvent;
import io.doorstep.device.DeviceListener;
import io.doorstep.device.EventKinds;
import io.doorstep.device.PassageRecord;
import io.doorstep.drivers.gpio.internal.PinBank;
import io.doorstep.gateway.bus.Addresses;
import io.doorstep.gateway.bus.BusCodecs;
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
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway on a machine without GPIO (this one): booth devices offline with an alarm, everything
 * else runs; and on Pi4J's mock pins, the booth's devices following the live estate.
 */
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

  @Test
  void givenASirenAndADoorAddedOnTheConsole_thenTheyAreServedLive_andARemovalReleasesThePin() throws Exception {
    List<com.pi4j.context.Context> boards = new CopyOnWriteArrayList<>();
    Callable<com.pi4j.context.Context> mockBoard = () -> {
      com.pi4j.context.Context board = Pi4J.newContextBuilder()
          .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance()).build();
      boards.add(board);
      return board;
    };
    EstateConfig.Door p1 = new EstateConfig.Door("P1", "岗亭门", "pedestrian-gate", null, null, List.of());
    EstateConfig.Device facp = new EstateConfig.Device("facp", EstateConfig.FIRE_PANEL, null, EstateConfig.GPIO, null,
        Map.of("contact", 4));
    EstateConfig.Device door = new EstateConfig.Device("door-1", EstateConfig.GPIO_DOOR, null, EstateConfig.GPIO, "P1",
        Map.of("relay", 17, "contact", 5, "exit", 12));
    EstateConfig.Device siren = new EstateConfig.Device("siren", EstateConfig.SIREN, null, EstateConfig.GPIO, null,
        Map.of("output", 26));
    BusCodecs.registerAll(vertx.eventBus());
    EstateConfig started = estate(List.of(p1), facp);
    await(vertx.deployVerticle(new BoothGpioVerticle(started, TIMING, DoorTimings.fromFile(started), listener, metrics,
        mockBoard)));
    assertEquals(1, boards.size());
    assertEquals(CommandFailures.INVALID, failureOf(new DeviceCommand.Open("siren", 60_000, "test")));

    vertx.eventBus().publish(Addresses.ESTATE_CHANGED, estate(List.of(p1), facp, door, siren));
    until("the added siren sounds", () -> answered(new DeviceCommand.Open("siren", 60_000, "test")));
    com.pi4j.context.Context withSiren = boards.get(boards.size() - 1);
    assertTrue(high(withSiren, 26), "the siren's output is driven");
    assertTrue(answered(new DeviceCommand.Open("door-1", 60_000, "test")));
    assertTrue(high(withSiren, 17), "the added door's lock relay is released");
    assertTrue(boards.get(0).isShutdown(), "the first layout's pins are released");
    assertTrue(listener.online.get("door-1") && listener.online.get("siren") && listener.online.get("facp"));
    assertEquals(List.of("facp online", "facp offline", "facp online"), listener.presences.stream()
        .filter(p -> p.startsWith("facp")).toList(), "the board's devices restart for a moment");

    vertx.eventBus().publish(Addresses.ESTATE_CHANGED, estate(List.of(p1), facp, door));
    until("the removed siren is no longer served",
        () -> failureOf(new DeviceCommand.Open("siren", 1000, "test")) == CommandFailures.INVALID);
    assertTrue(withSiren.isShutdown(), "the board that served the siren is closed");
    com.pi4j.context.Context now = boards.get(boards.size() - 1);
    assertFalse(now.registry().exists(PinBank.id(26)), "the siren's pin is free");
    assertTrue(now.registry().exists(PinBank.id(17)), "the door kept is served");
    assertTrue(answered(new DeviceCommand.Open("door-1", 60_000, "test")));

    // A door timing changed on the console is no new layout: a later estate change that leaves the
    // booth's devices as they are does not restart the board.
    EstateConfig kept = estate(List.of(p1), facp, door);
    vertx.eventBus().publish(Addresses.DOOR_TIMINGS_CHANGED,
        DoorTimings.of(kept, Map.of("P1", Map.of("heldOpenMs", 60_000))));
    vertx.eventBus().publish(Addresses.ESTATE_CHANGED, kept);
    assertTrue(answered(new DeviceCommand.Open("door-1", 1000, "test")), "the board did not restart");
    assertEquals(now, boards.get(boards.size() - 1));
    assertFalse(now.isShutdown());

    vertx.eventBus().publish(Addresses.ESTATE_CHANGED, estate(List.of(p1)));
    until("the last board is closed", now::isShutdown);
    assertEquals(CommandFailures.INVALID, failureOf(new DeviceCommand.Open("door-1", 1000, "test")));
  }

  private static EstateConfig estate(List<EstateConfig.Door> doors, EstateConfig.Device... devices) {
    return new EstateConfig("test", "Test", List.of(), doors, List.of(devices));
  }

  private static boolean high(com.pi4j.context.Context board, int bcm) {
    return board.registry().get(PinBank.id(bcm), DigitalOutput.class).state().isHigh();
  }

  private boolean answered(DeviceCommand command) throws Exception {
    return failureOf(command) == 0;
  }

  /** The command's failure code; 0 when it was carried out. */
  private int failureOf(DeviceCommand command) throws Exception {
    String type = command.device().startsWith("siren") ? EstateConfig.SIREN : EstateConfig.GPIO_DOOR;
    Throwable failure = vertx.eventBus().request(Addresses.deviceCommandsOf(type), command)
        .toCompletionStage().toCompletableFuture().handle((r, e) -> e).get(10, TimeUnit.SECONDS);
    return failure == null ? 0 : assertInstanceOf(ReplyException.class, failure).failureCode();
  }

  private static void until(String what, Callable<Boolean> condition) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.call()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 20 s: " + what);
      }
      Thread.sleep(50);
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static final class Recorder implements DeviceListener {
    final List<DeviceEvent> events = new CopyOnWriteArrayList<>();
    final Map<String, Boolean> online = new ConcurrentHashMap<>();
    final List<String> presences = new CopyOnWriteArrayList<>();

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
      presences.add(device + (isOnline ? " online" : " offline"));
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
