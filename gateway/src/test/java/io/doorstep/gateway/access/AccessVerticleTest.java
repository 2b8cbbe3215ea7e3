package io.doorstep.gateway.access;

import static io.doorstep.gateway.access.AccessFixture.GATE;
import static io.doorstep.gateway.access.AccessFixture.GATE_2;
import static io.doorstep.gateway.access.AccessFixture.GUEST;
import static io.doorstep.gateway.access.AccessFixture.UNIT_B01;
import static io.doorstep.gateway.access.AccessFixture.at;
import static io.doorstep.gateway.access.AccessFixture.card;
import static io.doorstep.gateway.access.AccessFixture.face;
import static io.doorstep.gateway.access.AccessFixture.ms;
import static io.doorstep.gateway.access.AccessFixture.qr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.device.AccessDecision;
import io.doorstep.device.AccessRequest;
import io.doorstep.device.DeviceEvent;
import io.doorstep.device.PassageRecord;
import io.doorstep.gateway.bus.Addresses;
import io.doorstep.gateway.bus.LocalCodec;
import io.doorstep.gateway.bus.OfflinePassages;
import io.doorstep.gateway.bus.PersonsChanged;
import io.doorstep.gateway.store.Store;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The access verticle on the event bus with a real SQLite file: answers, the flood limit, and
 * what it remembers (passback, pass usage, lists) across terminal-local records and restarts.
 */
class AccessVerticleTest {
  private static final long T0 = ms("2025-01-06T08:00");

  @TempDir
  Path dir;
  private Vertx vertx;
  private Store store;
  private AccessControl access;
  private final TestClock clock = new TestClock(T0);
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  private final List<DeviceEvent> recorded = new CopyOnWriteArrayList<>();
  private final BlockingQueue<PersonsChanged> changes = new LinkedBlockingQueue<>();

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    LocalCodec.register(vertx.eventBus(), AccessRequest.class);
    LocalCodec.register(vertx.eventBus(), AccessDecision.class);
    LocalCodec.register(vertx.eventBus(), DeviceEvent.class);
    LocalCodec.register(vertx.eventBus(), OfflinePassages.class);
    LocalCodec.register(vertx.eventBus(), PersonsChanged.class);
    vertx.eventBus().<DeviceEvent>consumer(Addresses.EVENT_RECORD, m -> recorded.add(m.body()));
    vertx.eventBus().<DeviceEvent>consumer(Addresses.EVENT_STORED, m -> recorded.add(m.body()));
    vertx.eventBus().<PersonsChanged>consumer(Addresses.PERSONS_CHANGED, m -> changes.add(m.body()));
    // As an office import would have left them before the gateway started.
    try (Store seed = Store.open(vertx, dir.resolve("doorstep.db"))) {
      await(seed.upsertPersons(AccessFixture.PERSONS));
    }
    openGateway();
  }

  /** The gateway's access part on the data directory, as after a start or a restart. */
  private void openGateway() throws Exception {
    store = Store.open(vertx, dir.resolve("doorstep.db"));
    access = AccessControl.create(vertx, store, AccessFixture.estate(), dir, metrics, clock, nanos::get);
    await(vertx.deployVerticle(access.verticle()));
  }

  private void restart() throws Exception {
    await(vertx.undeploy(vertx.deploymentIDs().iterator().next()));
    store.close();
    openGateway();
  }

  @AfterEach
  void stop() throws Exception {
    await(vertx.close());
    store.close();
  }

  private AccessDecision decide(AccessRequest r) throws Exception {
    return await(vertx.eventBus().<AccessDecision>request(Addresses.ACCESS_DECIDE, r).map(Message::body));
  }

  private String reason(AccessRequest r) throws Exception {
    return decide(r).reason();
  }

  private void offline(String device, List<PassageRecord> records) throws Exception {
    await(vertx.eventBus().request(Addresses.ACCESS_OFFLINE_PASSAGES, new OfflinePassages(device, records, "m1")));
  }

  @Test
  void aFloodingTerminalIsNotAnsweredAndTheOthersAre() throws Exception {
    List<Future<Message<AccessDecision>>> flood = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      flood.add(vertx.eventBus().request(Addresses.ACCESS_DECIDE, face(GATE, "R1001", null)));
    }
    int answered = 0;
    int refused = 0;
    for (Future<Message<AccessDecision>> f : flood) {
      try {
        await(f);
        answered++;
      } catch (ExecutionException e) {
        assertEquals(AccessVerticle.RATE_LIMITED, ((ReplyException) e.getCause()).failureCode());
        refused++;
      }
    }

    assertEquals(5, answered, "the estate's verifyRateLimit");
    assertEquals(7, refused);
    assertEquals("OK", reason(face(UNIT_B01, "R1001", "in")), "another terminal is answered at once");
    assertEquals(7.0, metrics.counter("doorstep.access.verify.dropped", "device", GATE).count());
    nanos.addAndGet(1_000_000_000L);
    assertEquals("OK", reason(face(GATE, "R1001", null)), "a second later the terminal is answered again");
  }

  @Test
  void aVisitorPassIsCountedAndTheCountSurvivesARestart() throws Exception {
    String pass = await(access.passes().issue(List.of("G1-L1", "G1-L2"), T0, T0 + 3_600_000, 2, "孙先生", null, "王芳"));

    assertEquals("OK", reason(qr(GATE, pass, "in")));
    assertEquals("QR_WRONG_DOOR", reason(qr(UNIT_B01, pass, "in")));
    restart();
    assertEquals("OK", reason(qr(GATE_2, pass, "out")));
    restart();
    AccessDecision usedUp = decide(qr(GATE, pass, "in"));
    assertEquals("QR_USED_UP", usedUp.reason());
    assertEquals("二维码使用次数已用完", usedUp.voice());
    assertEquals("孙先生", await(store.read(c -> {
      try (var rs = c.createStatement().executeQuery("SELECT visitor_name FROM visitor_passes")) {
        return rs.next() ? rs.getString(1) : null;
      }
    })));
  }

  @Test
  void aRevokedPassIsRefusedFromTheNextScanAndStillAfterARestart() throws Exception {
    String pass = await(access.passes().issue(List.of("G1-L1"), T0, T0 + 3_600_000, 0, "孙先生", "R1001", "王芳"));
    String id = access.passes().read(pass).orElseThrow().id();
    assertEquals("OK", reason(qr(GATE, pass, "in")));

    VisitorPasses.Revocation revoked = await(access.passes().revoke(id, "王芳"));
    assertTrue(revoked.done());
    AccessDecision refused = decide(qr(GATE, pass, "in"));
    assertEquals("QR_REVOKED", refused.reason());
    assertEquals("二维码已作废，请联系门岗", refused.voice());
    assertFalse(await(access.passes().revoke(id, "王芳")).done(), "revoked once only");

    restart();
    assertEquals("QR_REVOKED", reason(qr(GATE, pass, "in")), "read back from the store at start");
  }

  @Test
  void terminalRecordsAreFoldedIntoPassbackInTheirOwnTimeOrder() throws Exception {
    AccessRequest in = at(face(GATE, "R1001", "in"), T0 - 120_000);
    AccessRequest out = at(face(GATE_2, "R1001", "out"), T0 - 60_000);
    AccessRequest inAgain = at(face(GATE, "R1001", "in"), T0 - 30_000);
    // Two terminals' records arrive in one batch out of order; the last real passage was "in".
    offline(GATE, List.of(new PassageRecord(inAgain, true), new PassageRecord(out, true), new PassageRecord(in, true)));

    assertEquals("PASSBACK", reason(face(GATE_2, "R1001", "in")));
    assertEquals("OK", reason(face(GATE_2, "R1001", "out")));
    clock.advance(1000);
    assertEquals("PASSBACK", reason(face(GATE, "R1001", "out")), "the live exit counts too");
    List<JsonObject> reported = recordedOffline(3);
    assertTrue(reported.stream().allMatch(p -> p.getBoolean("gatewayWouldOpen")), reported.toString());
  }

  @Test
  void aTerminalThatLetSomeoneInTwiceIsReported() throws Exception {
    offline(GATE, List.of(
        new PassageRecord(at(face(GATE, "R1001", "in"), T0 - 60_000), true),
        new PassageRecord(at(face(GATE_2, "R1001", "in"), T0 - 30_000), true)));

    List<JsonObject> reported = recordedOffline(2);
    JsonObject second = reported.stream().filter(p -> "G1-L2".equals(p.getString("door"))).findFirst().orElseThrow();
    assertEquals("PASSBACK", second.getString("reason"));
    assertFalse(second.getBoolean("gatewayWouldOpen"));
  }

  @Test
  void passbackStateSurvivesARestart() throws Exception {
    assertEquals("OK", reason(face(GATE, "R1001", "in")));
    restart();
    clock.advance(60_000);
    assertEquals("PASSBACK", reason(face(GATE_2, "R1001", "in")));
  }

  @Test
  void everyDecisionIsAnEventWithItsReasonInBothLanguages() throws Exception {
    decide(face(GATE, "R1001", "in", true, "ebike"));

    DeviceEvent event = waitForRecorded();
    JsonObject p = event.payload();
    assertEquals("EBIKE_NOT_ALLOWED", p.getString("reason"));
    assertEquals("电动车请走非机动车通道", p.getString("voice"));
    assertEquals("电动车请走非机动车通道", p.getString("text"));
    assertEquals("E-bikes please use the e-bike gate", p.getString("textEn"));
    assertEquals("南门 1号通道", p.getString("doorName"));
  }

  @Test
  void groupsAndBlocksChangedAtRunTimeApplyAtOnceAndAreAnnounced() throws Exception {
    assertEquals("NOT_IN_GROUP", reason(face(UNIT_B01, GUEST.id(), "in")));
    await(access.lists().join(GUEST.id(), "night-guards"));
    assertEquals(PersonsChanged.of(java.util.Set.of(GUEST.id())), changes.take());
    assertTrue(access.scope().mayUse(GUEST, UNIT_B01), "the scope already knows when the change is announced");
    clock.set(ms("2025-01-06T23:00"));
    assertEquals("OK", reason(face(UNIT_B01, GUEST.id(), "in")));

    await(access.lists().blockCard("04a1b2c3", "lost", 0));
    assertEquals(PersonsChanged.of(java.util.Set.of("R1001")), changes.take(), "the card's owner's lists change");
    assertEquals("BLOCKED", reason(card(GATE, "04A1B2C3", "in")));
    assertEquals("OK", reason(face(GATE, "R1001", "in")));
    await(access.lists().unblock(Blocklist.Kind.CARD, "04A1B2C3"));
    changes.take();
    assertEquals("OK", reason(card(UNIT_B01, "04A1B2C3", "in")));

    Throwable unknownGroup = failure(access.lists().join(GUEST.id(), "household"));
    assertInstanceOf(IllegalArgumentException.class, unknownGroup);
    assertInstanceOf(IllegalArgumentException.class, failure(access.lists().join("R9999", "night-guards")));
  }

  @Test
  void theEndOfABlockIsAnnouncedSoTheTerminalsTakeThePersonBack() throws Exception {
    await(access.lists().blockPerson("R1001", "arrears", clock.millis() + 1));
    assertEquals(PersonsChanged.of(java.util.Set.of("R1001")), changes.take());
    assertEquals("BLOCKED", reason(face(GATE, "R1001", "in")));

    clock.advance(1000);
    assertEquals(PersonsChanged.of(java.util.Set.of("R1001")), changes.poll(30, TimeUnit.SECONDS));
    assertTrue(access.scope().mayUse(AccessFixture.ZHANG, GATE));
  }

  /** The stored passages terminals decided alone, once there are {@code count} of them. */
  private List<JsonObject> recordedOffline(int count) throws InterruptedException {
    List<JsonObject> found = List.of();
    for (int i = 0; i < 3000 && found.size() < count; i++) {
      Thread.sleep(10);
      found = recorded.stream().filter(e -> e.kind().equals(io.doorstep.device.EventKinds.OFFLINE_PASSAGE))
          .map(DeviceEvent::payload).toList();
    }
    assertEquals(count, found.size(), found.toString());
    return found;
  }

  private DeviceEvent waitForRecorded() throws InterruptedException {
    for (int i = 0; i < 3000 && recorded.isEmpty(); i++) {
      Thread.sleep(10);
    }
    return recorded.get(0);
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private static Throwable failure(Future<?> future) throws Exception {
    try {
      await(future);
    } catch (ExecutionException e) {
      return e.getCause();
    }
    throw new AssertionError("expected a failure");
  }

  /** Wall time the test moves by hand. */
  private static final class TestClock extends Clock {
    private final AtomicLong ms;

    TestClock(long ms) {
      this.ms = new AtomicLong(ms);
    }

    void advance(long by) {
      ms.addAndGet(by);
    }

    void set(long to) {
      ms.set(to);
    }

    @Override
    public long millis() {
      return ms.get();
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(ms.get());
    }

    @Override
    public ZoneId getZone() {
      return AccessFixture.ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
