package io.doorstep.gateway.trends;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import org.junit.jupiter.api.Test;

class SampleRingTest {
  @Test
  void aFullRingKeepsTheNewestSamplesOldestFirst() {
    SampleRing ring = new SampleRing(3);
    for (int i = 1; i <= 5; i++) {
      ring.add(i * 1000L, i / 10.0);
    }
    assertEquals(3, ring.size());
    assertEquals(new JsonArray("[[3000,0.3],[4000,0.4],[5000,0.5]]"), ring.toJson());
  }

  @Test
  void aPortTraceStartsAfreshWithANewSessionAndKeepsTheLastOneAfterwards() {
    PortTrace trace = new PortTrace();
    trace.observe(1_000, true, 200, 30.0, 10_000);
    trace.observe(5_000, true, 210, 31.0, 10_000);
    trace.observe(11_000, true, 220, 32.0, 10_000);
    trace.observe(12_000, false, 0, 32.5, 10_000);
    trace.observe(20_000, false, 0, 25.0, 10_000);
    assertEquals(new JsonArray("[[1000,200.0],[11000,220.0],[12000,0.0]]"), trace.toJson().getJsonArray("powerW"),
        "readings between points are skipped, the end is kept, nothing after it");
    trace.observe(30_000, true, 300, null, 10_000);
    assertEquals(new JsonArray("[[30000,300.0]]"), trace.toJson().getJsonArray("powerW"));
    assertEquals(new JsonArray(), trace.toJson().getJsonArray("plugC"), "a broken sensor leaves no point");
  }
}
