package io.doorstep.gateway.sync;

import static io.doorstep.gateway.sync.SyncTesting.ALL;
import static io.doorstep.gateway.sync.SyncTesting.GATE_IN_SN;
import static io.doorstep.gateway.sync.SyncTesting.GATE_OUT_SN;
import static io.doorstep.gateway.sync.SyncTesting.UNIT1_SN;
import static io.doorstep.gateway.sync.SyncTesting.UNIT2_SN;
import static io.doorstep.gateway.sync.SyncTesting.until;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.doorstep.gateway.store.PersonRecord;
import io.doorstep.sim.broker.MosquittoBroker;
import io.doorstep.sim.faceterminal.FaceTerminalSimulator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncRestartTest {
  @TempDir Path dir;

  @Test
  void aRestartedGatewayDoesNotSendAnUnchangedListAgainButSendsWhatChangedMeanwhile() throws Exception {
    List<PersonRecord> persons = new ArrayList<>(SyncTesting.residents("A", "B01", 150));
    persons.addAll(SyncTesting.residents("B", "B02", 150));
    FakeFacePhotos photos = new FakeFacePhotos();
    persons.forEach(p -> photos.put(p.id(), FakeFacePhotos.jpeg(p.id(), 1, 4096)));
    photos.put("A0007", FakeFacePhotos.png("A0007"));

    try (MosquittoBroker broker = MosquittoBroker.start();
        Terminals terminals = new Terminals(broker.url())) {
      List<String> sns = List.of(GATE_IN_SN, GATE_OUT_SN, UNIT1_SN, UNIT2_SN);
      for (String sn : sns) {
        terminals.start(sn, 10_000);
      }
      try (SyncRig first = SyncRig.start(broker.url(), dir, persons, photos, SyncOptions.defaults())) {
        until("every terminal is in sync", () -> ALL.stream().allMatch(first::inSync));
      }
      Map<String, Integer> before = counts(terminals, sns);
      Map<String, Long> beats = heartbeats(terminals, sns);

      try (SyncRig second = SyncRig.start(broker.url(), dir, List.of(), photos, SyncOptions.defaults())) {
        until("every terminal is in sync again", () -> ALL.stream().allMatch(second::inSync));
        // Two heartbeats each: their person counts were weighed against what the gateway remembers.
        until("the terminals' heartbeats were seen", () -> sns.stream()
            .allMatch(sn -> terminals.get(sn).counts().heartbeatsSent() >= beats.get(sn) + 2));
        until("every terminal is still in sync", () -> ALL.stream().allMatch(second::inSync));
        assertEquals(before, counts(terminals, sns), "not one person command after the restart");
        assertEquals(1, second.status(SyncTesting.GATE_IN).failed().size(), "the refusal is remembered");
      }

      onlyWhatChangedWhileDownGoesOut(broker, photos, terminals, sns, before);
    }
  }

  private void onlyWhatChangedWhileDownGoesOut(MosquittoBroker broker, FakeFacePhotos photos, Terminals terminals,
      List<String> sns, Map<String, Integer> before) throws Exception {
    // Seeded before the gateway starts, as an edit of the database while it was stopped.
    PersonRecord renamed = SyncTesting.renamed(SyncTesting.residents("A", "B01", 1).get(0), "改名");
    try (SyncRig third = SyncRig.start(broker.url(), dir, List.of(renamed), photos, SyncOptions.defaults())) {
      FaceTerminalSimulator unit1 = terminals.get(UNIT1_SN);
      until("the rename reached building 1's door",
          () -> unit1.person(renamed.id()).map(p -> p.name().equals("改名")).orElse(false));
      until("every terminal is in sync", () -> ALL.stream().allMatch(third::inSync));
      Map<String, Integer> after = counts(terminals, sns);
      assertEquals(before.get(UNIT1_SN) + 1, after.get(UNIT1_SN));
      assertEquals(before.get(UNIT2_SN), after.get(UNIT2_SN));
    }
  }

  private static Map<String, Integer> counts(Terminals terminals, List<String> sns) {
    Map<String, Integer> out = new HashMap<>();
    sns.forEach(sn -> out.put(sn, terminals.personCommands(sn)));
    return out;
  }

  private static Map<String, Long> heartbeats(Terminals terminals, List<String> sns) {
    Map<String, Long> out = new HashMap<>();
    sns.forEach(sn -> out.put(sn, terminals.get(sn).counts().heartbeatsSent()));
    return out;
  }
}
