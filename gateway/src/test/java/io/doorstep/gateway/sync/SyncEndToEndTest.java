package io.doorstep.gateway.sync;

import static io.doorstep.gateway.sync.SyncTesting.ALL;
import static io.doorstep.gateway.sync.SyncTesting.GATE_IN;
import static io.doorstep.gateway.sync.SyncTesting.GATE_IN_SN;
import static io.doorstep.gateway.sync.SyncTesting.GATE_OUT;
import static io.doorstep.gateway.sync.SyncTesting.GATE_OUT_SN;
import static io.doorstep.gateway.sync.SyncTesting.UNIT1;
import static io.doorstep.gateway.sync.SyncTesting.UNIT1_SN;
import static io.doorstep.gateway.sync.SyncTesting.UNIT2;
import static io.doorstep.gateway.sync.SyncTesting.UNIT2_SN;
import static io.doorstep.gateway.sync.SyncTesting.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.gateway.store.PersonRecord;
import io.doorstep.sim.broker.MosquittoBroker;
import io.doorstep.sim.faceterminal.FaceTerminalSimulator;
import io.doorstep.sim.faceterminal.Person;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Person sync through a real Mosquitto to simulated terminals: two gate lanes that everyone
 * uses and a unit door in each of two buildings. Each test touches its own persons.
 */
class SyncEndToEndTest {
  private static final SyncOptions OPTIONS = SyncOptions.defaults()
      .withRetry(Duration.ofMillis(200), Duration.ofSeconds(2))
      .withRecheckEvery(Duration.ofMillis(250));
  private static final Map<String, String> SN = Map.of(GATE_IN, GATE_IN_SN, GATE_OUT, GATE_OUT_SN,
      UNIT1, UNIT1_SN, UNIT2, UNIT2_SN);

  @TempDir static Path dir;
  static MosquittoBroker broker;
  static Terminals terminals;
  static SyncRig rig;
  static final FakeFacePhotos photos = new FakeFacePhotos();
  static final List<PersonRecord> b01 = SyncTesting.residents("A", "B01", 20);
  static final List<PersonRecord> b02 = SyncTesting.residents("B", "B02", 20);

  @BeforeAll
  static void start() throws Exception {
    broker = MosquittoBroker.start();
    terminals = new Terminals(broker.url());
    for (String sn : SN.values()) {
      terminals.start(sn, 10_000);
    }
    List<PersonRecord> everyone = new ArrayList<>(b01);
    everyone.addAll(b02);
    everyone.forEach(p -> photos.put(p.id(), FakeFacePhotos.jpeg(p.id(), 1, 2048)));
    rig = SyncRig.start(broker.url(), dir, everyone, photos, OPTIONS);
    untilAllInSync();
    assertEquals(40, sim(GATE_IN).personCount());
    assertEquals(20, sim(UNIT1).personCount());
  }

  @AfterAll
  static void stop() {
    rig.close();
    terminals.close();
    broker.close();
  }

  @Test
  void theTerminalsHoldWhatThePersonsTableSays() {
    PersonRecord p = b01.get(0);
    Person held = sim(UNIT1).person(p.id()).orElseThrow();
    assertEquals(p.name(), held.name());
    assertEquals(p.cards(), held.cards());
    assertTrue(held.hasFace());
    assertTrue(sim(UNIT2).person(p.id()).isEmpty(), "building 1's resident is not at building 2's door");
  }

  @Test
  void aChangeReachesEveryTerminalWhereThePersonBelongsAndNoOther() {
    Map<String, Integer> before = commandCounts();
    PersonRecord p = b01.get(3);
    rig.upsert(SyncTesting.renamed(p, "王五"));

    for (String device : List.of(GATE_IN, GATE_OUT, UNIT1)) {
      until(device + " has the new name", () -> name(device, p.id()).filter("王五"::equals).isPresent());
    }
    untilAllInSync();
    assertEquals(before.get(UNIT2), commandCounts().get(UNIT2), "building 2's door was not bothered");
    for (String device : List.of(GATE_IN, GATE_OUT, UNIT1)) {
      assertEquals(before.get(device) + 1, commandCounts().get(device), device + " got one message");
    }
  }

  @Test
  void aPersonWhoMovesLeavesTheOldDoorAndReachesTheNewOne() {
    Map<String, Integer> before = commandCounts();
    PersonRecord p = b01.get(4);
    rig.upsert(SyncTesting.movedTo(p, "B02-U1-502"));

    until("the new door has them", () -> sim(UNIT2).person(p.id()).isPresent());
    until("the old door dropped them", () -> sim(UNIT1).person(p.id()).isEmpty());
    untilAllInSync();
    assertEquals(before.get(GATE_IN), commandCounts().get(GATE_IN), "the gates' entry did not change");
    assertTrue(sim(GATE_IN).person(p.id()).isPresent());
  }

  @Test
  void aRemovedOrExpiredPersonIsDeletedFromEveryTerminal() {
    PersonRecord removed = b02.get(5);
    PersonRecord expired = b02.get(6);
    PersonRecord expiring = b02.get(7);
    rig.remove(removed.id());
    rig.upsert(SyncTesting.validUntil(expired, System.currentTimeMillis() - 1_000),
        SyncTesting.validUntil(expiring, System.currentTimeMillis() + 1_500));

    for (String device : List.of(GATE_IN, GATE_OUT, UNIT2)) {
      until(device + " dropped the removed and expired persons", () -> sim(device).person(removed.id()).isEmpty()
          && sim(device).person(expired.id()).isEmpty());
      // Nobody tells the gateway when a validity ends: the periodic check finds it.
      until(device + " dropped the person whose validity ran out", () -> sim(device).person(expiring.id()).isEmpty());
    }
  }

  @Test
  void aResetTerminalGetsItsWholeListAgain() throws Exception {
    untilAllInSync();
    FaceTerminalSimulator fresh = terminals.start(GATE_OUT_SN, 10_000);
    assertEquals(0, fresh.personCount());

    until("gate-out holds the gate list again",
        () -> rig.inSync(GATE_OUT) && rig.inSync(GATE_IN) && fresh.personCount() == sim(GATE_IN).personCount());
    assertEquals(rig.status(GATE_OUT).held(), fresh.personCount());
  }

  private static FaceTerminalSimulator sim(String device) {
    return terminals.get(SN.get(device));
  }

  private static Optional<String> name(String device, String personId) {
    return sim(device).person(personId).map(Person::name);
  }

  private static Map<String, Integer> commandCounts() {
    return Map.of(GATE_IN, terminals.personCommands(GATE_IN_SN), GATE_OUT, terminals.personCommands(GATE_OUT_SN),
        UNIT1, terminals.personCommands(UNIT1_SN), UNIT2, terminals.personCommands(UNIT2_SN));
  }

  private static void untilAllInSync() {
    until("every terminal is in sync", () -> ALL.stream().allMatch(rig::inSync));
  }
}
