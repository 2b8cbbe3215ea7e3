package io.doorstep.gateway.sync;

import io.doorstep.gateway.bus.BusCodecs;
import static io.doorstep.gateway.sync.SyncTesting.await;

import io.doorstep.gateway.access.BuildingScope;
import io.doorstep.gateway.bus.Addresses;
import io.doorstep.gateway.bus.BusDeviceListener;
import io.doorstep.gateway.bus.PersonsChanged;
import io.doorstep.gateway.config.EstateConfig;
import io.doorstep.gateway.config.GatewayConfig;
import io.doorstep.gateway.devices.DeviceCommandRouter;
import io.doorstep.gateway.devices.DeviceRegistry;
import io.doorstep.gateway.devices.TerminalLinkVerticle;
import io.doorstep.gateway.events.EventLogVerticle;
import io.doorstep.gateway.people.FacePhotos;
import io.doorstep.gateway.store.PersonRecord;
import io.doorstep.gateway.store.Store;
import io.doorstep.gateway.store.StoredEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Set;

/**
 * The gateway's parts that person sync works with, wired as the gateway wires them, on a real
 * broker and a real SQLite file: event log, device registry, command router, the terminal link
 * and the sync, with photos from the test. Built here rather than through {@code Gateway} so
 * that the test chooses the photos and the sync's pace.
 */
final class SyncRig implements AutoCloseable {
  static final int HEARTBEAT_S = 1;

  final Vertx vertx;
  final Store store;
  final PersonSyncVerticle sync;

  private SyncRig(Vertx vertx, Store store, PersonSyncVerticle sync) {
    this.vertx = vertx;
    this.store = store;
    this.sync = sync;
  }

  /** Seeds the persons (as an import would have) and starts on {@code dataDir}'s database. */
  static SyncRig start(String brokerUrl, Path dataDir, List<PersonRecord> persons, FacePhotos photos,
      SyncOptions options) throws Exception {
    Vertx vertx = Vertx.vertx();
    BusCodecs.registerAll(vertx.eventBus());
    Store store = Store.open(vertx, dataDir.resolve("doorstep.db"));
    await(store.upsertPersons(persons));
    EstateConfig estate = SyncTesting.estate();
    SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    DeviceRegistry registry = new DeviceRegistry(store, estate, new GatewayConfig.DeviceTiming(HEARTBEAT_S, 3), metrics);
    GatewayConfig.BrokerConfig broker =
        new GatewayConfig.BrokerConfig(brokerUrl, "doorstep-sync-test", null, null, "127.0.0.1", 0);
    PersonSyncVerticle sync =
        new PersonSyncVerticle(store, estate, new BuildingScope(estate), photos, registry, metrics, options);
    await(vertx.deployVerticle(new EventLogVerticle(store, metrics))
        .compose(id -> vertx.deployVerticle(registry))
        .compose(id -> vertx.deployVerticle(new DeviceCommandRouter(estate)))
        .compose(id -> vertx.deployVerticle(sync))
        .compose(id -> vertx.deployVerticle(
            new TerminalLinkVerticle(broker, estate, new BusDeviceListener(vertx.eventBus()), metrics))));
    return new SyncRig(vertx, store, sync);
  }

  void changed(Set<String> personIds) {
    vertx.eventBus().publish(Addresses.PERSONS_CHANGED, PersonsChanged.of(personIds));
  }

  void upsert(PersonRecord... persons) {
    await(store.upsertPersons(List.of(persons)));
    changed(java.util.Arrays.stream(persons).map(PersonRecord::id).collect(java.util.stream.Collectors.toSet()));
  }

  void remove(String... personIds) {
    await(store.<Void>write(c -> {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM persons WHERE id = ?")) {
        for (String id : personIds) {
          ps.setString(1, id);
          ps.executeUpdate();
        }
      }
      return null;
    }));
    changed(Set.of(personIds));
  }

  SyncStatus status(String device) {
    return sync.status(device).orElseThrow();
  }

  boolean inSync(String device) {
    return sync.status(device).map(SyncStatus::inSync).orElse(false);
  }

  List<StoredEvent> events(String kind) {
    return await(store.recentEvents(10_000, Set.of(kind)));
  }

  @Override
  public void close() {
    await(vertx.close());
    store.close();
  }

}
