package io.doorstep.gateway.sync;

import static io.doorstep.gateway.sync.SyncTesting.ALL;
import static io.doorstep.gateway.sync.SyncTesting.GATE_IN;
import static io.doorstep.gateway.sync.SyncTesting.GATE_IN_SN;
import static io.doorstep.gateway.sync.SyncTesting.GATE_OUT_SN;
import static io.doorstep.gateway.sync.SyncTesting.UNIT1;
import static io.doorstep.gateway.sync.SyncTesting.UNIT1_SN;
import static io.doorstep.gateway.sync.SyncTesting.UNIT2;
import static io.doorstep.gateway.sync.SyncTesting.UNIT2_SN;
import static io.doorstep.gateway.sync.SyncTesting.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.device.DeviceEvent;
import io.doorstep.device.EventKinds;
import io.doorstep.gateway.store.PersonRecord;
import io.doorstep.gateway.store.StoredEvent;
import io.doorstep.sim.broker.MosquittoBroker;
import io.doorstep.sim.faceterminal.FaceTerminalSimulator;
import io.doorstep.sim.faceterminal.Person;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The estate's 3,200 residents reach four terminals through a real Mosquitto; one in a hundred
 * has a photo that is not a JPEG, and building 2's door has room for only 1,500 persons.
 */
class SyncLargeListTest {
  private static final int PER_BUILDING = 1_600;
  private static final int UNIT2_CAPACITY = 1_500;

  @TempDir Path dir;

  @Test
  void aSyncOf3200PersonsReportsTheRefusedOnesAndDeliversTheOthers() throws Exception {
    List<PersonRecord> persons = new ArrayList<>(SyncTesting.residents("A", "B01", PER_BUILDING));
    persons.addAll(SyncTesting.residents("B", "B02", PER_BUILDING));
    FakeFacePhotos photos = new FakeFacePhotos();
    Set<String> badImages = new HashSet<>();
    for (int i = 0; i < persons.size(); i++) {
      String id = persons.get(i).id();
      if (i % 100 == 42) {
        badImages.add(id);
        photos.put(id, FakeFacePhotos.png(id));
      } else {
        photos.put(id, FakeFacePhotos.jpeg(id, 1, 1024));
      }
    }
    Set<String> badInB01 = badImages.stream().filter(id -> id.startsWith("A")).collect(Collectors.toSet());
    Set<String> badInB02 = badImages.stream().filter(id -> id.startsWith("B")).collect(Collectors.toSet());

    try (MosquittoBroker broker = MosquittoBroker.start();
        Terminals terminals = new Terminals(broker.url())) {
      FaceTerminalSimulator gateIn = terminals.start(GATE_IN_SN, 10_000);
      terminals.start(GATE_OUT_SN, 10_000);
      FaceTerminalSimulator unit1 = terminals.start(UNIT1_SN, 10_000);
      FaceTerminalSimulator unit2 = terminals.start(UNIT2_SN, UNIT2_CAPACITY);
      try (SyncRig rig = SyncRig.start(broker.url(), dir, persons, photos, SyncOptions.defaults())) {
        until("every terminal is in sync", () -> ALL.stream().allMatch(rig::inSync));

        assertEquals(2 * PER_BUILDING - badImages.size(), gateIn.personCount());
        assertEquals(PER_BUILDING - badInB01.size(), unit1.personCount());
        assertEquals(UNIT2_CAPACITY, unit2.personCount());

        assertEquals(badImages, refused(rig.status(GATE_IN), "BAD_IMAGE"));
        assertEquals(badInB01, refused(rig.status(UNIT1), "BAD_IMAGE"));
        assertEquals(badInB02, refused(rig.status(UNIT2), "BAD_IMAGE"));
        assertEquals(PER_BUILDING - badInB02.size() - UNIT2_CAPACITY, refused(rig.status(UNIT2), "LIST_FULL").size());
        assertEquals(gateIn.personCount(), rig.status(GATE_IN).held());

        // Where a person will look: the event log names each refused person and why.
        assertEquals(badImages, refusedInEvents(rig, GATE_IN, "BAD_IMAGE"));
        for (String id : badImages) {
          assertTrue(gateIn.person(id).isEmpty(), id + " is not on the terminal");
        }
        PersonRecord sample = persons.get(1234);
        Person held = gateIn.person(sample.id()).orElseThrow();
        assertEquals(sample.name(), held.name());
        assertEquals(sample.cards(), held.cards());
        assertTrue(held.hasFace());
      }
    }
  }

  private static Set<String> refused(SyncStatus status, String error) {
    return status.failed().stream().filter(f -> f.error().equals(error)).map(SyncStatus.FailedPerson::personId)
        .collect(Collectors.toSet());
  }

  private static Set<String> refusedInEvents(SyncRig rig, String device, String error) {
    Set<String> out = new HashSet<>();
    for (StoredEvent stored : rig.events(EventKinds.SYNC_FAILED)) {
      DeviceEvent e = stored.event();
      if (!e.device().equals(device) || !"persons".equals(e.payload().getString("scope"))) {
        continue;
      }
      e.payload().getJsonArray("persons").forEach(o -> {
        JsonObject p = (JsonObject) o;
        if (p.getString("error").equals(error)) {
          out.add(p.getString("personId"));
        }
      });
    }
    return out;
  }
}
