package io.doorstep.gateway.it;

import static io.doorstep.gateway.it.ChargingRig.PILE_1;
import static io.doorstep.gateway.it.ChargingRig.PILE_2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.sim.broker.MosquittoBroker;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform stops a port by RPC, through a real Mosquitto, on EBC-10 simulators on a real
 * serial line: a port that charges is stopped (its relay opens) with reason {@code remote}, which
 * the platform then reads in the pile's telemetry; a port that is not charging is stopped all
 * the same and the answer says so; a port or pile that does not exist is refused with its reason.
 */
class PlatformStopPortEndToEndTest {
  @TempDir static Path dir;
  static MosquittoBroker platformBroker;
  static ChargingRig rig;
  static PlatformClient platform;
  static PlatformSubscriber telemetry;

  @BeforeAll
  static void start() throws Exception {
    platformBroker = MosquittoBroker.start();
    telemetry = PlatformSubscriber.subscribe(platformBroker.url());
    rig = ChargingRig.start(dir, "", 16_000, 1.0, piles -> {}, "upstream: {enabled: true, url: '"
        + platformBroker.url() + "', accessToken: test-token, rpc: {allow: [stopPort]}}\n");
    platform = PlatformClient.connect(platformBroker.url(), "platform-stop-test");
    platform.awaitGatewayAnswers("stopPort", Duration.ofSeconds(20));
  }

  @AfterAll
  static void stop() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {platform, telemetry, rig, platformBroker}) {
      if (c != null) {
        c.close();
      }
    }
  }

  @Test
  void aChargingPortIsStoppedAndThePlatformReadsTheRemoteStop() throws Exception {
    rig.charge(1, 3, 200);

    JsonObject reply = platform.call(PILE_1, "stopPort", new JsonObject().put("port", 3));

    assertEquals(new JsonObject().put("success", true)
        .put("result", new JsonObject().put("port", 3).put("relayBefore", "closed")), reply);
    rig.awaitRelayOpen(1, 3);
    assertEquals("remote", rig.stopReason(PILE_1, 3));
    List<List<String>> audit = rig.running.audit("rpc.stopPort", PILE_1);
    assertEquals(1, audit.size(), audit.toString());
    assertEquals("platform", audit.get(0).get(2));
    JsonObject after = new JsonObject(audit.get(0).get(1));
    assertEquals(3, after.getInteger("port"));
    assertTrue(after.getBoolean("ok"), after.encode());
    Waits.until("the stop and the session's end, both remote, are at the platform", PlatformClient.LIMIT,
        () -> atPlatform(PILE_1, "charging.stop", 3) && atPlatform(PILE_1, "charging.session.ended", 3));
    assertFalse(rig.pile(1).relayClosed(3), "the port stays stopped");
  }

  @Test
  void aPortThatIsNotChargingIsStoppedAllTheSameAndTheAnswerSaysItWasOpen() throws Exception {
    Waits.until(PILE_2 + " has been read", PlatformClient.LIMIT, () -> rig.running.gateway.devices().snapshot()
        .stream().anyMatch(d -> d.id().equals(PILE_2) && d.online()));

    JsonObject reply = platform.call(PILE_2, "stopPort", new JsonObject().put("port", 5));

    assertEquals(new JsonObject().put("success", true)
        .put("result", new JsonObject().put("port", 5).put("relayBefore", "open")), reply);
    assertEquals("remote", rig.stopReason(PILE_2, 5));
    assertTrue(rig.events(Set.of("charging.session.started", "charging.session.ended"),
        p -> PILE_2.equals(p.getString("pile")) && p.getInteger("port") == 5).isEmpty(), "no session on the port");
    assertEquals("open", new JsonObject(rig.running.audit("rpc.stopPort", PILE_2).get(0).get(1))
        .getString("relayBefore"));
  }

  @Test
  void aPortOrPileThatDoesNotExistIsRefusedWithItsReasonAndNothingIsStopped() throws Exception {
    assertEquals(error("port must be a whole number from 1 to 10, got 11"),
        platform.call(ChargingRig.PILE_3, "stopPort", new JsonObject().put("port", 11)));
    assertEquals(error("port must be a whole number from 1 to 10, got \"2\""),
        platform.call(ChargingRig.PILE_3, "stopPort", new JsonObject().put("port", "2")));
    assertEquals(error("port must be a whole number from 1 to 10, got none"),
        platform.call(ChargingRig.PILE_3, "stopPort", new JsonObject()));
    assertEquals(error("no device pile-9 on this gateway"),
        platform.call("pile-9", "stopPort", new JsonObject().put("port", 1)));
    assertEquals(error("stopPort is for a charging pile; " + TestEstate.GATE_IN + " is a face-terminal"),
        platform.call(TestEstate.GATE_IN, "stopPort", new JsonObject().put("port", 1)));

    assertEquals(3, rig.running.audit("rpc.stopPort", ChargingRig.PILE_3).size(), "each refusal is audited");
    assertTrue(rig.events(Set.of("charging.stop"), p -> ChargingRig.PILE_3.equals(p.getString("pile"))).isEmpty(),
        "nothing was stopped");
  }

  private static boolean atPlatform(String pile, String kind, int port) {
    return telemetry.entries(pile).stream().anyMatch(v -> kind.equals(v.getString("kind"))
        && v.getInteger("port") == port && "remote".equals(v.getString("reason")));
  }

  private static JsonObject error(String message) {
    return new JsonObject().put("success", false).put("error", message);
  }
}
