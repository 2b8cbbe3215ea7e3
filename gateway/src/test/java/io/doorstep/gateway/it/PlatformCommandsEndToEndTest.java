package io.doorstep.gateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.gateway.charging.ChargingBus;
import io.doorstep.sim.broker.MosquittoBroker;
import io.doorstep.sim.faceterminal.FaceTerminalSimulator;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform commands the gateway through a real Mosquitto in front of it: RPC requests open a
 * door and change a pile's limits, shared attributes change them too; what is refused is answered
 * with its reason and changes nothing, and every call leaves an audit row by the platform.
 */
class PlatformCommandsEndToEndTest {
  private static final Duration LIMIT = Duration.ofSeconds(15);
  @TempDir static Path dir;
  static MosquittoBroker platformBroker;
  static ChargingRig rig;
  static PlatformClient platform;
  static FaceTerminalSimulator gateIn;

  @BeforeAll
  static void start() throws Exception {
    platformBroker = MosquittoBroker.start();
    rig = ChargingRig.start(dir, "", 16_000, 1.0, piles -> {}, "upstream: {enabled: true, url: '"
        + platformBroker.url() + "', accessToken: test-token, rpc: {allow: [open, setLimits]}}\n");
    platform = PlatformClient.connect(platformBroker.url(), "platform-rpc-test");
    gateIn = FaceTerminalSimulator.builder(rig.running.broker.url(), TestEstate.GATE_IN_SN).create();
    gateIn.start().get(10, TimeUnit.SECONDS);
    platform.awaitGatewayAnswers("open", Duration.ofSeconds(20));
  }


  @AfterAll
  static void stop() throws Exception {
    if (gateIn != null) {
      gateIn.close();
    }
    if (platform != null) {
      platform.close();
    }
    if (rig != null) {
      rig.close();
    }
    if (platformBroker != null) {
      platformBroker.close();
    }
  }

  @Test
  void anOpenOfATerminalOpensItsDoorAndTheCallIsAudited() throws Exception {
    JsonObject reply = call(TestEstate.GATE_IN, "open", new JsonObject().put("openMs", 2000));

    assertEquals(new JsonObject().put("success", true), reply);
    Waits.until("the door is open", LIMIT, () -> "open".equals(gateIn.doorState()));
    assertEquals(List.of("platform"), actors("rpc.open", TestEstate.GATE_IN));
    assertEquals(List.of("platform"), actors("door.open", "G1-L1"));
  }

  @Test
  void aMethodNotAllowedIsAnsweredWithAnErrorAndAudited() throws Exception {
    JsonObject reply = call(ChargingRig.PILE_1, "stopPort", new JsonObject().put("port", 3));

    assertEquals(error("method stopPort is not allowed on this gateway"), reply);
    assertEquals(List.of("platform"), actors("rpc.stopPort", ChargingRig.PILE_1));
    assertTrue(rig.events(java.util.Set.of("charging.stop"), e -> true).isEmpty(), "nothing was stopped");
  }

  @Test
  void anUnknownDeviceOrMethodIsAnsweredWithAnError() throws Exception {
    assertEquals(error("no device ghost on this gateway"), call("ghost", "open", new JsonObject()));
    assertEquals(error("unknown method explode; this gateway knows open, stopPort, setLimits, pushPerson, removePerson"),
        call(TestEstate.GATE_IN, "explode", new JsonObject()));
  }

  @Test
  void malformedRequestsAreAnsweredWhenTheyCanBeAndCountedAlwaysAndChangeNothing() throws Exception {
    double before = malformedCount();
    long id = platform.nextId();
    platform.publish("v1/gateway/rpc", ("{\"device\": \"" + ChargingRig.PILE_2 + "\", \"data\": {\"id\": " + id
        + ", \"method\": \"setLimits\", \"params\": [600]}}").getBytes(StandardCharsets.UTF_8));
    assertEquals(error("RPC request: 'params' is not an object"), platform.awaitReply(id, LIMIT));

    platform.publish("v1/gateway/rpc", "{not json".getBytes(StandardCharsets.UTF_8));
    platform.publish("v1/gateway/rpc", ("{\"device\": \"" + ChargingRig.PILE_2
        + "\", \"data\": {\"id\": \"7\", \"method\": \"setLimits\", \"params\": {\"overPowerW\": 600}}}")
        .getBytes(StandardCharsets.UTF_8));
    Waits.until("three malformed requests counted", LIMIT, () -> malformedCount() >= before + 3);
    assertEquals(800.0, limits(ChargingRig.PILE_2).get("overPowerW").doubleValue());
    assertTrue(actors("rpc.malformed", ChargingRig.PILE_2).contains("platform"));
  }

  @Test
  void setLimitsAppliesAGoodValueLiveAndRefusesABadOneWithItsReason() throws Exception {
    JsonObject good = call(ChargingRig.PILE_1, "setLimits", new JsonObject().put("overPowerW", 600));

    assertTrue(good.getBoolean("success"), good.encode());
    assertEquals(600, good.getJsonObject("result").getJsonObject("limits").getInteger("overPowerW"));
    assertEquals(600.0, limits(ChargingRig.PILE_1).get("overPowerW").doubleValue());
    assertEquals(List.of("{\"overPowerW\":800.0}", "{\"overPowerW\":600.0}", "platform"),
        audit("rpc.setLimits", ChargingRig.PILE_1).get(0));

    JsonObject bad = call(ChargingRig.PILE_1, "setLimits",
        new JsonObject().put("overPowerSeconds", 2).put("overPowerW", 5000));
    assertEquals(error("overPowerW must be between 50 and 3000 W, got 5000"), bad);
    assertEquals(600.0, limits(ChargingRig.PILE_1).get("overPowerW").doubleValue());
    assertEquals(5L, limits(ChargingRig.PILE_1).get("overPowerSeconds").longValue(), "the good one was not applied");
  }

  @Test
  void aSharedAttributeChangesAPilesLimitsOrIsRefusedWholeAndReportedBack() throws Exception {
    platform.publish("v1/gateway/attributes", attributes(ChargingRig.PILE_3, new JsonObject().put("overPowerW", 700)));
    JsonObject applied = platform.awaitAttributes(ChargingRig.PILE_3, a -> a.getValue("limits.overPowerW") != null
        && a.getDouble("limits.overPowerW") == 700);
    assertEquals("", applied.getString("limitsError"));
    assertEquals(700.0, limits(ChargingRig.PILE_3).get("overPowerW").doubleValue());
    assertTrue(actors("attributes.limits", ChargingRig.PILE_3).contains("platform"));

    platform.publish("v1/gateway/attributes", attributes(ChargingRig.PILE_3,
        new JsonObject().put("overPowerW", 650).put("plugWarmC", 75)));
    JsonObject refused = platform.awaitAttributes(ChargingRig.PILE_3, a -> !a.getString("limitsError", "").isEmpty());
    assertEquals("plugWarmC (75) must be below plugHotC (70)", refused.getString("limitsError"));
    assertEquals(700.0, refused.getDouble("limits.overPowerW"));
    assertEquals(700.0, limits(ChargingRig.PILE_3).get("overPowerW").doubleValue(), "nothing applied");
    assertEquals(55.0, limits(ChargingRig.PILE_3).get("plugWarmC").doubleValue());

    platform.publish("v1/gateway/attributes", attributes(TestEstate.GATE_OUT, new JsonObject().put("volume", 3)));
    JsonObject other = platform.awaitAttributes(TestEstate.GATE_OUT, a -> a.containsKey("attributesError"));
    assertEquals("the gateway takes no shared attributes of a face-terminal (" + TestEstate.GATE_OUT + ")",
        other.getString("attributesError"));
  }

  private static JsonObject call(String device, String method, JsonObject params) throws Exception {
    return platform.call(device, method, params);
  }

  private static byte[] attributes(String device, JsonObject data) {
    return new JsonObject().put("device", device).put("data", data).encode().getBytes(StandardCharsets.UTF_8);
  }

  private static JsonObject error(String message) {
    return new JsonObject().put("success", false).put("error", message);
  }

  /** The pile's effective limits, asked of the charging rules without changing them. */
  private static Map<String, Number> limits(String pile) throws Exception {
    return RunningGateway.await(rig.running.gateway.vertx().eventBus()
        .<ChargingBus.PileLimits>request(ChargingBus.LIMITS, new ChargingBus.SetLimits(pile, Map.of())))
        .body().effective();
  }

  private static double malformedCount() {
    String metrics;
    try {
      metrics = rig.running.get("/metrics");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    return metrics.lines().filter(l -> l.startsWith("doorstep_upstream_rpc_malformed_total"))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
  }

  private static List<String> actors(String action, String target) throws Exception {
    return audit(action, target).stream().map(row -> row.get(2)).toList();
  }

  /** before, after and actor of the audit rows with this action and target, newest first. */
  private static List<List<String>> audit(String action, String target) throws Exception {
    return rig.running.audit(action, target);
  }
}
