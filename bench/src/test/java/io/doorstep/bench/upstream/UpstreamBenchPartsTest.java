package io.doorstep.bench.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.gateway.upstream.codec.TelemetryBatches;
import io.doorstep.gateway.upstream.codec.TelemetryEvent;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpstreamBenchPartsTest {

  @Test
  void theSubscriberReadsEveryEventIdOfTheGatewaysBodies() {
    List<TelemetryEvent> events = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      events.add(new TelemetryEvent("ft-b" + (i % 7), 1_000 + i, Prefill.id(i), "passage",
          new JsonObject().put("personId", "R" + i).put("severity", "info")));
    }
    List<String> read = new ArrayList<>();
    TelemetryBatches.Result result = TelemetryBatches.batch(events);
    assertTrue(result.bodies().size() > 1, "a 64 KiB body holds fewer than 2000 such events");
    result.bodies().forEach(b -> read.addAll(PlatformSubscriber.eventIds(b.json())));
    assertEquals(2000, read.size());
    assertEquals(events.stream().map(TelemetryEvent::eventId).sorted().toList(), read.stream().sorted().toList());
  }

  @Test
  void theSetCountsEachKeyOnceAcrossGrowth() {
    LongSet set = new LongSet(4);
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < 100_000; i++) {
        assertEquals(round == 0, set.add(LongSet.hash(Prefill.id(i))));
      }
    }
    assertTrue(set.add(0));
    assertFalse(set.add(0));
    assertEquals(100_001, set.size());
  }

  @Test
  void prefilledIdsSortInTheOrderTheyWereWritten() {
    assertEquals("prefill-00000042", Prefill.id(42));
    assertTrue(Prefill.id(999_999).compareTo(Prefill.id(1_000_000)) < 0);
  }

  @Test
  void recordMessagesAreDueAtTheRate() {
    // 6000 events a second in messages of 100: one message every 1/60 s.
    assertEquals(0, RecordLoad.dueNanos(0, 6000));
    assertEquals(1_000_000_000L, RecordLoad.dueNanos(60, 6000));
    assertEquals(16_666_667L, RecordLoad.dueNanos(1, 6000));
  }

  @Test
  void optionsParseAndRefuseNonsense() {
    UpstreamOptions o = UpstreamOptions.parse(new String[] {"drain", "--events", "200,000", "--verify-rate", "50"});
    assertEquals("drain", o.mode());
    assertEquals(200_000, o.events());
    assertEquals(6000, o.rate());
    assertEquals(32, o.maxInFlight());
    assertTrue(UpstreamOptions.parse(new String[] {"--help"}).help());
    assertThrows(IllegalArgumentException.class, () -> UpstreamOptions.parse(new String[] {"flood"}));
    assertThrows(IllegalArgumentException.class, () -> UpstreamOptions.parse(new String[] {"throughput", "--rate", "0"}));
    assertThrows(IllegalArgumentException.class,
        () -> UpstreamOptions.parse(new String[] {"throughput", "--max-in-flight", "2000"}));
  }

  @Test
  void windowsAreRatesOverTheirSpan() {
    PlatformSubscriber.Counts a = new PlatformSubscriber.Counts(10, 1000, 100, 100, 0, 0);
    PlatformSubscriber.Counts b = new PlatformSubscriber.Counts(20, 3000, 600, 550, 0, 2_000_000_000L);
    UpstreamBench.Snapshot s1 = new UpstreamBench.Snapshot(0, 100, 50, 0, 0, 0, 0, a);
    UpstreamBench.Snapshot s2 = new UpstreamBench.Snapshot(2_000_000_000L, 1100, 50, 1_000_000_000L, 0, 0,
        1_500_000_000L, b);
    UpstreamBench.Window w = UpstreamBench.Window.between("gateway", s1, s2);
    assertEquals(500, w.ackedPerS(), 1e-9);
    assertEquals(250, w.entriesPerS(), 1e-9);
    assertEquals(225, w.uniquePerS(), 1e-9);
    assertEquals(200, w.meanBodyBytes(), 1e-9);
    assertEquals(50, w.gatewayCpu(), 1e-9);
    assertEquals(25, w.othersCpu(), 1e-9);
  }
}
