package io.doorstep.bench.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BoardBenchPartsTest {

  @Test
  void framesAreReadAsTheGatewayWritesThemCommentsAndRetryIgnored() {
    List<String> got = new ArrayList<>();
    SseFrames frames = new SseFrames((name, data) -> got.add(name + "|" + data));
    for (String line : ("retry: 3000\n: connected\n\nevent: event\ndata: {\"id\":\"a\"}\n\n"
        + ": heartbeat\n\nevent: device\ndata: {\"id\":\"ft-1\"}\n\ndata: one\ndata:two\n\n").split("\n", -1)) {
      frames.line(line);
    }
    assertEquals(List.of("event|{\"id\":\"a\"}", "device|{\"id\":\"ft-1\"}", "message|one\ntwo"), got);
  }

  @Test
  void aFrameCutOffBeforeItsBlankLineIsNotDelivered() {
    List<String> got = new ArrayList<>();
    SseFrames frames = new SseFrames((name, data) -> got.add(data));
    frames.line("event: event");
    frames.line("data: {\"id\":\"half\"}");
    assertTrue(got.isEmpty());
  }

  @Test
  void percentilesAreObservedValuesByNearestRank() {
    Percentiles p = new Percentiles();
    assertTrue(Double.isNaN(p.at(99)), "no values, no percentile");
    for (int i = 2000; i >= 1; i--) {
      p.add(i);
    }
    assertEquals(2000, p.count());
    assertEquals(1000, p.at(50));
    assertEquals(1980, p.at(99));
    assertEquals(1998, p.at(99.9));
    assertEquals(2000, p.max());
    assertEquals(1, p.at(0));
    assertEquals(1500, p.above(500));
    assertThrows(IllegalArgumentException.class, () -> p.at(101));
  }

  @Test
  void pageMetricsAreReadByNameAndComparedMinuteByMinute() {
    PageMetrics m = new PageMetrics();
    for (int s = 0; s <= 180; s += 5) {
      m.add(PageMetrics.parse(s, new JsonObject().put("metrics", new JsonArray()
          .add(metric("Timestamp", 1.0)).add(metric("JSHeapUsedSize", 2_000_000.0 + s * 1000))
          .add(metric("Nodes", s < 60 ? 4000.0 : 5000.0)).add(metric("JSEventListeners", 100.0)))));
    }
    PageMetrics.Span first = m.span(0, 60);
    PageMetrics.Span last = m.span(120, 181);
    assertEquals(12, first.samples());
    assertEquals(13, last.samples());
    assertEquals(2_027_500.0, first.heapUsedBytes(), 0.001);
    assertEquals(4000.0, first.nodes());
    assertEquals(5000.0, last.nodes());
    assertEquals(2_180_000.0, m.peak().heapUsedBytes());
    assertEquals(0, m.span(500, 600).samples());
    assertTrue(Double.isNaN(PageMetrics.parse(0, new JsonObject()).nodes()), "a missing metric is not a zero");
  }

  @Test
  void growthWithinATenthIsSteadyBeyondItIsNot() {
    assertTrue(BoardReport.steady(3479, 3479));
    assertTrue(BoardReport.steady(1_000_000, 1_100_000));
    assertFalse(BoardReport.steady(1_000_000, 1_100_001));
    assertTrue(BoardReport.steady(5000, 4000), "shrinking is no leak");
  }

  @Test
  void anEventBeginsAtTheTerminalsTimestamp() {
    JsonObject passage = new JsonObject().put("id", "p").put("ts", 2_000L)
        .put("payload", new JsonObject().put("deviceTs", 1_500L));
    JsonObject alarm = new JsonObject().put("id", "a").put("ts", 1_700L).put("payload", new JsonObject());
    assertEquals(1_500.0, SseFloor.originMs(passage));
    assertEquals(1_700.0, SseFloor.originMs(alarm));
    assertEquals(1_700_000.25, SseFloor.epochMs(Instant.ofEpochSecond(1_700, 250_000)), 1e-9);
  }

  @Test
  void onlyEventsBegunInTheWindowCountAndLateUploadsStayOutOfTheLatency() {
    BoardReport.Figures f = new BoardReport.Figures();
    f.windowStartMs = 1_000;
    f.windowEndMs = 2_000;
    Map<String, SseFloor.Arrival> arrivals = Map.of(
        "before", new SseFloor.Arrival("passage", 900, 950),
        "shown", new SseFloor.Arrival("passage", 1_100, 1_120),
        "missed", new SseFloor.Arrival("device.alarm", 1_500, 1_530),
        "late", new SseFloor.Arrival(BoardBench.LATE_BY_DESIGN, 1_200, 2_100));
    BoardBench.join(f, arrivals, Map.of("before", 960.0, "shown", 1_190.0, "late", 2_150.0));
    assertEquals(2, f.floor.count());
    assertEquals(30.0, f.floor.max());
    assertEquals(1, f.page.count());
    assertEquals(90.0, f.page.max());
    assertEquals(1, f.neverShown);
    assertEquals(Map.of("passage", 1, "device.alarm", 1, BoardBench.LATE_BY_DESIGN, 1), f.kinds);
  }

  @Test
  void optionsDefaultToTenMinutesAt200AndRefuseNonsense() {
    BoardOptions d = BoardOptions.parse(new String[0]);
    assertEquals(200, d.rate());
    assertEquals(600, d.durationS());
    assertEquals(null, d.out());
    BoardOptions o = BoardOptions.parse(new String[] {"--rate", "50", "--duration-s", "1_200", "--out", "x.md"});
    assertEquals(50, o.rate());
    assertEquals(1200, o.durationS());
    assertEquals("x.md", o.out().toString());
    assertThrows(IllegalArgumentException.class, () -> BoardOptions.parse(new String[] {"--rate", "0"}));
    assertThrows(IllegalArgumentException.class, () -> BoardOptions.parse(new String[] {"--rate"}));
    assertThrows(IllegalArgumentException.class, () -> BoardOptions.parse(new String[] {"--duration-s", "5"}));
    assertThrows(IllegalArgumentException.class, () -> BoardOptions.parse(new String[] {"--frobnicate"}));
  }

  private static JsonObject metric(String name, double value) {
    return new JsonObject().put("name", name).put("value", value);
  }
}
