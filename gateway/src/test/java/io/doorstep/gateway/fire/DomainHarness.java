package io.doorstep.gateway.fire;

import io.doorstep.gateway.bus.BusCodecs;
import io.doorstep.device.DeviceEvent;
import io.doorstep.gateway.bus.Addresses;
import io.doorstep.gateway.config.ConfigLoader;
import io.doorstep.gateway.config.EstateConfig;
import io.doorstep.gateway.devices.DeviceStatus;
import io.doorstep.gateway.events.EventLogVerticle;
import io.doorstep.gateway.store.Store;
import io.doorstep.gateway.store.StoredEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Deployable;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The domain services on a real store and a real event log, with {@link FakeDevices} in place
 * of the drivers: exact and quick, for the rules. The end-to-end tests under {@code it/} run the
 * same services against real terminals.
 */
public final class DomainHarness implements AutoCloseable {
  /** A small estate: egress gate, unit door and fire lane; an e-bike gate that is no way out. */
  public static final String ESTATE = """
      estate: {id: test, name: Test}
      buildings:
        - {id: B01, name: 1栋, floors: 6, units: [U1]}
      doors:
        - {id: G1, name: 南门, kind: pedestrian-gate, devices: [ft-g1a, ft-g1b]}
        - {id: U1, name: 1单元, kind: unit-door, building: B01, unit: U1, devices: [ft-u1]}
        - {id: F1, name: 消防通道, kind: fire-lane, devices: [ft-f1]}
        - {id: E1, name: 电动车道, kind: ebike-gate, devices: [ft-e1]}
      devices:
        - {id: ft-g1a, type: face-terminal, sn: G1A, link: mqtt}
        - {id: ft-g1b, type: face-terminal, sn: G1B, link: mqtt}
        - {id: ft-u1, type: face-terminal, sn: U1, link: mqtt}
        - {id: ft-f1, type: face-terminal, sn: F1, link: mqtt}
        - {id: ft-e1, type: face-terminal, sn: E1, link: mqtt}
      """;
  public static final List<String> EGRESS_DEVICES = List.of("ft-g1a", "ft-g1b", "ft-u1", "ft-f1");
  public static final String NOT_EGRESS = "ft-e1";

  public final Vertx vertx;
  public final Store store;
  public final EstateConfig estate;
  public final FakeDevices devices;

  private DomainHarness(Vertx vertx, Store store, EstateConfig estate) {
    this.vertx = vertx;
    this.store = store;
    this.estate = estate;
    this.devices = new FakeDevices(vertx);
  }

  public static DomainHarness start(Path dir) throws Exception {
    Path estateFile = dir.resolve("estate.yaml");
    Files.writeString(estateFile, ESTATE);
    EstateConfig estate = ConfigLoader.loadEstate(estateFile);
    return open(dir, estate);
  }

  /** A second life on the same database: what a restart sees. */
  public DomainHarness restart(Path dir) throws Exception {
    close();
    return open(dir, estate);
  }

  private static DomainHarness open(Path dir, EstateConfig estate) throws Exception {
    Vertx vertx = Vertx.vertx();
    BusCodecs.registerAll(vertx.eventBus());
    Store store = Store.open(vertx, dir.resolve("doorstep.db"));
    DomainHarness h = new DomainHarness(vertx, store, estate);
    await(vertx.deployVerticle(new EventLogVerticle(store, new SimpleMeterRegistry())));
    return h;
  }

  public String deploy(Deployable verticle) throws Exception {
    return await(vertx.deployVerticle(verticle));
  }

  public FireService fireService(FireMode mode) {
    return new FireService(store, estate, mode, new FireTiming(20, 200, 200, 60_000));
  }

  /** As a driver reports: through the event log. */
  public void record(DeviceEvent event) {
    vertx.eventBus().send(Addresses.EVENT_RECORD, event);
  }

  public void status(String device, boolean online) {
    vertx.eventBus().publish(Addresses.DEVICE_STATUS,
        new DeviceStatus(device, "face-terminal", null, online, System.currentTimeMillis(), 0, new JsonObject()));
  }

  public <T> T request(String address, Object body) throws Exception {
    return await(vertx.eventBus().<T>request(address, body)).body();
  }

  /** The failure code of a request that must fail. */
  public ReplyException refusal(String address, Object body) throws Exception {
    try {
      request(address, body);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ReplyException r) {
        return r;
      }
      throw e;
    }
    throw new AssertionError("expected " + address + " to refuse " + body);
  }

  public List<StoredEvent> events(String kind) throws Exception {
    return await(store.recentEvents(1000, Set.of(kind)));
  }

  /** (actor, action, target) of every audit row, oldest first. */
  public List<List<String>> audit() throws Exception {
    return await(store.read(c -> {
      List<List<String>> rows = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT actor, action, target FROM audit ORDER BY seq");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(List.of(rs.getString(1), rs.getString(2), String.valueOf(rs.getString(3))));
        }
      }
      return rows;
    }));
  }

  public static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }


  @Override
  public void close() {
    devices.close();
    try {
      await(vertx.close());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      store.close();
    }
  }
}
