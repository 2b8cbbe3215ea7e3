package io.doorstep.gateway.sync;

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

import io.doorstep.device.DeviceEvent;
import io.doorstep.device.EventKinds;
import io.doorstep.gateway.store.PersonRecord;
import io.doorstep.gateway.store.StoredEvent;
import io.doorstep.sim.broker.MosquittoBroker;
import io.doorstep.sim.faceterminal.FaceTerminalSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A terminal that is online but never acknowledges: the driver gives each command its full
 * acknowledgement time (15 s), so this test takes a while.
 */
class SyncTerminalFaultsTest {
  private static final SyncOptions OPTIONS = SyncOptions.defaults()
      .withRetry(Duration.ofMillis(200), Duration.ofSeconds(2));

  @TempDir Path dir;

  @Test
  void aTerminalThatNeverAcksIsRetriedAndReportedWithoutHoldingUpTheOthers() throws Exception {
    List<PersonRecord> persons = new ArrayList<>(SyncTesting.residents("A", "B01", 120));
    persons.addAll(SyncTesting.residents("B", "B02", 120));
    FakeFacePhotos photos = new FakeFacePhotos();
    persons.forEach(p -> photos.put(p.id(), FakeFacePhotos.jpeg(p.id(), 1, 2048)));

    try (MosquittoBroker broker = MosquittoBroker.start();
        Terminals terminals = new Terminals(broker.url());
        SilentTerminal silent = new SilentTerminal(broker.url(), UNIT2_SN)) {
      FaceTerminalSimulator gateIn = terminals.start(GATE_IN_SN, 10_000);
      FaceTerminalSimulator gateOut = terminals.start(GATE_OUT_SN, 10_000);
      FaceTerminalSimulator unit1 = terminals.start(UNIT1_SN, 10_000);
      try (SyncRig rig = SyncRig.start(broker.url(), dir, persons, photos, OPTIONS)) {
        // Five chunks each, all while building 2's door sits on its first unanswered message.
        until("the answering terminals are in sync",
            () -> rig.inSync(GATE_IN) && rig.inSync(GATE_OUT) && rig.inSync(UNIT1));
        assertEquals(240, gateIn.personCount());
        assertEquals(240, gateOut.personCount());
        assertEquals(120, unit1.personCount());

        until("the silent terminal was sent the same message again", () -> silent.upserts() >= 2);
        until("its status says why", () -> "DEVICE_TIMEOUT".equals(rig.status(UNIT2).lastError()));
        SyncStatus stuck = rig.status(UNIT2);
        assertTrue(stuck.attempts() >= 1);
        assertEquals(120, stuck.pending());
        assertTrue(List.of(SyncStatus.State.RETRYING, SyncStatus.State.SYNCING).contains(stuck.state()),
            "not in sync: " + stuck.state());

        until("the event log says so", () -> !terminalFailures(rig, UNIT2).isEmpty());
        DeviceEvent reported = terminalFailures(rig, UNIT2).get(0);
        assertEquals("DEVICE_TIMEOUT", reported.payload().getString("error"));
        assertEquals(120, reported.payload().getInteger("pending"));
        assertTrue(terminalFailures(rig, GATE_IN).isEmpty());
      }
    }
  }

  private static List<DeviceEvent> terminalFailures(SyncRig rig, String device) {
    return rig.events(EventKinds.SYNC_FAILED).stream()
        .map(StoredEvent::event)
        .filter(e -> e.device().equals(device) && "terminal".equals(e.payload().getString("scope")))
        .toList();
  }
}
