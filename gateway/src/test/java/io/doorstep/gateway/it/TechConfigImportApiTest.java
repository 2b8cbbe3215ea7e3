package io.doorstep.gateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.gateway.config.ConfigLoader;
import io.doorstep.gateway.web.WebLogin;
import io.doorstep.gateway.web.auth.Role;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A technician exports the configuration, changes it and imports it back over real HTTP: a valid
 * set is written with the old files kept beside, a restart is asked for, and the import is
 * audited; a set with a mistake is refused with the file and line and nothing changes.
 */
class TechConfigImportApiTest {
  private static final String CONFIG = "/api/tech/support/config";
  private static final String RESTART = "/api/tech/support/restart";
  private static final String TECHNICIAN = "王工";
  @TempDir Path dir;
  private RunningGateway running;
  private WebLogin tech;

  @BeforeEach
  void start() throws Exception {
    running = RunningGateway.start(dir, 30, List.of());
    tech = WebLogin.as(running.gateway.vertx(), running.gateway.store(), running.gateway.webPort(), TECHNICIAN,
        Role.TECHNICIAN);
  }

  @AfterEach
  void stop() {
    running.close();
  }

  @Test
  void anExportedConfigurationChangedAndImportedIsWrittenWithABackupAndAudited() throws Exception {
    Map<String, String> files = exported();
    String before = files.get("estates/test.yaml");
    files.put("estates/test.yaml", before.replace("南门 1号通道", "南门 1号通道（新）"));

    HttpResponse<String> reply = upload(zip(files));

    assertEquals(200, reply.statusCode(), reply.body());
    JsonObject json = new JsonObject(reply.body());
    assertEquals(new JsonArray().add("estates/test.yaml"), json.getJsonArray("written"));
    assertTrue(json.getJsonArray("unchanged").contains("gateway.yaml"));
    assertTrue(json.getBoolean("restartNeeded"));
    assertTrue(Files.readString(dir.resolve("estates/test.yaml")).contains("南门 1号通道（新）"));
    assertEquals(List.of(before), backupsOf("test.yaml").stream().map(TechConfigImportApiTest::read).toList());
    assertEquals("南门 1号通道（新）", ConfigLoader.load(dir.resolve("gateway.yaml")).estate().door("G1-L1")
        .orElseThrow().name(), "the next start loads the imported file");
    HttpResponse<String> map = tech.exchange(tech.request("/api/board/map").GET(), HttpResponse.BodyHandlers.ofString());
    assertTrue(map.body().contains("\"南门 1号通道\""), "the running gateway is unchanged until a restart");
    List<List<String>> audit = running.audit("tech.config.import", dir.resolve("gateway.yaml").toString());
    assertEquals(TECHNICIAN, audit.get(0).get(2));
    assertTrue(audit.get(0).get(1).contains("estates/test.yaml"), audit.get(0).get(1));
  }

  @Test
  void aMistakeIsReportedWithFileAndLineAndNothingIsWritten() throws Exception {
    Map<String, String> files = exported();
    String estate = files.get("estates/test.yaml");
    files.put("estates/test.yaml", estate.replace("devices: [ft-g1-l2]", "devices: [ft-g9-l9]"));
    files.put("gateway.yaml", files.get("gateway.yaml").replace("missedHeartbeats: 3", "missedHeartbeats: 0"));

    HttpResponse<String> reply = upload(zip(files));

    assertEquals(422, reply.statusCode(), reply.body());
    JsonObject json = new JsonObject(reply.body());
    assertEquals("file", json.getString("field"));
    List<String> where = json.getJsonArray("problems").stream().map(p -> (JsonObject) p)
        .map(p -> p.getString("file") + ":" + p.getInteger("line")).toList();
    assertEquals(List.of("gateway.yaml:5", "estates/test.yaml:6"), where, json.encodePrettily());
    assertTrue(json.getJsonArray("problems").getJsonObject(1).getString("message").contains("ft-g9-l9"),
        json.encodePrettily());
    assertEquals(estate, Files.readString(dir.resolve("estates/test.yaml")));
    assertTrue(backupsOf("test.yaml").isEmpty());
    assertTrue(running.audit("tech.config.import", dir.resolve("gateway.yaml").toString()).isEmpty());
  }

  @Test
  void aZipThatIsNoExportIsRefusedByName() throws Exception {
    Map<String, String> files = exported();
    files.put("../outside.yaml", "estate: x\n");

    HttpResponse<String> traversal = upload(zip(files));
    HttpResponse<String> notAZip = upload("gateway.yaml: not zipped".getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> tooLarge = upload(new byte[(1 << 20) + 1]);

    assertEquals(422, traversal.statusCode(), traversal.body());
    assertEquals("../outside.yaml", new JsonObject(traversal.body()).getJsonArray("problems").getJsonObject(0)
        .getString("file"));
    assertFalse(Files.exists(dir.resolve("../outside.yaml")));
    assertEquals(422, notAZip.statusCode(), notAZip.body());
    assertEquals(413, tooLarge.statusCode(), tooLarge.body());
    assertEquals("file", new JsonObject(tooLarge.body()).getString("field"));
  }

  @Test
  void aGuardMayNotImport() throws Exception {
    WebLogin guard = WebLogin.as(running.gateway.vertx(), running.gateway.store(), running.gateway.webPort(), "王保安",
        Role.GUARD);
    Map<String, String> files = exported();

    HttpResponse<String> reply = guard.exchange(guard.request(CONFIG)
        .PUT(HttpRequest.BodyPublishers.ofByteArray(zip(files))).header("Content-Type", "application/zip"),
        HttpResponse.BodyHandlers.ofString());

    assertEquals(403, reply.statusCode(), reply.body());
  }

  @Test
  void aRestartIsRefusedWhileTheFilesDoNotLoadAndTheGatewayRunsOn() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    running.gateway.restarts().handOver(asked::incrementAndGet);
    Path estate = dir.resolve("estates/test.yaml");
    Files.writeString(estate, Files.readString(estate).replace("devices: [ft-g1-l2]", "devices: [ft-g9-l9]"));

    HttpResponse<String> reply = tech.post(RESTART, new JsonObject());

    assertEquals(422, reply.statusCode(), reply.body());
    JsonObject problem = new JsonObject(reply.body()).getJsonArray("problems").getJsonObject(0);
    assertEquals(estate.toString() + ":6", problem.getString("file") + ":" + problem.getInteger("line"));
    assertTrue(problem.getString("message").contains("ft-g9-l9"), problem.encode());
    assertEquals(0, asked.get(), "a restart into files that do not load was asked");
    assertTrue(running.audit("tech.gateway.restart", dir.resolve("gateway.yaml").toString()).isEmpty());
    assertEquals(200, tech.get("/api/tech/devices").statusCode(), "the gateway runs on");
  }

  @Test
  void aRestartIsAuditedAndAskedOnceTheReplyIsOut() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    running.gateway.restarts().handOver(asked::incrementAndGet);

    HttpResponse<String> reply = tech.post(RESTART, new JsonObject());

    assertEquals(202, reply.statusCode(), reply.body());
    Waits.until("the restart is asked", Duration.ofSeconds(5), () -> asked.get() == 1);
    List<List<String>> audit = running.audit("tech.gateway.restart", dir.resolve("gateway.yaml").toString());
    assertEquals(TECHNICIAN, audit.get(0).get(2));
  }

  @Test
  void aGatewayNoSupervisorWouldStartAgainSaysSoAndAGuardMayNotRestart() throws Exception {
    WebLogin guard = WebLogin.as(running.gateway.vertx(), running.gateway.store(), running.gateway.webPort(), "王保安",
        Role.GUARD);

    HttpResponse<String> unsupervised = tech.post(RESTART, new JsonObject());
    running.gateway.restarts().handOver(() -> { });
    HttpResponse<String> byGuard = guard.post(RESTART, new JsonObject());

    assertEquals(409, unsupervised.statusCode(), unsupervised.body());
    assertTrue(new JsonObject(unsupervised.body()).getString("error").contains("systemctl restart doorstep"));
    assertEquals(403, byGuard.statusCode(), byGuard.body());
  }

  private Map<String, String> exported() throws Exception {
    HttpResponse<byte[]> zip = tech.exchange(tech.request(CONFIG).GET(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, zip.statusCode());
    Map<String, String> files = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return files;
  }

  private HttpResponse<String> upload(byte[] body) throws Exception {
    return tech.exchange(tech.request(CONFIG).PUT(HttpRequest.BodyPublishers.ofByteArray(body))
        .header("Content-Type", "application/zip"), HttpResponse.BodyHandlers.ofString());
  }

  private static byte[] zip(Map<String, String> files) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, String> f : files.entrySet()) {
        zip.putNextEntry(new ZipEntry(f.getKey()));
        zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  private List<Path> backupsOf(String name) throws Exception {
    try (Stream<Path> files = Files.list(dir.resolve("estates"))) {
      return files.filter(f -> f.getFileName().toString().startsWith(name + ".bak-")).toList();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
