package io.doorstep.sim.estate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.sim.broker.MosquittoBroker;
import io.doorstep.sim.estate.TrafficScenario.Passage;
import io.doorstep.sim.estate.TrafficScenario.Resident;
import io.doorstep.sim.faceterminal.FaceTerminalSimulator;
import io.doorstep.sim.faceterminal.Person;
import io.doorstep.sim.testing.FakeGateway;
import io.doorstep.sim.testing.Threads;
import io.doorstep.sim.testing.Waits;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TrafficScenarioTest {

  @AfterEach
  void noThreadsLeft() {
    Threads.assertNoneLeft();
  }

  @Test
  void theResidentialDayHasItsRushHoursAndQuietNights() {
    DayCurve day = DayCurve.residential();
    assertTrue(day.loadAt(LocalTime.of(7, 30)) > 5 * day.loadAt(LocalTime.of(3, 0)));
    assertTrue(day.loadAt(LocalTime.of(18, 0)) > 5 * day.loadAt(LocalTime.of(3, 0)));
    assertTrue(day.outShareAt(LocalTime.of(7, 30)) > 0.5, "mornings mostly out");
    assertTrue(day.outShareAt(LocalTime.of(18, 30)) < 0.5, "evenings mostly in");
    assertThrows(IllegalArgumentException.class, () -> new DayCurve(new double[23], new double[24]));
  }

  @Test
  void aMorningRushSendsMostlyOutAndUsesEverySite() throws Exception {
    List<Resident> building1 = residents("B1-", 20);
    List<Resident> building2 = residents("B2-", 20);
    List<Resident> everyone = new java.util.ArrayList<>(building1);
    everyone.addAll(building2);
    List<Passage> passages = new CopyOnWriteArrayList<>();

    try (MosquittoBroker broker = MosquittoBroker.start();
        FakeGateway gateway = new FakeGateway(broker.url(), "gw", "ft/+/up/verify");
        FaceTerminalSimulator gate = terminal(broker, "GATE1", everyone);
        FaceTerminalSimulator door1 = terminal(broker, "B1U1", building1);
        FaceTerminalSimulator door2 = terminal(broker, "B2U1", building2)) {
      gateway.onMessage(r -> gateway.publish(r.topic().replace("/up/verify", "/down/verify-result"),
          new JsonObject().put("msgId", "g").put("ts", 1L)
              .put("reqMsgId", r.json().getString("msgId"))
              .put("decision", r.json().getValue("personId") == null ? "deny" : "open")));

      // A whole day lasts 24 minutes here, so the test stays inside the 07:00 rush.
      TrafficScenario scenario = TrafficScenario.builder()
          .site(gate, everyone, 2)
          .site(door1, building1)
          .site(door2, building2)
          .dayLength(Duration.ofMinutes(24))
          .startAt(LocalTime.of(7, 0))
          .peakRatePerS(200)
          .strangerRatio(0.1)
          .cardRatio(0.1)
          .ebikeRatio(0.1)
          .onPassage(passages::add)
          .build();
      scenario.start();
      Waits.until(() -> passages.size() >= 150, Duration.ofSeconds(10), () -> "only " + passages.size());
      scenario.stop();
      assertTrue(scenario.clockOfDay().isAfter(LocalTime.of(7, 0)));
      assertTrue(scenario.clockOfDay().isBefore(LocalTime.of(8, 0)));

      long out = passages.stream().filter(p -> p.lane().equals("out")).count();
      assertTrue(out > passages.size() / 2, "morning: mostly out");
      assertEquals(3, passages.stream().map(Passage::sn).distinct().count());
      assertTrue(passages.stream().anyMatch(p -> p.method().equals("card")));
      assertTrue(passages.stream().anyMatch(p -> p.personId() == null));
      assertTrue(passages.stream().anyMatch(p -> p.bodyType().equals("ebike")));
      assertTrue(passages.stream().filter(p -> p.sn().equals("B1U1"))
          .allMatch(p -> p.personId() == null || p.personId().startsWith("B1-")),
          "unit doors see their own building only");
      assertTrue(scenario.stats().presented() >= passages.size());
      assertEquals(0, scenario.stats().failed());
    }
  }

  private static List<Resident> residents(String prefix, int n) {
    return IntStream.rangeClosed(1, n)
        .mapToObj(i -> new Resident(prefix + i, String.format("%08X", prefix.hashCode() + i)))
        .collect(Collectors.toList());
  }

  private static FaceTerminalSimulator terminal(MosquittoBroker broker, String sn,
      List<Resident> residents) throws Exception {
    FaceTerminalSimulator terminal = FaceTerminalSimulator.builder(broker.url(), sn).create();
    terminal.loadPersons(residents.stream()
        .map(r -> Person.resident(r.personId(), r.personId(), r.cardUid()))
        .collect(Collectors.toList()));
    terminal.start().get(5, TimeUnit.SECONDS);
    return terminal;
  }
}
