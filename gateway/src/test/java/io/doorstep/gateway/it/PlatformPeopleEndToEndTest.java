package io.doorstep.gateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.gateway.demo.DemoPopulation;
import io.doorstep.gateway.people.PersonEntry;
import io.doorstep.sim.broker.MosquittoBroker;
import io.doorstep.sim.faceterminal.FaceTerminalSimulator;
import io.doorstep.sim.faceterminal.Person;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform pushes and removes residents through a real Mosquitto in front of the gateway: a
 * pushed person is stored as the office would have stored them and reaches the terminals; a bad
 * field is answered with its name and stores nothing; a method the gateway does not allow is
 * refused.
 */
class PlatformPeopleEndToEndTest {
  private static final Duration LIMIT = Duration.ofSeconds(15);
  @TempDir static Path dir;
  static MosquittoBroker platformBroker;
  static RunningGateway running;
  static PlatformClient platform;
  static FaceTerminalSimulator gateIn;

  @BeforeAll
  static void start() throws Exception {
    platformBroker = MosquittoBroker.start();
    running = RunningGateway.start(MosquittoBroker.start(), dir, 30, List.of(), "upstream: {enabled: true, url: '"
        + platformBroker.url() + "', accessToken: test-token, rpc: {allow: [pushPerson, removePerson]}}\n");
    platform = PlatformClient.connect(platformBroker.url(), "platform-people-test");
    gateIn = FaceTerminalSimulator.builder(running.broker.url(), TestEstate.GATE_IN_SN).create();
    gateIn.start().get(10, TimeUnit.SECONDS);
    platform.awaitGatewayAnswers("pushPerson", Duration.ofSeconds(20));
  }


  @AfterAll
  static void stop() throws Exception {
    if (gateIn != null) {
      gateIn.close();
    }
    if (platform != null) {
      platform.close();
    }
    if (running != null) {
      running.close();
    }
    if (platformBroker != null) {
      platformBroker.close();
    }
  }

  @Test
  void aPushedPersonIsStoredAuditedAndSyncedThenUpdatedThenRemoved() throws Exception {
    String face = Base64.getEncoder().encodeToString(DemoPopulation.facePhoto("R3001"));
    JsonObject added = platform.call(TestEstate.GATE_IN, "pushPerson", new JsonObject().put("personId", "R3001")
        .put("name", "王五").put("kind", "resident").put("household", "B01-U1-101")
        .put("cards", new JsonArray().add("04A1B2C3")).put("faceJpeg", face));

    assertEquals(ok(new JsonObject().put("personId", "R3001").put("created", true)), added);
    PersonEntry stored = person("R3001").orElseThrow();
    assertEquals("王五", stored.person().name());
    assertEquals("B01-U1-101", stored.person().household());
    assertTrue(stored.hasFace(), "the pushed photo is stored");
    assertEquals(List.of("platform"), actors("person.add", "R3001"));
    assertEquals(List.of("platform"), actors("rpc.pushPerson", TestEstate.GATE_IN));
    Waits.until("the terminal holds R3001", LIMIT, () -> gateIn.person("R3001").isPresent());
    Person onTerminal = gateIn.person("R3001").get();
    assertEquals("王五", onTerminal.name());
    assertTrue(onTerminal.hasFace());

    JsonObject updated = platform.call("G1-L1", "pushPerson", new JsonObject().put("personId", "R3001")
        .put("name", "王五六").put("kind", "resident").put("household", "B01-U1-101")
        .put("cards", new JsonArray().add("04A1B2C3").add("04D5E6F7")));

    assertEquals(ok(new JsonObject().put("personId", "R3001").put("created", false)), updated);
    assertEquals("王五六", person("R3001").orElseThrow().person().name());
    assertTrue(person("R3001").orElseThrow().hasFace(), "a push without a photo keeps the one stored");
    assertEquals(List.of("platform"), actors("person.update", "R3001"));
    Waits.until("the terminal holds the new name", LIMIT,
        () -> gateIn.person("R3001").map(p -> p.name().equals("王五六") && p.cards().size() == 2).orElse(false));

    JsonObject removed = platform.call(TestEstate.GATE_IN, "removePerson", new JsonObject().put("personId", "R3001"));

    assertEquals(ok(new JsonObject().put("personId", "R3001")), removed);
    assertTrue(person("R3001").isEmpty());
    assertEquals(List.of("platform"), actors("person.remove", "R3001"));
    Waits.until("the terminal no longer holds R3001", LIMIT, () -> gateIn.person("R3001").isEmpty());
    assertEquals(error("no person R3001"),
        platform.call(TestEstate.GATE_IN, "removePerson", new JsonObject().put("personId", "R3001")));
  }

  @Test
  void badFieldsAreAnsweredWithTheirNamesAndNothingIsStored() throws Exception {
    JsonObject content = platform.call(TestEstate.GATE_IN, "pushPerson", new JsonObject().put("personId", "R3002")
        .put("name", "赵六").put("kind", "landlord").put("household", "B09-U1-101"));

    assertTrue(content.getString("error").startsWith("kind: 'landlord' is not a person kind"), content.encode());
    assertEquals(false, content.getBoolean("success"));

    JsonObject household = platform.call(TestEstate.GATE_IN, "pushPerson", new JsonObject().put("personId", "R3002")
        .put("name", "赵六").put("kind", "resident").put("household", "B09-U1-101"));
    assertEquals(error("household: no building B09 in the estate file"), household);

    JsonObject shape = platform.call(TestEstate.GATE_IN, "pushPerson", new JsonObject().put("personId", "R3002")
        .put("name", "赵六").put("kind", "resident").put("faceJpeg", Base64.getEncoder().encodeToString(
            "GIF89a".getBytes())));
    assertEquals(error("faceJpeg: the photo is not a JPEG"), shape);

    assertTrue(person("R3002").isEmpty(), "nothing stored");
    assertTrue(actors("person.add", "R3002").isEmpty());
    List<List<String>> refusals = running.audit("rpc.pushPerson", TestEstate.GATE_IN).stream()
        .filter(row -> row.get(1).contains("R3002")).toList();
    assertEquals(3, refusals.size(), "each refusal is audited");
    assertTrue(refusals.stream().allMatch(row -> row.get(2).equals("platform") && row.get(1).contains("\"ok\":false")));
  }

  @Test
  void aMethodNotAllowedIsRefusedAndChangesNothing() throws Exception {
    JsonObject reply = platform.call(TestEstate.GATE_IN, "open", new JsonObject());

    assertEquals(error("method open is not allowed on this gateway"), reply);
    assertEquals(List.of("platform"), actors("rpc.open", TestEstate.GATE_IN));
    assertTrue(running.audit("door.open", "G1-L1").isEmpty(), "no door was opened");
  }

  private static Optional<PersonEntry> person(String id) throws Exception {
    return RunningGateway.await(running.gateway.people().person(id));
  }

  private static List<String> actors(String action, String target) throws Exception {
    return running.audit(action, target).stream().map(row -> row.get(2)).toList();
  }

  private static JsonObject ok(JsonObject result) {
    return new JsonObject().put("success", true).put("result", result);
  }

  private static JsonObject error(String message) {
    return new JsonObject().put("success", false).put("error", message);
  }
}
