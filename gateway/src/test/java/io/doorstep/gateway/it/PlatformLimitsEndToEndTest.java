package io.doorstep.gateway.it;

import static io.doorstep.gateway.it.ChargingRig.PILE_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.doorstep.gateway.Gateway;
import io.doorstep.gateway.charging.SafetyLimits;
import io.doorstep.sim.broker.MosquittoBroker;
import io.doorstep.sim.charger.Ebc10Bus;
import io.doorstep.sim.charger.Ebc10Pile;
import io.doorstep.sim.serial.PtyPair;
import io.doorstep.sim.serial.RtuSlaveLine;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Limits the platform sets hold across a {@code kill -9} of the gateway, and what the platform
 * changed while the gateway was away arrives when it asks on connecting. The gateway runs as a
 * process of its own; the piles are EBC-10 simulators on a real serial line (a socat pair); the
 * platform is a client of a real Mosquitto that answers the gateway's attribute requests as
 * ThingsBoard does, when the test lets it.
 */
class PlatformLimitsEndToEndTest {
  private static final String PILES_READ_QUICKLY = "overPowerSeconds: 2";
  @TempDir Path dir;
  /** The platform's shared attributes, per device. */
  private final Map<String, Map<String, Object>> held = new HashMap<>();
  private int answered;

  @Test
  void limitsSetByThePlatformSurviveAKillAndChangesMadeMeanwhileArriveOnConnecting() throws Exception {
    try {
      run();
    } catch (AssertionError e) {
      Path log = dir.resolve("gateway.log");
      List<String> lines = java.nio.file.Files.exists(log) ? java.nio.file.Files.readAllLines(log) : List.of();
      throw new AssertionError(e.getMessage() + "\n--- the gateway's log, last lines ---\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size())), e);
    }
  }

  private void run() throws Exception {
    List<Ebc10Pile> piles = new ArrayList<>();
    for (int address = 1; address <= 3; address++) {
      piles.add(Ebc10Pile.builder(address).seed(address).build());
    }
    held.put(PILE_1, new HashMap<>());
    try (PtyPair pty = PtyPair.start();
        Ebc10Bus bus = Ebc10Bus.open(pty.a(), piles, RtuSlaveLine.Options.defaults().baud(ChargingRig.BAUD));
        MosquittoBroker local = MosquittoBroker.start();
        MosquittoBroker platformBroker = MosquittoBroker.start();
        PlatformSubscriber telemetry = PlatformSubscriber.subscribe(platformBroker.url());
        PlatformClient platform = PlatformClient.connect(platformBroker.url(), "platform-limits-test")) {
      int webPort = TestEstate.freePort();
      Path config = ChargingRig.writeConfig(dir, local.url(), webPort, pty.b(), PILES_READ_QUICKLY, 16_000,
          "upstream: {enabled: true, url: '" + platformBroker.url() + "', accessToken: t, rpc: {allow: [setLimits]}}\n");

      // 1. The platform holds nothing yet; then it sets a pile's power limit as a shared attribute.
      try (GatewayProcess gateway = start(config, webPort)) {
        List<JsonObject> round = awaitRound(platform, 3);
        assertEquals(new JsonObject().put("id", round.get(0).getValue("id")).put("device", PILE_1).put("client", false)
            .put("keys", new JsonArray(SafetyLimits.keys())), round.get(0), "asks for the pile's limit keys");
        answerAll(platform);
        platform.share(PILE_1, new JsonObject().put("overPowerW", 600));
        held.get(PILE_1).put("overPowerW", 600);
        platform.awaitAttributes(PILE_1, a -> a.getValue("limits.overPowerW") instanceof Number n
            && n.doubleValue() == 600);
        gateway.kill();
      }

      // 2. Killed and started again, it holds 600 W before the platform has answered anything.
      try (GatewayProcess gateway = start(config, webPort)) {
        awaitRound(platform, 3);
        piles.get(0).plugIn(4, ChargingRig.bike(700));
        Waits.until("a bike at 700 W is stopped at the platform's 600 W, not the file's 800 W", Duration.ofSeconds(20),
            () -> !piles.get(0).relayClosed(4));
        Waits.until("the platform reads the over-power stop", PlatformClient.LIMIT, () -> telemetry.entries(PILE_1)
            .stream().anyMatch(v -> "charging.stop".equals(v.getString("kind")) && v.getInteger("port") == 4
                && "over-power".equals(v.getString("reason"))));
        // The platform holds one of the thirteen keys: ThingsBoard answers its value without the key ...
        answerAll(platform);
        // ... so the gateway asks for each key alone, and takes the one the platform holds.
        Waits.until("each key asked alone", PlatformClient.LIMIT,
            () -> singleKeyRequests(platform) == SafetyLimits.keys().size());
        long reports = platform.reports(PILE_1);
        answerAll(platform);
        Waits.until("the pile's limits are reported back", PlatformClient.LIMIT,
            () -> platform.reports(PILE_1) > reports);
        assertEquals(1, auditRows("attributes.limits", PILE_1).size(), "a value the pile already uses changes nothing");
        gateway.kill();
      }

      // 3. While the gateway is down, the platform changes another limit: it arrives on connecting.
      held.get(PILE_1).put("plugHotC", 65);
      try (GatewayProcess gateway = start(config, webPort)) {
        awaitRound(platform, 3);
        answerAll(platform);
        JsonObject reported = platform.awaitAttributes(PILE_1, a -> a.getValue("limits.plugHotC") instanceof Number n
            && n.doubleValue() == 65);
        assertEquals("", reported.getString("limitsError"));
        assertEquals(600.0, reported.getDouble("limits.overPowerW"));
        List<List<String>> audit = auditRows("attributes.limits", PILE_1);
        assertEquals(List.of("{\"plugHotC\":70.0}", "{\"plugHotC\":65.0}", "platform"), audit.get(0));

        // Answers that cannot be read or placed are counted and change nothing.
        platform.publish("v1/gateway/attributes/response", "{not json".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        platform.publish("v1/gateway/attributes/response", new JsonObject().put("id", 999_999).put("device", PILE_1)
            .put("values", new JsonObject().put("plugHotC", 50)));
        platform.publish("v1/gateway/attributes/response", new JsonObject().put("id", 1).put("device", PILE_1)
            .put("value", 1).put("values", new JsonObject()));
        Waits.until("three bad answers counted", PlatformClient.LIMIT, () -> metric(webPort,
            "doorstep_upstream_attributes_responses_malformed_total") >= 3);
        JsonObject reply = platform.call(PILE_1, "setLimits", new JsonObject().put("overPowerSeconds", 2));
        JsonObject limits = reply.getJsonObject("result").getJsonObject("limits");
        assertEquals(65.0, limits.getDouble("plugHotC"), "the unasked-for 50 was not applied");
        assertEquals(600.0, limits.getDouble("overPowerW"));
        assertFalse(piles.get(0).relayClosed(4));
      }
    }
  }

  private GatewayProcess start(Path config, int webPort) throws Exception {
    GatewayProcess gateway = GatewayProcess.start(config, webPort, dir.resolve("gateway.log"));
    gateway.awaitReady(Duration.ofSeconds(30));
    return gateway;
  }

  /** The gateway's next round of requests, one per pile; returned in the order they came. */
  private List<JsonObject> awaitRound(PlatformClient platform, int piles) throws InterruptedException {
    Waits.until("the gateway asks for the piles' attributes", PlatformClient.LIMIT,
        () -> platform.requests().size() >= answered + piles);
    return platform.requests().subList(answered, answered + piles);
  }

  /** Answers every request not answered yet, from what the platform holds. */
  private void answerAll(PlatformClient platform) throws Exception {
    List<JsonObject> requests = platform.requests();
    for (; answered < requests.size(); answered++) {
      JsonObject request = requests.get(answered);
      platform.answer(request, held.getOrDefault(request.getString("device"), Map.of()));
    }
  }

  private static long singleKeyRequests(PlatformClient platform) {
    return platform.requests().stream().filter(r -> PILE_1.equals(r.getString("device"))
        && r.getJsonArray("keys").size() == 1).count();
  }

  /** before, after and actor, newest first, read from the gateway's database as it runs. */
  private List<List<String>> auditRows(String action, String target) throws Exception {
    Path db = dir.resolve("data").resolve(Gateway.DB_FILE);
    List<List<String>> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        PreparedStatement ps = c.prepareStatement(
            "SELECT before_json, after_json, actor FROM audit WHERE action = ? AND target = ? ORDER BY seq DESC")) {
      ps.setString(1, action);
      ps.setString(2, target);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(List.of(rs.getString(1), rs.getString(2), rs.getString(3)));
        }
      }
    }
    return rows;
  }

  private static double metric(int webPort, String name) {
    try {
      String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + webPort + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
      return body.lines().filter(l -> l.startsWith(name)).mapToDouble(l -> Double.parseDouble(
          l.substring(l.lastIndexOf(' ') + 1))).sum();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
