package io.doorstep.gateway.sync;

import static io.doorstep.gateway.sync.SyncTesting.GATE_IN;
import static io.doorstep.gateway.sync.SyncTesting.GATE_OUT;
import static io.doorstep.gateway.sync.SyncTesting.UNIT1;
import static io.doorstep.gateway.sync.SyncTesting.UNIT2;
import static io.doorstep.gateway.sync.SyncTesting.await;
import static io.doorstep.gateway.sync.SyncTesting.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.device.DeviceEvent;
import io.doorstep.device.EventKinds;
import io.doorstep.gateway.access.BuildingScope;
import io.doorstep.gateway.bus.Addresses;
import io.doorstep.gateway.bus.LocalCodec;
import io.doorstep.gateway.bus.PersonsChanged;
import io.doorstep.gateway.bus.Presence;
import io.doorstep.gateway.devices.DeviceStatus;
import io.doorstep.gateway.store.PersonRecord;
import io.doorstep.gateway.store.Store;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sync's decisions against terminals faked in memory: fast and exact. The same behaviour
 * against the simulator and a real broker is in {@code SyncEndToEndTest}.
 */
class SyncLogicTest {
  private static final SyncOptions OPTIONS = SyncOptions.defaults()
      .withRetry(Duration.ofMillis(5), Duration.ofMillis(40))
      .withRecheckEvery(Duration.ofMillis(100));

  @TempDir Path dir;
  private Vertx vertx;
  private Store store;
  private final FakeFacePhotos photos = new FakeFacePhotos();
  private final FakeTerminals terminals = new FakeTerminals();
  private final List<DeviceEvent> events = new CopyOnWriteArrayList<>();
  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  private PersonSyncVerticle sync;

  @BeforeEach
  void open() throws Exception {
    vertx = Vertx.vertx();
    LocalCodec.register(vertx.eventBus(), PersonsChanged.class);
    LocalCodec.register(vertx.eventBus(), DeviceEvent.class);
    LocalCodec.register(vertx.eventBus(), Presence.class);
    LocalCodec.register(vertx.eventBus(), DeviceStatus.class);
    vertx.eventBus().<DeviceEvent>consumer(Addresses.EVENT_RECORD, m -> events.add(m.body()));
    store = Store.open(vertx, dir.resolve("doorstep.db"));
  }

  @AfterEach
  void close() {
    await(vertx.close());
    store.close();
  }

  @Test
  void givenAFaceTooLargeForAnyMessageThenItIsReportedAndNeverSent() {
    List<PersonRecord> persons = SyncTesting.residents("R", "B01", 3);
    seed(persons);
    photos.put("R0001", FakeFacePhotos.jpeg("R0001", 1, 3 * 1024 * 1024 + 512 * 1024));
    start();

    untilInSync(GATE_IN);
    assertEquals(Set.of("R0000", "R0002"), terminals.terminal(GATE_IN).ids());
    assertEquals(0, terminals.terminal(GATE_IN).timesSent("R0001"));
    assertEquals(List.of(new SyncStatus.FailedPerson("R0001", "TOO_LARGE")), status(GATE_IN).failed());
    assertTrue(refusedInEvents(GATE_IN).contains("R0001:TOO_LARGE"));
  }

  @Test
  void givenATerminalRefusingLargeMessagesThenTheSyncSplitsThemUntilTheyFit() {
    seed(SyncTesting.residents("R", "B01", 60));
    terminals.terminal(GATE_IN).refuseMessagesOver(7);
    start();

    untilInSync(GATE_IN);
    assertEquals(60, terminals.terminal(GATE_IN).ids().size());
    assertTrue(status(GATE_IN).failed().isEmpty());
  }

  @Test
  void givenATerminalThatNeverAnswersThenItIsRetriedAndReportedOnceWhileTheOthersSync() {
    seed(SyncTesting.residents("R", "B01", 80));
    terminals.terminal(GATE_OUT).silent(true);
    start();

    until("gate-out is retried several times", () -> terminals.terminal(GATE_OUT).commands() >= 5);
    for (String device : List.of(GATE_IN, UNIT1, UNIT2)) {
      untilInSync(device);
    }
    assertEquals(80, terminals.terminal(GATE_IN).ids().size());
    SyncStatus stuck = status(GATE_OUT);
    assertFalse(stuck.inSync());
    assertEquals("DEVICE_TIMEOUT", stuck.lastError());
    assertTrue(stuck.attempts() >= 4, "attempts counted: " + stuck.attempts());
    assertEquals(80, stuck.pending());
    assertEquals(1, events(GATE_OUT, "terminal").size(), "reported once, not on every retry");
    assertEquals("DEVICE_TIMEOUT", events(GATE_OUT, "terminal").get(0).payload().getString("error"));

    terminals.terminal(GATE_OUT).silent(false);
    untilInSync(GATE_OUT);
    assertEquals(80, terminals.terminal(GATE_OUT).ids().size());
    assertNull(status(GATE_OUT).lastError());
    assertEquals(0, status(GATE_OUT).attempts());
  }

  @Test
  void givenRefusedPersonsThenTheyAreNotSentAgainUntilTheirDataChanges() {
    List<PersonRecord> persons = SyncTesting.residents("R", "B01", 3);
    seed(persons);
    photos.put("R0001", FakeFacePhotos.png("R0001"));
    start();
    untilInSync(GATE_IN);
    assertEquals(List.of(new SyncStatus.FailedPerson("R0001", "BAD_IMAGE")), status(GATE_IN).failed());
    assertEquals(1, terminals.terminal(GATE_IN).timesSent("R0001"));

    // Everything is read again and a neighbour changes: R0001 would travel in the same message.
    await(store.upsertPersons(List.of(SyncTesting.renamed(persons.get(2), "新名字"))));
    publish(PersonsChanged.all());
    until("the rename arrived", () -> "新名字".equals(name(GATE_IN, "R0002")));
    untilInSync(GATE_IN);
    assertEquals(1, terminals.terminal(GATE_IN).timesSent("R0001"));

    photos.put("R0001", FakeFacePhotos.jpeg("R0001", 2, 100));
    publish(PersonsChanged.of(Set.of("R0001")));
    until("the fixed photo arrived", () -> terminals.terminal(GATE_IN).ids().contains("R0001"));
    untilInSync(GATE_IN);
    assertTrue(status(GATE_IN).failed().isEmpty());
  }

  @Test
  void givenAFullListThenRefusedPersonsGetInOnceDeletionsMakeRoom() {
    List<PersonRecord> persons = SyncTesting.residents("R", "B01", 8);
    seed(persons);
    terminals.terminal(UNIT1).capacity(5);
    start();
    untilInSync(UNIT1);
    assertEquals(3, status(UNIT1).failed().size());
    assertTrue(status(UNIT1).failed().stream().allMatch(f -> f.error().equals("LIST_FULL")));

    removePersons("R0000", "R0001", "R0002");
    until("the refused persons are in", () -> terminals.terminal(UNIT1).ids().equals(
        Set.of("R0003", "R0004", "R0005", "R0006", "R0007")));
    untilInSync(UNIT1);
    assertTrue(status(UNIT1).failed().isEmpty());
  }

  @Test
  void givenAHeartbeatCountBelowWhatTheGatewayBelievesThenTheWholeListIsSentAgain() {
    seed(SyncTesting.residents("R", "B01", 30));
    start();
    untilInSync(UNIT1);
    int commandsBefore = terminals.terminal(UNIT1).commands();

    heartbeat(UNIT1, 30);
    terminals.terminal(UNIT1).clear();
    heartbeat(UNIT1, 0);

    until("the list is back", () -> terminals.terminal(UNIT1).ids().size() == 30);
    untilInSync(UNIT1);
    assertTrue(terminals.terminal(UNIT1).commands() > commandsBefore);
    assertEquals(30, status(UNIT1).held());
  }

  @Test
  void theStatusAndMetricsTellWhatIsLeft() {
    seed(SyncTesting.residents("R", "B02", 5));
    photos.put("R0003", FakeFacePhotos.png("R0003"));
    start();
    untilInSync(UNIT2);
    untilInSync(UNIT1);
    assertEquals(0, status(UNIT1).held(), "building 2's residents are not at building 1's door");
    assertEquals(4, status(UNIT2).held());
    assertEquals(0.0, metrics.get("doorstep.sync.pending").tag("device", UNIT2).gauge().value());
    assertEquals(1.0, metrics.get("doorstep.sync.persons.refused").tag("device", UNIT2).gauge().value());
    assertTrue(metrics.get("doorstep.sync.failures").tag("device", UNIT2).tag("error", "BAD_IMAGE").counter().count() >= 1);
    JsonObject json = status(UNIT2).toJson();
    assertEquals("IN_SYNC", json.getString("state"));
    assertEquals("R0003", json.getJsonArray("failed").getJsonObject(0).getString("personId"));
  }

  @Test
  void aPersonsStateAtEachTerminalSaysHeldRefusedOrWaiting() {
    seed(SyncTesting.residents("R", "B02", 3));
    photos.put("R0001", FakeFacePhotos.png("R0001"));
    start();
    untilInSync(UNIT2);

    List<PersonSyncState> held = await(sync.personStates("R0000"));
    assertTrue(held.stream().anyMatch(s -> s.device().equals(UNIT2) && s.state() == PersonSyncState.State.OK), held.toString());
    assertTrue(held.stream().noneMatch(s -> s.device().equals(UNIT1)), "building 2's resident is not due at building 1");
    PersonSyncState refused = await(sync.personStates("R0001")).stream()
        .filter(s -> s.device().equals(UNIT2)).findFirst().orElseThrow();
    assertEquals(PersonSyncState.State.FAILED, refused.state());
    assertEquals("BAD_IMAGE", refused.error());

    terminals.terminal(UNIT2).silent(true);
    photos.put("R0001", FakeFacePhotos.jpeg("R0001", 2, 100));
    publish(PersonsChanged.of(Set.of("R0001")));
    until("the new photo waits for the silent terminal", () -> await(sync.personStates("R0001")).stream()
        .anyMatch(s -> s.device().equals(UNIT2) && s.state() == PersonSyncState.State.PENDING));
  }

  // ---- helpers ----

  private void seed(List<PersonRecord> persons) {
    await(store.upsertPersons(persons));
    persons.forEach(p -> photos.put(p.id(), FakeFacePhotos.jpeg(p.id(), 1, 200)));
  }

  private void start() {
    sync = new PersonSyncVerticle(store, SyncTesting.estate(), new BuildingScope(SyncTesting.estate()), photos,
        device -> true, metrics, OPTIONS, terminals);
    await(vertx.deployVerticle(sync));
  }

  private void publish(PersonsChanged change) {
    vertx.eventBus().publish(Addresses.PERSONS_CHANGED, change);
  }

  private void heartbeat(String device, int persons) {
    // As the device registry publishes it once it has taken the heartbeat into account.
    vertx.eventBus().publish(Addresses.DEVICE_HEARTBEAT, new Presence(device, Presence.State.ALIVE,
        new JsonObject().put("persons", persons), System.currentTimeMillis()));
  }

  private void removePersons(String... ids) {
    await(store.<Void>write(c -> {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM persons WHERE id = ?")) {
        for (String id : ids) {
          ps.setString(1, id);
          ps.executeUpdate();
        }
      }
      return null;
    }));
    publish(PersonsChanged.of(Set.of(ids)));
  }

  private SyncStatus status(String device) {
    return sync.status(device).orElseThrow();
  }

  private void untilInSync(String device) {
    until(device + " is in sync", () -> sync.status(device).map(SyncStatus::inSync).orElse(false));
  }

  private String name(String device, String personId) {
    var p = terminals.terminal(device).person(personId);
    return p == null ? null : p.name();
  }

  private List<DeviceEvent> events(String device, String scope) {
    return events.stream()
        .filter(e -> e.kind().equals(EventKinds.SYNC_FAILED) && e.device().equals(device)
            && scope.equals(e.payload().getString("scope")))
        .toList();
  }

  private Set<String> refusedInEvents(String device) {
    List<String> out = new ArrayList<>();
    for (DeviceEvent e : events(device, "persons")) {
      e.payload().getJsonArray("persons").forEach(o -> {
        JsonObject p = (JsonObject) o;
        out.add(p.getString("personId") + ":" + p.getString("error"));
      });
    }
    return out.stream().collect(Collectors.toSet());
  }
}
