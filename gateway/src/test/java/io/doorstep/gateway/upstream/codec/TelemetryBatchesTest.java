package io.doorstep.gateway.upstream.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TelemetryBatchesTest {

  private static TelemetryEvent event(String device, int n, String padding) {
    return new TelemetryEvent(device, 1734572000000L + n, device + "-" + n, "passage",
        new JsonObject().put("n", n).put("pad", padding));
  }

  @Test
  void manyDevicesGoInOneBodyThatDecodesToTheSameEvents() throws Exception {
    List<TelemetryEvent> events = List.of(event("ft-g1-l1", 1, ""), event("pile-s1-03", 2, ""), event("ft-g1-l1", 3, ""));
    TelemetryBatches.Result result = TelemetryBatches.batch(events);
    assertEquals(1, result.bodies().size());
    assertEquals(List.of(), result.refused());
    List<TelemetryEvent> back = TelemetryBatches.decode(result.bodies().get(0).json());
    assertEquals(events.stream().filter(e -> e.device().equals("ft-g1-l1")).toList(),
        back.stream().filter(e -> e.device().equals("ft-g1-l1")).toList());
    assertEquals(events.size(), back.size());
    assertTrue(back.containsAll(events));
    JsonObject body = new JsonObject(new String(result.bodies().get(0).json(), StandardCharsets.UTF_8));
    assertEquals("ft-g1-l1-1", body.getJsonArray("ft-g1-l1").getJsonObject(0).getJsonObject("values").getString("eventId"));
    assertEquals("passage", body.getJsonArray("ft-g1-l1").getJsonObject(0).getJsonObject("values").getString("kind"));
    assertEquals(1734572000000L + 1, body.getJsonArray("ft-g1-l1").getJsonObject(0).getLong("ts"));
  }

  /** Finds the padding that makes two events fill a body exactly {@code target} bytes. */
  private static List<TelemetryEvent> twoEventsOf(int target) {
    for (int pad = 0; pad < target; pad++) {
      List<TelemetryEvent> events = List.of(event("门禁-南门", 1, "x".repeat(pad)), event("门禁-南门", 2, "x".repeat(pad)));
      int size = TelemetryBatches.batch(events, Integer.MAX_VALUE).bodies().get(0).json().length;
      if (size == target || size == target + 1) {
        return events;
      }
    }
    throw new AssertionError("no padding fits");
  }

  @Test
  void aBatchAtTheLimitIsOneBodyAndOneByteOverIsTwo() {
    int limit = TelemetryBatches.MAX_BODY_BYTES;
    List<TelemetryEvent> events = twoEventsOf(limit - 1);
    int size = TelemetryBatches.batch(events, Integer.MAX_VALUE).bodies().get(0).json().length;
    TelemetryBatches.Result atLimit = TelemetryBatches.batch(events, size);
    assertEquals(1, atLimit.bodies().size());
    assertEquals(size, atLimit.bodies().get(0).json().length);
    TelemetryBatches.Result over = TelemetryBatches.batch(events, size - 1);
    assertEquals(2, over.bodies().size());
    assertEquals(List.of(), over.refused());
  }

  @Test
  void theLimitCountsUtf8BytesNotCharacters() {
    // Each Chinese character is 3 bytes: by characters this body would fit in 100.
    TelemetryEvent e = new TelemetryEvent("南门", 1, "e1", "passage", new JsonObject().put("who", "张三".repeat(20)));
    int bytes = TelemetryBatches.batch(List.of(e), Integer.MAX_VALUE).bodies().get(0).json().length;
    assertTrue(bytes > 150, "bytes " + bytes);
    TelemetryBatches.Result tooSmall = TelemetryBatches.batch(List.of(e), bytes - 1);
    assertEquals(0, tooSmall.bodies().size());
    assertEquals(1, tooSmall.refused().size());
    assertEquals(1, TelemetryBatches.batch(List.of(e), bytes).bodies().size());
  }

  @Test
  void orderPerDeviceIsKeptAcrossBodiesOfAFullSizeBatch() throws Exception {
    List<TelemetryEvent> events = new ArrayList<>();
    String[] devices = {"ft-g1-l1", "pile-s1-03", "门禁-南门", "gate \"P1\" lane 2"};
    for (int i = 0; i < 3000; i++) {
      events.add(event(devices[i % 4], i, "v".repeat(i % 97)));
    }
    TelemetryBatches.Result result = TelemetryBatches.batch(events);
    assertTrue(result.bodies().size() > 3, "split into " + result.bodies().size());
    List<TelemetryEvent> back = new ArrayList<>();
    for (TelemetryBatches.Body body : result.bodies()) {
      assertTrue(body.json().length <= TelemetryBatches.MAX_BODY_BYTES);
      List<TelemetryEvent> decoded = TelemetryBatches.decode(body.json());
      assertEquals(body.events().size(), decoded.size());
      assertTrue(decoded.containsAll(body.events()));
      back.addAll(body.events());
    }
    for (String d : devices) {
      assertEquals(events.stream().filter(e -> e.device().equals(d)).collect(Collectors.toList()),
          back.stream().filter(e -> e.device().equals(d)).collect(Collectors.toList()), d);
    }
    assertEquals(events.size(), back.size());
  }

  @Test
  void anEventTooLargeAloneIsRefusedWithAReasonAndTheOthersGo() {
    TelemetryEvent big = event("ft-g1-l1", 2, "x".repeat(TelemetryBatches.MAX_BODY_BYTES));
    TelemetryBatches.Result result =
        TelemetryBatches.batch(List.of(event("ft-g1-l1", 1, ""), big, event("ft-g1-l1", 3, "")));
    assertEquals(1, result.refused().size());
    assertEquals(big, result.refused().get(0).event());
    assertTrue(result.refused().get(0).reason().contains("over the limit of 65536"), result.refused().get(0).reason());
    assertEquals(2, result.bodies().get(0).events().size());
  }

  @Test
  void valuesMayNotHideTheEventIdOrKind() {
    TelemetryEvent e = new TelemetryEvent("d", 1, "e1", "passage", new JsonObject().put("eventId", "other"));
    TelemetryBatches.Result result = TelemetryBatches.batch(List.of(e));
    assertEquals(0, result.bodies().size());
    assertTrue(result.refused().get(0).reason().contains("reserved key"));
  }

  @Test
  void nothingInNothingOut() {
    assertEquals(0, TelemetryBatches.batch(List.of()).bodies().size());
  }
}
