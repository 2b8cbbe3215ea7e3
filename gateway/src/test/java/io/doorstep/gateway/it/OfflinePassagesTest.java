package io.doorstep.gateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.device.EventKinds;
import io.doorstep.device.Severity;
import io.doorstep.gateway.store.PersonRecord;
import io.doorstep.gateway.store.StoredEvent;
import io.doorstep.sim.broker.MosquittoBroker;
import io.doorstep.sim.faceterminal.FaceTerminalSimulator;
import io.doorstep.sim.faceterminal.Person;
import io.doorstep.sim.faceterminal.VerifyOutcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * While the gateway is away a terminal decides alone from its own list; when the gateway is
 * back the terminal reports those passages, and the gateway stores them, marks the ones it
 * would have refused, and acknowledges them so the terminal can forget them.
 */
class OfflinePassagesTest {
  @TempDir Path dir;

  @Test
  void passagesDecidedByTheTerminalAloneReachTheLog() throws Exception {
    MosquittoBroker broker = MosquittoBroker.start();
    long yesterday = System.currentTimeMillis() - Duration.ofDays(1).toMillis();
    try (FaceTerminalSimulator terminal = FaceTerminalSimulator.builder(broker.url(), TestEstate.GATE_OUT_SN)
        .verifyTimeout(Duration.ofMillis(300))
        .create()) {
      // The terminal's list is stale: it still lets in 李四, whose lease the office ended.
      terminal.loadPersons(List.of(Person.resident("R1001", "张三"), Person.resident("R1002", "李四")));
      terminal.start().get(10, TimeUnit.SECONDS);
      VerifyOutcome known = terminal.presentFace("R1001", 0.9, true, "pedestrian", "in").get(5, TimeUnit.SECONDS);
      VerifyOutcome stale = terminal.presentFace("R1002", 0.9, true, "pedestrian", "in").get(5, TimeUnit.SECONDS);
      VerifyOutcome stranger = terminal.presentFace(null, 0.2, true, "pedestrian", "in").get(5, TimeUnit.SECONDS);
      assertTrue(known.local() && stale.local() && stranger.local(), "no gateway: the terminal decided alone");
      assertEquals(3, terminal.counts().offlineRecordsPending());

      try (RunningGateway running = RunningGateway.start(broker, dir, 30, List.of(
          new PersonRecord("R1001", "张三", "resident", "B01-U1-101", 0, 0, List.of()),
          new PersonRecord("R1002", "李四", "tenant", "B01-U1-102", 0, yesterday, List.of())))) {
        // Any message from the gateway tells the terminal it is back; an answer is one.
        Waits.until("the gateway answers", Duration.ofSeconds(15), () -> answered(terminal));
        Waits.until("the records are acknowledged", Duration.ofSeconds(15),
            () -> terminal.counts().offlineRecordsPending() == 0);

        // The probes above may have been decided alone too, before the gateway listened: R1001 may repeat.
        Map<String, List<StoredEvent>> stored = running.events(Set.of(EventKinds.OFFLINE_PASSAGE)).stream()
            .collect(Collectors.groupingBy(OfflinePassagesTest::who));
        assertEquals(Set.of("R1001", "R1002", "stranger"), stored.keySet());
        for (StoredEvent e : stored.get("R1001")) {
          assertEquals("open", e.event().payload().getString("decision"));
          assertEquals(Severity.INFO, e.event().severity());
        }
        assertEquals(1, stored.get("stranger").size());
        assertEquals("deny", stored.get("stranger").get(0).event().payload().getString("decision"));
        // Let in by the terminal although the gateway would have refused: a guard should look.
        assertEquals(1, stored.get("R1002").size());
        StoredEvent reported = stored.get("R1002").get(0);
        assertEquals("open", reported.event().payload().getString("decision"));
        assertEquals("EXPIRED", reported.event().payload().getString("reason"));
        assertEquals(Severity.WARNING, reported.event().severity());
      }
    }
  }

  private static String who(StoredEvent e) {
    String personId = e.event().payload().getString("personId");
    return personId == null ? "stranger" : personId;
  }

  private static boolean answered(FaceTerminalSimulator terminal) {
    try {
      return !terminal.presentFace("R1001", 0.9, true, "pedestrian", "in").get(5, TimeUnit.SECONDS).local();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
