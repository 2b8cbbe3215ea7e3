package io.doorstep.gateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.sim.charger.Ebc10Pile;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The technician console's API over real HTTP, against EBC-10 simulators at addresses 1-3 on a
 * real serial line (a socat pseudo-terminal pair) that the gateway is polling all along.
 */
class TechSerialApiTest {
  @TempDir static Path dir;
  static TechConsoleRig rig;

  @BeforeAll
  static void start() throws Exception {
    rig = TechConsoleRig.start(dir);
    Waits.until("the line is open", Duration.ofSeconds(15), () -> rig.charging.running.gateway.devices().snapshot()
        .stream().filter(d -> d.id().startsWith("pile-")).allMatch(d -> d.online()));
  }

  @AfterAll
  static void stop() {
    rig.close();
  }

  @Test
  void theLineIsListedWithItsPortAndItsDevices() throws Exception {
    TechConsoleRig.Reply reply = rig.get("/api/tech/serial");

    assertEquals(200, reply.status());
    JsonObject line = reply.json().getJsonArray("lines").getJsonObject(0);
    assertEquals("shed-bus", line.getString("id"));
    assertEquals(rig.charging.pty.b(), line.getString("port"));
    assertFalse(line.getBoolean("portListed"), "a pseudo-terminal is not among the machine's ports");
    assertEquals(List.of("pile-1", "pile-2", "pile-3"), line.getJsonArray("units").stream()
        .map(u -> ((JsonObject) u).getString("device")).toList());
  }

  @Test
  void aScanFindsTheSimulatedAddressesWhilePollingGoesOn() throws Exception {
    TechConsoleRig.Reply started = rig.post("/api/tech/lines/shed-bus/scan", new JsonObject().put("from", 1).put("to", 8));
    assertEquals(202, started.status(), String.valueOf(started.json()));
    assertEquals(TechConsoleRig.TECHNICIAN, started.json().getString("by"));

    Waits.until("the scan ends", Duration.ofSeconds(30),
        () -> !get("/api/tech/lines/shed-bus/scan").getBoolean("running"));

    JsonObject scan = get("/api/tech/lines/shed-bus/scan");
    assertNull(scan.getString("error"));
    assertEquals(8, scan.getInteger("done"));
    assertEquals(List.of(1, 2, 3), scan.getJsonArray("found").stream()
        .map(f -> ((JsonObject) f).getInteger("unit")).toList());
    assertTrue(rig.charging.running.gateway.devices().snapshot().stream()
        .filter(d -> d.id().startsWith("pile-")).allMatch(d -> d.online()), "the piles stayed online during the scan");
  }

  @Test
  void aRawReadReturnsTheSimulatorsRegisters() throws Exception {
    Ebc10Pile pile = rig.charging.pile(2);
    JsonObject holding = get("/api/tech/lines/shed-bus/registers?unit=2&table=holding&address=0&count=4");
    assertEquals(List.of(0, 1, 2, 3), column(holding, "address"));
    List<Integer> values = column(holding, "value");
    assertEquals(2, values.get(0), "holding 0 is the pile's address");
    assertEquals(pile.buzzer() ? 1 : 0, values.get(2));
    assertEquals(pile.autoStart() ? 1 : 0, values.get(3));

    JsonObject input = get("/api/tech/lines/shed-bus/registers?unit=2&table=input&address=0x0003&count=2");
    int[] expected = pile.inputRegisters(3, 2);
    assertEquals(IntStream.of(expected).boxed().toList(), column(input, "value"), "firmware and port count");
  }

  @Test
  void aWriteWithoutConfirmationIsRefusedAndAConfirmedOneLandsAndIsAudited() throws Exception {
    Ebc10Pile pile = rig.charging.pile(3);
    assertFalse(pile.buzzer());
    JsonObject write = new JsonObject().put("unit", 3).put("address", 2).put("value", 1);

    TechConsoleRig.Reply refused = rig.post("/api/tech/lines/shed-bus/registers", write);
    assertEquals(400, refused.status());
    assertEquals("confirm", refused.json().getString("field"));
    Thread.sleep(500);
    assertFalse(pile.buzzer(), "an unconfirmed write reached the pile");

    TechConsoleRig.Reply done = rig.post("/api/tech/lines/shed-bus/registers", write.copy().put("confirm", true));
    assertEquals(200, done.status(), String.valueOf(done.json()));
    assertTrue(pile.buzzer(), "the pile's buzzer register was not written");
    assertEquals(0, done.json().getInteger("before"));
    assertEquals(List.of(1), column(get("/api/tech/lines/shed-bus/registers?unit=3&address=2&count=1"), "value"));

    List<List<String>> audit = rig.audit("tech.register.write", "shed-bus/3/holding/2");
    assertEquals(1, audit.size());
    assertEquals(TechConsoleRig.TECHNICIAN, audit.get(0).get(0));
    assertEquals(0, new JsonObject(audit.get(0).get(1)).getInteger("value"));
    assertEquals(1, new JsonObject(audit.get(0).get(2)).getInteger("value"));
  }

  @Test
  void badAddressesAndRangesAreRefusedWithTheirField() throws Exception {
    assertRefused(rig.post("/api/tech/lines/shed-bus/scan", new JsonObject().put("from", 0).put("to", 10)), "from");
    assertRefused(rig.post("/api/tech/lines/shed-bus/scan", new JsonObject().put("from", 1).put("to", 248)), "to");
    assertRefused(rig.post("/api/tech/lines/shed-bus/scan", new JsonObject().put("from", 20).put("to", 10)), "to");
    assertRefused(rig.post("/api/tech/lines/shed-bus/scan", new JsonObject().put("from", "one").put("to", 10)), "from");
    assertRefused(rig.get("/api/tech/lines/shed-bus/registers?unit=0&address=0&count=1"), "unit");
    assertRefused(rig.get("/api/tech/lines/shed-bus/registers?unit=1&address=70000&count=1"), "address");
    assertRefused(rig.get("/api/tech/lines/shed-bus/registers?unit=1&address=0&count=126"), "count");
    assertRefused(rig.get("/api/tech/lines/shed-bus/registers?unit=1&address=0&count=1&table=coil"), "table");
    assertRefused(rig.post("/api/tech/lines/shed-bus/registers",
        new JsonObject().put("unit", 1).put("address", 2).put("value", 65536).put("confirm", true)), "value");
    TechConsoleRig.Reply noLine = rig.get("/api/tech/lines/no-such-line/registers?unit=1&address=0&count=1");
    assertEquals(404, noLine.status());
    assertEquals("line", noLine.json().getString("field"));
  }

  @Test
  void aPilesLimitIsChangedLiveBesideItsDefaultAndAudited() throws Exception {
    JsonObject change = new JsonObject().put("scope", "pile").put("target", "pile-1")
        .put("changes", new JsonObject().put("overPowerW", 650));
    TechConsoleRig.Reply done = rig.put("/api/tech/limits", change);
    assertEquals(200, done.status(), String.valueOf(done.json()));

    JsonObject limits = get("/api/tech/limits");
    assertEquals(800, limits.getJsonObject("defaults").getInteger("overPowerW"));
    JsonObject pile1 = limits.getJsonArray("piles").stream().map(p -> (JsonObject) p)
        .filter(p -> p.getString("pile").equals("pile-1")).findFirst().orElseThrow();
    assertEquals(650, pile1.getJsonObject("effective").getInteger("overPowerW"));
    List<List<String>> audit = rig.audit("tech.limits.set", "pile-1");
    assertEquals(TechConsoleRig.TECHNICIAN, audit.get(0).get(0));
    assertEquals(800, new JsonObject(audit.get(0).get(1)).getInteger("overPowerW"));

    assertRefused(rig.put("/api/tech/limits", change.copy()
        .put("changes", new JsonObject().put("plugWarmC", 95))), "plugWarmC");
    // within its own range, but above the hot level in force: refused by the same rule the file obeys
    assertRefused(rig.put("/api/tech/limits", change.copy().put("scope", "shed").put("target", "S1")
        .put("changes", new JsonObject().put("plugWarmC", 75))), "plugWarmC");
    assertRefused(rig.put("/api/tech/limits", change.copy().put("scope", "shed").put("target", "S9")), "target");
    assertRefused(rig.put("/api/tech/limits", change.copy().put("scope", "building")), "scope");
  }

  @Test
  void theConfigurationIsExportedAsItsYamlFiles() throws Exception {
    TechConsoleRig.Reply zip = rig.get("/api/tech/support/config");
    assertEquals(200, zip.status());
    List<String> names = new ArrayList<>();
    String estate = null;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.raw().body()))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        names.add(e.getName());
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        if (e.getName().equals("estates/test.yaml")) {
          estate = text;
        }
      }
    }
    assertTrue(names.containsAll(List.of("gateway.yaml", "estates/test.yaml", "profiles/ebc-10.yaml")), names.toString());
    assertTrue(estate.contains("shed-bus"), estate);
    assertEquals(TechConsoleRig.TECHNICIAN, rig.audit("tech.config.export", dir.resolve("gateway.yaml")
        .toAbsolutePath().normalize().toString()).get(0).get(0));

    TechConsoleRig.Reply log = rig.get("/api/tech/support/log");
    assertEquals(200, log.status());
    assertTrue(new String(log.raw().body(), StandardCharsets.UTF_8).contains("RS-485 line shed-bus is open"));
  }

  @Test
  void anImportIsRefusedWhereTheProfilesAreNotBesideTheGatewayFile() throws Exception {
    byte[] zip = rig.get("/api/tech/support/config").raw().body();
    Path shipped = Path.of("..", "config", "profiles", "ebc-10.yaml");
    String before = Files.readString(shipped);

    HttpResponse<String> reply = rig.login.exchange(rig.login.request("/api/tech/support/config")
        .PUT(HttpRequest.BodyPublishers.ofByteArray(zip)), HttpResponse.BodyHandlers.ofString());

    // This rig reads the shipped profiles: an import must not write into the project's own files.
    assertEquals(409, reply.statusCode(), reply.body());
    assertTrue(new JsonObject(reply.body()).getString("error").contains("by hand"), reply.body());
    assertEquals(before, Files.readString(shipped));
  }

  private static void assertRefused(TechConsoleRig.Reply reply, String field) {
    assertEquals(400, reply.status(), String.valueOf(reply.json()));
    assertEquals(field, reply.json().getString("field"), reply.json().encode());
  }

  private static JsonObject get(String path) {
    try {
      TechConsoleRig.Reply reply = rig.get(path);
      assertEquals(200, reply.status(), path + ": " + reply.json());
      return reply.json();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static List<Integer> column(JsonObject registers, String name) {
    JsonArray rows = registers.getJsonArray("registers");
    return rows.stream().map(r -> ((JsonObject) r).getInteger(name)).toList();
  }
}
