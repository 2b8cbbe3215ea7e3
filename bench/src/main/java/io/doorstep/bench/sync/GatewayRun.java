package io.doorstep.bench.sync;

import io.doorstep.gateway.bus.BusCodecs;
import io.doorstep.gateway.access.BuildingScope;
import io.doorstep.gateway.bus.BusDeviceListener;
import io.doorstep.gateway.config.EstateConfig;
import io.doorstep.gateway.config.GatewayConfig;
import io.doorstep.gateway.devices.DeviceCommandRouter;
import io.doorstep.gateway.devices.DeviceRegistry;
import io.doorstep.gateway.devices.TerminalLinkVerticle;
import io.doorstep.gateway.events.EventLogVerticle;
import io.doorstep.gateway.store.PersonRecord;
import io.doorstep.gateway.store.Store;
import io.doorstep.gateway.sync.PersonSyncVerticle;
import io.doorstep.gateway.sync.SyncStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * The gateway's side of a full sync: the parts the person sync works with, wired as the gateway
 * wires them, on a fresh database holding the residents. Timed from deploying them to the sync
 * reporting the terminal in sync: reading and fingerprinting every photo, planning, reading
 * each photo again to send it, the broker, the terminal's acks and the commits included.
 */
final class GatewayRun {
  private static final Duration PATIENCE = Duration.ofMinutes(15);

  private GatewayRun() {}

  record Result(Duration elapsed, SyncStatus status) {}

  /** @param terminalCount what the terminal holds, to wait until it holds everyone */
  static Result run(String brokerUrl, List<PersonRecord> persons, BenchFaces faces, IntSupplier terminalCount)
      throws Exception {
    Path dir = Files.createTempDirectory("doorstep-sync-bench-");
    // The gateway's own pool sizes, so that the figure is what a Pi-sized gateway does.
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(Math.min(4, Runtime.getRuntime().availableProcessors()))
        .setWorkerPoolSize(4).setInternalBlockingPoolSize(4));
    BusCodecs.registerAll(vertx.eventBus());
    Store store = Store.open(vertx, dir.resolve("doorstep.db"));
    try {
      await(store.upsertPersons(persons));
      EstateConfig estate = BenchEstate.estate();
      SimpleMeterRegistry metrics = new SimpleMeterRegistry();
      DeviceRegistry registry = new DeviceRegistry(store, estate, new GatewayConfig.DeviceTiming(30, 3), metrics);
      PersonSyncVerticle sync =
          new PersonSyncVerticle(store, estate, new BuildingScope(estate), faces, registry, metrics);
      GatewayConfig.BrokerConfig broker =
          new GatewayConfig.BrokerConfig(brokerUrl, "doorstep-sync-bench", null, null, "127.0.0.1", 0);

      long start = System.nanoTime();
      await(vertx.deployVerticle(new EventLogVerticle(store, metrics))
          .compose(id -> vertx.deployVerticle(registry))
          .compose(id -> vertx.deployVerticle(new DeviceCommandRouter(estate)))
          .compose(id -> vertx.deployVerticle(sync))
          .compose(id -> vertx.deployVerticle(
              new TerminalLinkVerticle(broker, estate, new BusDeviceListener(vertx.eventBus()), metrics))));
      long deadline = start + PATIENCE.toNanos();
      while (!done(sync, persons.size(), terminalCount)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("no full sync within " + PATIENCE.toMinutes() + " min: "
              + sync.status(BenchEstate.DEVICE).map(SyncStatus::toJson).orElse(null));
        }
        Thread.sleep(5);
      }
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      return new Result(elapsed, sync.status(BenchEstate.DEVICE).orElseThrow());
    } finally {
      await(vertx.close());
      store.close();
    }
  }

  private static boolean done(PersonSyncVerticle sync, int persons, IntSupplier terminalCount) {
    return sync.status(BenchEstate.DEVICE).map(s -> s.inSync() && s.held() == persons).orElse(false)
        && terminalCount.getAsInt() == persons;
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

}
