package io.doorstep.gateway.web.office;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The office's API over real HTTP, on a real SQLite file, as the office page calls it. */
class OfficeApiTest {
  @TempDir Path dir;
  private OfficeRig rig;

  @BeforeEach
  void start() throws Exception {
    rig = OfficeRig.start(dir);
  }

  @AfterEach
  void stop() throws Exception {
    rig.close();
  }

  static JsonObject wang() {
    return new JsonObject().put("id", "R09001").put("name", "王伟").put("kind", "resident")
        .put("household", "b03-u1-1502").put("cards", "04a1 b2c3\nW26:123:45678").put("plates", "闽c 12345")
        .put("ebikePlates", new JsonArray().add("闽C·E1234")).put("ebikeTags", "E2801160600002")
        .put("validFrom", "2025-01-01").put("validTo", "2030-12-31");
  }

  @Test
  void aPersonIsAddedSeenChangedAndRemovedEachChangeAuditedUnderTheOfficeUsersName() throws Exception {
    OfficeRig.Reply added = rig.post("/api/office/persons", wang());
    assertEquals(201, added.status(), added.body());
    JsonObject person = added.json().getJsonObject("person");
    assertEquals("B03-U1-1502", person.getString("household"), "the household is stored as the estate spells it");
    assertEquals(List.of("04A1B2C3", "W26:123:45678"), person.getJsonArray("cards").stream()
        .map(c -> ((JsonObject) c).getString("text")).toList());
    assertEquals("2030-12-31", person.getString("validToText"), "the last day, as typed");

    JsonObject found = rig.get("/api/office/persons?q=E1234").json();
    assertEquals("R09001", found.getJsonArray("persons").getJsonObject(0).getString("id"), "found by e-bike plate");

    OfficeRig.Reply one = rig.get("/api/office/persons/R09001");
    assertEquals(200, one.status());
    JsonArray sync = one.json().getJsonArray("sync");
    // The sync reads the change a moment later: ask again until it knows the person.
    for (int i = 0; i < 100 && sync.isEmpty(); i++) {
      Thread.sleep(50);
      sync = rig.get("/api/office/persons/R09001").json().getJsonArray("sync");
    }
    assertTrue(sync.stream().map(s -> (JsonObject) s).anyMatch(s -> s.getString("device").equals("ft-b03-u1")
        && s.getString("state").equals("PENDING") && s.getString("terminal").equals("OFFLINE")), sync.encode());
    assertTrue(sync.stream().map(s -> (JsonObject) s).noneMatch(s -> s.getString("device").equals("ft-b05-u1")),
        "a resident of building 3 is not sent to building 5's door: " + sync.encode());

    OfficeRig.Reply changed = rig.put("/api/office/persons/R09001", wang().put("name", "王伟强").put("cards", ""));
    assertEquals(200, changed.status(), changed.body());
    assertEquals(0, changed.json().getJsonObject("person").getJsonArray("cards").size());

    assertEquals(204, rig.delete("/api/office/persons/R09001").status());
    assertEquals(404, rig.get("/api/office/persons/R09001").status());

    List<List<String>> audit = rig.audit();
    assertEquals(List.of("person.add", "person.update", "person.remove"), audit.stream().map(r -> r.get(1)).toList());
    assertTrue(audit.stream().allMatch(r -> r.get(0).equals(OfficeRig.USER)), audit.toString());
    assertTrue(audit.get(1).get(3).contains("王伟") && audit.get(1).get(4).contains("王伟强"), "before and after");
    assertNull(audit.get(2).get(4), "nothing after a removal");
  }

  @Test
  void everyRefusalNamesItsField() throws Exception {
    assertField(rig.post("/api/office/persons", wang().put("household", "B99-U1-101")), 400, "household");
    assertField(rig.post("/api/office/persons", wang().put("household", "")), 400, "household");
    assertField(rig.post("/api/office/persons", wang().put("cards", "not-a-card")), 400, "cards");
    assertField(rig.post("/api/office/persons", wang().put("kind", "boss")), 400, "kind");
    assertField(rig.post("/api/office/persons", wang().put("name", " ")), 400, "name");
    assertField(rig.post("/api/office/persons", wang().put("id", "R 1")), 400, "id");
    assertField(rig.post("/api/office/persons", wang().put("validTo", "31/12/2030")), 400, "validTo");
    assertField(rig.post("/api/office/persons", wang().put("plates", "!")), 400, "plates");
    assertField(rig.post("/api/office/persons", wang().put("ebikeTags", "xyz")), 400, "ebikeTags");
    assertField(rig.post("/api/office/persons", wang().put("name", new JsonObject())), 400, "name");

    OfficeRig.Reply several = rig.post("/api/office/persons", wang().put("kind", "boss").put("cards", "zz"));
    assertEquals(List.of("kind", "cards"), several.json().getJsonArray("problems").stream()
        .map(p -> ((JsonObject) p).getString("field")).toList(), "every field at fault, so the form marks each");

    assertEquals(201, rig.post("/api/office/persons", wang()).status());
    assertField(rig.post("/api/office/persons", wang()), 409, "id");
    OfficeRig.Reply taken = rig.post("/api/office/persons", wang().put("id", "R09002").put("plates", ""));
    assertField(taken, 409, "cards");
    assertTrue(taken.json().getString("error").contains("R09001"), "says who holds the card: " + taken.body());
    assertEquals(1, rig.audit().size(), "nothing refused was written");
  }

  @Test
  void personsAndHouseholdsArePaged() throws Exception {
    byte[] csv = Files.readAllBytes(OfficeRig.CONFIG.resolve("people-sample.csv"));
    assertTrue(rig.postBytes("/api/office/import", "text/csv", csv).json().getBoolean("applied"));

    JsonObject first = rig.get("/api/office/persons?limit=3").json();
    assertEquals(3, first.getJsonArray("persons").size());
    assertTrue(first.getBoolean("more"));
    JsonObject last = rig.get("/api/office/persons?limit=3&offset=6").json();
    assertEquals(2, last.getJsonArray("persons").size());
    assertFalse(last.getBoolean("more"));
    assertEquals(3, rig.get("/api/office/persons?household=B03-U1-1502").json().getJsonArray("persons").size());
    assertEquals(1, rig.get("/api/office/persons?kind=staff").json().getJsonArray("persons").size());
    assertField(rig.get("/api/office/persons?limit=zero"), 400, "limit");
    assertField(rig.get("/api/office/persons?kind=boss"), 400, "kind");

    JsonObject b03 = rig.get("/api/office/households?q=b03").json();
    assertEquals(2, b03.getInteger("total"));
    assertEquals("B03-U2-801", b03.getJsonArray("households").getJsonObject(1).getString("id"), "in building, unit, room order");
    assertEquals(2, b03.getJsonArray("households").getJsonObject(1).getInteger("persons"));
    assertEquals(1, rig.get("/api/office/households?q=b03&limit=1&offset=1").json().getJsonArray("households").size());
    assertEquals(List.of("陈静", "刘洋"), rig.get("/api/office/households/b03-u2-801").json().getJsonArray("persons")
        .stream().map(p -> ((JsonObject) p).getString("name")).toList());
  }

  @Test
  void anImportReportsEachProblemWithItsLineAndColumnAndChangesNothing() throws Exception {
    String csv = "房号,姓名,类型,卡号\nB03-U1-1502,王伟,业主,04A1B2C3\nB03-U1-1502,李娜,业主,12\n";
    OfficeRig.Reply refused = rig.postBytes("/api/office/import", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    assertEquals(200, refused.status());
    JsonObject report = refused.json();
    assertFalse(report.getBoolean("applied"));
    assertEquals(1, report.getInteger("refused"));
    JsonObject row = report.getJsonArray("rows").getJsonObject(1);
    assertEquals(3, row.getInteger("line"));
    assertEquals("卡号", row.getJsonArray("problems").getJsonObject(0).getString("column"));
    assertEquals(0, rig.get("/api/office/persons").json().getJsonArray("persons").size());

    JsonObject dry = rig.postBytes("/api/office/import?dryRun=true", "text/csv",
        csv.replace(",12\n", ",\n").getBytes(StandardCharsets.UTF_8)).json();
    assertTrue(dry.getBoolean("ok"));
    assertFalse(dry.getBoolean("applied"));
    assertEquals(2, dry.getInteger("added"));
    assertEquals(0, rig.get("/api/office/persons").json().getJsonArray("persons").size(), "a dry run changes nothing");

    assertField(rig.postBytes("/api/office/import", "text/csv", new byte[0]), 400, "file");
    List<List<String>> audit = rig.audit();
    assertTrue(audit.isEmpty(), audit.toString());
  }

  @Test
  void aPhotoIsCheckedAsTheGatewayWouldThenStoredAndAnOversizedOneIsRefusedBeforeItIsRead() throws Exception {
    assertEquals(201, rig.post("/api/office/persons", wang()).status());

    JsonObject check = rig.postBytes("/api/office/photo-check", "image/jpeg", image("jpg", 480, 640)).json();
    assertTrue(check.getBoolean("ok"), check.encode());
    assertEquals(480, check.getInteger("width"));
    assertEquals(640, check.getInteger("height"));
    JsonObject png = rig.postBytes("/api/office/photo-check", "image/png", image("png", 100, 100)).json();
    assertFalse(png.getBoolean("jpeg"));
    assertEquals("the photo is not a JPEG", png.getJsonArray("problems").getString(0));
    assertField(rig.putBytes("/api/office/persons/R09001/photo", "image/png", image("png", 100, 100)), 400, "photo");

    OfficeRig.Reply stored = rig.putBytes("/api/office/persons/R09001/photo", "image/jpeg", image("jpg", 480, 640));
    assertEquals(200, stored.status(), stored.body());
    assertTrue(stored.json().getJsonObject("person").getBoolean("face"));
    assertEquals("person.face.set", rig.audit().get(1).get(1));
    assertEquals(OfficeRig.USER, rig.audit().get(1).get(0));
    assertField(rig.putBytes("/api/office/persons/R00000/photo", "image/jpeg", image("jpg", 48, 64)), 404, null);

    // Only the head is sent: the answer comes from the declared length, before any of the body.
    try (Socket socket = new Socket("127.0.0.1", rig.port())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(("PUT /api/office/persons/R09001/photo HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "Cookie: " + rig.login.cookieHeader() + "\r\nX-XSRF-TOKEN: " + rig.login.xsrfToken() + "\r\n"
          + "Content-Type: image/jpeg\r\nContent-Length: " + (3 * 1024 * 1024) + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      String answer = readAnswer(socket.getInputStream());
      assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
      assertTrue(answer.contains("\"field\":\"photo\"") && answer.contains("2 MiB"), answer);
    }
    // the refused change turned the session's anti-forgery token over in a cookie this client never
    // saw; the next page load brings it, as in a browser
    rig.get("/api/session/me");
    assertEquals(200, rig.delete("/api/office/persons/R09001/photo").status());
    assertFalse(rig.get("/api/office/persons/R09001").json().getJsonObject("person").getBoolean("face"));
  }

  @Test
  void aVisitorPassIsIssuedAuditedAndItsQrCodeDrawnOnlyForAGenuinePass() throws Exception {
    JsonArray doors = rig.get("/api/office/doors").json().getJsonArray("doors");
    assertTrue(doors.stream().anyMatch(d -> ((JsonObject) d).getString("id").equals("B03-U1")), doors.encode());

    JsonObject form = new JsonObject().put("visitorName", "周杰").put("doors", new JsonArray().add("G1-L1").add("B03-U1"))
        .put("validFrom", "2025-06-01T09:00").put("validTo", "2025-06-01T18:00").put("uses", "2");
    assertField(rig.post("/api/office/passes", form.copy().put("doors", new JsonArray().add("B99"))), 400, "doors");
    assertField(rig.post("/api/office/passes", form.copy().put("validTo", "2025-06-01T08:00")), 400, "validTo");
    assertField(rig.post("/api/office/passes", form.copy().put("validFrom", "tomorrow")), 400, "validFrom");
    assertField(rig.post("/api/office/passes", form.copy().put("uses", "-1")), 400, "uses");
    assertField(rig.post("/api/office/passes", form.copy().put("visitorName", "")), 400, "visitorName");

    OfficeRig.Reply issued = rig.post("/api/office/passes", form);
    assertEquals(201, issued.status(), issued.body());
    String code = issued.json().getString("code");
    assertTrue(code.startsWith("DS1."), code);
    assertEquals(2, issued.json().getJsonObject("pass").getInteger("uses"));

    OfficeRig.Reply qr = rig.get("/api/office/passes/qr.svg?code=" + java.net.URLEncoder.encode(code, StandardCharsets.UTF_8));
    assertEquals(200, qr.status());
    assertEquals("image/svg+xml", qr.type());
    assertTrue(qr.body().startsWith("<svg") && qr.body().contains("<path d=\"M"), qr.body());
    String forged = code.substring(0, code.length() - 2) + (code.endsWith("A") ? "BB" : "AA");
    assertField(rig.get("/api/office/passes/qr.svg?code=" + java.net.URLEncoder.encode(forged, StandardCharsets.UTF_8)),
        400, "code");

    List<String> audit = rig.audit().get(0);
    assertEquals(List.of(OfficeRig.USER, "pass.issue"), audit.subList(0, 2));
    assertTrue(audit.get(4).contains("周杰"), audit.toString());
  }

  @Test
  void theFormIsProposedTheNextFreeIdOfTheKindAndTheIdIsStillChecked() throws Exception {
    assertEquals("R00001", rig.get("/api/office/person-ids/next?kind=resident").json().getString("id"));
    assertEquals(201, rig.post("/api/office/persons", wang()).status());
    assertEquals("R09002", rig.get("/api/office/person-ids/next?kind=tenant").json().getString("id"),
        "after the highest R number, shared by residents and tenants");
    assertEquals("S00001", rig.get("/api/office/person-ids/next?kind=员工").json().getString("id"));
    assertField(rig.get("/api/office/person-ids/next?kind=pet"), 400, "kind");
    assertField(rig.post("/api/office/persons", wang().put("name", "王伟二")), 409, "id");
  }

  @Test
  void issuedPassesAreListedByStateAndOneIsRevokedOnceAudited() throws Exception {
    assertEquals(201, rig.post("/api/office/persons", wang()).status());
    java.time.LocalDateTime now = java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai"))
        .withSecond(0).withNano(0);
    JsonObject today = pass("周杰", now.minusHours(1), now.plusHours(8), "0").put("host", "b03-u1-1502");
    assertField(rig.post("/api/office/passes", today.copy().put("host", "B99-U9-999")), 400, "host");
    String code = rig.post("/api/office/passes", today).json().getString("code");
    JsonObject once = pass("李娜", now.minusHours(1), now.plusHours(8), "1").put("host", "R09001");
    String onceId = rig.post("/api/office/passes", once).json().getJsonObject("pass").getString("id");
    rig.post("/api/office/passes", pass("赵六", now.plusDays(2), now.plusDays(3), "1"));
    rig.post("/api/office/passes", pass("钱七", now.minusDays(3), now.minusDays(2), "1"));
    // The access rules store each opening right after it; one opening uses up 李娜's pass.
    OfficeRig.await(rig.store.write(c -> {
      try (var ps = c.prepareStatement("INSERT INTO visitor_pass_uses (pass_id, used, last_ts) VALUES (?, 1, 0)")) {
        ps.setString(1, onceId);
        return ps.executeUpdate();
      }
    }));

    JsonArray all = rig.get("/api/office/passes").json().getJsonArray("passes");
    assertEquals(List.of("钱七", "赵六", "李娜", "周杰"), names(all), "newest first");
    JsonObject zhou = all.getJsonObject(3);
    assertEquals("valid", zhou.getString("state"));
    assertEquals("B03-U1-1502", zhou.getString("host"), "the household as the estate spells it");
    assertEquals(OfficeRig.USER, zhou.getString("issuedBy"));
    assertEquals(List.of("G1-L1", "B03-U1"), zhou.getJsonArray("doors").getList());
    assertEquals("王伟", all.getJsonObject(2).getString("hostName"), "a person host is named");
    assertEquals(1, all.getJsonObject(2).getInteger("used"));
    assertEquals(List.of("used-up", "not-yet-valid", "expired"),
        List.of(all.getJsonObject(2).getString("state"), all.getJsonObject(1).getString("state"),
            all.getJsonObject(0).getString("state")));
    assertEquals(List.of("周杰"), names(rig.get("/api/office/passes?state=valid").json().getJsonArray("passes")));
    JsonObject page = rig.get("/api/office/passes?limit=2&offset=1").json();
    assertEquals(List.of("赵六", "李娜"), names(page.getJsonArray("passes")));
    assertTrue(page.getBoolean("more"));
    assertField(rig.get("/api/office/passes?state=lost"), 400, "state");
    assertField(rig.get("/api/office/passes?limit=0"), 400, "limit");

    String id = zhou.getString("id");
    assertEquals(code, rig.get("/api/office/passes/" + id).json().getString("code"), "the same QR text again");
    assertNull(rig.get("/api/office/passes/" + onceId).json().getString("code"), "no QR for a used-up pass");

    OfficeRig.Reply revoked = rig.post("/api/office/passes/" + id + "/revoke", new JsonObject());
    assertEquals(200, revoked.status(), revoked.body());
    assertEquals("revoked", revoked.json().getJsonObject("pass").getString("state"));
    assertEquals(OfficeRig.USER, revoked.json().getJsonObject("pass").getString("revokedBy"));
    assertField(rig.post("/api/office/passes/" + id + "/revoke", new JsonObject()), 409, "id");
    assertField(rig.post("/api/office/passes/no-such-pass/revoke", new JsonObject()), 404, "id");
    assertField(rig.get("/api/office/passes/no-such-pass"), 404, "id");
    assertEquals(List.of("周杰"), names(rig.get("/api/office/passes?state=revoked").json().getJsonArray("passes")));
    assertTrue(rig.get("/api/office/passes?state=valid").json().getJsonArray("passes").isEmpty());
    assertNull(rig.get("/api/office/passes/" + id).json().getString("code"));
    assertField(rig.get("/api/office/passes/qr.svg?code=" + java.net.URLEncoder.encode(code, StandardCharsets.UTF_8)),
        400, "code");

    List<List<String>> revokes = rig.audit().stream().filter(r -> r.get(1).equals("pass.revoke")).toList();
    assertEquals(1, revokes.size(), "refused revocations are not audited");
    List<String> row = revokes.get(0);
    assertEquals(List.of(OfficeRig.USER, "pass.revoke", id), row.subList(0, 3));
    assertEquals("valid", new JsonObject(row.get(3)).getString("state"));
    assertEquals("revoked", new JsonObject(row.get(4)).getString("state"));
  }

  private static JsonObject pass(String visitor, java.time.LocalDateTime from, java.time.LocalDateTime to, String uses) {
    return new JsonObject().put("visitorName", visitor).put("doors", new JsonArray().add("G1-L1").add("B03-U1"))
        .put("validFrom", from.toString()).put("validTo", to.toString()).put("uses", uses);
  }

  private static List<String> names(JsonArray passes) {
    return passes.stream().map(p -> ((JsonObject) p).getString("visitorName")).toList();
  }

  private static void assertField(OfficeRig.Reply reply, int status, String field) {
    assertEquals(status, reply.status(), reply.body());
    JsonObject json = reply.json();
    assertTrue(json.getString("error") != null && !json.getString("error").isBlank(), reply.body());
    assertEquals(field, json.getString("field"), reply.body());
  }

  static byte[] image(String format, int width, int height) throws Exception {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, format, out);
    return out.toByteArray();
  }

  private static String readAnswer(InputStream in) throws Exception {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buf = new byte[4096];
    int n;
    // The server closes or sends its answer: read what arrives until the JSON ends.
    while ((n = in.read(buf)) > 0) {
      all.write(buf, 0, n);
      if (all.toString(StandardCharsets.UTF_8).contains("}")) {
        break;
      }
    }
    return all.toString(StandardCharsets.UTF_8);
  }
}
