package io.doorstep.gateway.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.gateway.store.Store;
import io.doorstep.gateway.web.auth.Accounts;
import io.doorstep.gateway.web.auth.AdminModule;
import io.doorstep.gateway.web.auth.Role;
import io.doorstep.gateway.web.auth.SessionPolicy;
import io.doorstep.gateway.web.auth.WebAuth;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Login, sessions, roles and the admin API over real HTTP, on a real SQLite store. */
class WebAuthTest {
  private final HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private Vertx vertx;
  private Store store;
  private WebAuth auth;
  private WebServer server;
  private int port;

  @BeforeEach
  void start(@TempDir Path dir) throws Exception {
    vertx = WebTestSupport.vertx();
    store = WebTestSupport.store(vertx, dir);
    Map<Role, Long> idle = new EnumMap<>(SessionPolicy.defaults().idleMs());
    // the office's sessions end at once, so a test can see an idle session end
    idle.put(Role.OFFICE, 1L);
    auth = new WebAuth(vertx, new Accounts(vertx, store), new SessionPolicy(idle), meters);
    server = WebTestSupport.await(WebServer.start(vertx, new WebServer.Listen("127.0.0.1", 0, null),
        new FakeWebSources(), auth, List.of(new AdminModule(auth.accounts(), store))));
    port = server.actualPort();
  }

  @AfterEach
  void stop() throws Exception {
    WebTestSupport.await(server.close());
    // the store first: its last writes (audit rows) complete on Vert.x
    store.close();
    WebTestSupport.await(vertx.close());
  }

  private HttpResponse<String> anonymous(String path) throws Exception {
    return plain.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private WebLogin as(String name, Role role) throws Exception {
    return WebLogin.as(vertx, store, port, name, role);
  }

  @Test
  void withoutASessionPagesGoToTheLoginPageAndApisAnswer401() throws Exception {
    for (String page : List.of("/", "/index.html", "/app.js", "/tech/index.html", "/office/", "/admin/")) {
      HttpResponse<String> response = anonymous(page);
      assertEquals(302, response.statusCode(), page);
      assertEquals("/login.html?next=" + java.net.URLEncoder.encode(page, "UTF-8"),
          response.headers().firstValue("Location").orElse(""), page);
    }
    for (String api : List.of("/api/events", "/api/devices", "/api/estate", "/api/stream", "/api/board/alarms",
        "/api/tech/lines", "/api/admin/users", "/api/admin/audit", "/api/session/me")) {
      HttpResponse<String> response = anonymous(api);
      assertEquals(401, response.statusCode(), api);
      assertEquals("not logged in", new JsonObject(response.body()).getString("error"), api);
    }
    // monitoring and the login page itself stay open
    assertEquals(200, anonymous("/health").statusCode());
    assertEquals(200, anonymous("/metrics").statusCode());
    assertEquals(200, anonymous("/login.html").statusCode());
    assertEquals(200, anonymous("/js/api.js").statusCode());
  }

  @Test
  void aGuardSeesTheBoardButNotTheTechnicianOrAdminAreas() throws Exception {
    WebLogin guard = as("g1", Role.GUARD);

    assertEquals(200, guard.get("/").statusCode());
    assertEquals(200, guard.get("/api/events").statusCode());
    for (String page : List.of("/tech/index.html", "/tech/", "/admin/", "/admin/index.html", "/admin/admin.js",
        "/office/")) {
      HttpResponse<String> refused = guard.get(page);
      assertEquals(403, refused.statusCode(), page);
      assertTrue(refused.body().contains("无权访问"), page + ": not the not-allowed page");
    }
    for (String api : List.of("/api/tech/lines", "/api/admin/users", "/api/office/persons")) {
      HttpResponse<String> refused = guard.get(api);
      assertEquals(403, refused.statusCode(), api);
      assertTrue(new JsonObject(refused.body()).getString("error").contains("guard"), api);
    }
    assertEquals(403, guard.post("/api/admin/users", new JsonObject().put("name", "x")).statusCode());
  }

  @Test
  void officeStaffKeepToTheOfficeAndAdminsGoEverywhere() throws Exception {
    WebLogin admin = as("a1", Role.ADMIN);
    assertEquals(200, admin.get("/admin/").statusCode());
    assertEquals(200, admin.get("/api/admin/users").statusCode());
    assertEquals(200, admin.get("/api/events").statusCode());

    WebLogin office = WebLogin.anonymous(port);
    WebLogin.createUser(vertx, store, "o1", Role.OFFICE);
    HttpResponse<String> in = office.tryLogin("o1", WebLogin.PASSWORD);
    assertEquals("/office/", new JsonObject(in.body()).getString("home"));
    assertEquals(new JsonArray().add("office"), new JsonObject(in.body()).getJsonArray("areas"));
  }

  @Test
  void aWrongPasswordAndAnUnknownNameAreRefusedAlike() throws Exception {
    WebLogin.createUser(vertx, store, "g1", Role.GUARD);

    HttpResponse<String> wrong = WebLogin.anonymous(port).tryLogin("g1", "not the password");
    HttpResponse<String> unknown = WebLogin.anonymous(port).tryLogin("nobody", "not the password");

    assertEquals(401, wrong.statusCode());
    assertEquals(401, unknown.statusCode());
    assertEquals(new JsonObject(wrong.body()), new JsonObject(unknown.body()));
    assertEquals("wrong name or password", new JsonObject(wrong.body()).getString("error"));
    JsonArray failures = audit(as("a1", Role.ADMIN), "action=login.failed");
    assertEquals(2, failures.size());
    assertEquals("nobody", failures.getJsonObject(0).getString("actor"));
  }

  @Test
  void loginsAreSlowedAfterFiveFailuresEvenWithTheRightPassword() throws Exception {
    WebLogin.createUser(vertx, store, "g1", Role.GUARD);
    WebLogin browser = WebLogin.anonymous(port);
    for (int i = 0; i < 6; i++) {
      assertEquals(401, browser.tryLogin("g1", "guess number " + i).statusCode(), "failure " + i);
    }

    HttpResponse<String> locked = browser.tryLogin("g1", WebLogin.PASSWORD);

    assertEquals(429, locked.statusCode(), locked.body());
    assertTrue(Integer.parseInt(locked.headers().firstValue("Retry-After").orElse("0")) > 0);
    assertTrue(new JsonObject(locked.body()).getLong("retryAfterS") > 0);
    assertEquals(6.0, meters.counter("doorstep.web.login.failures").count());
    assertTrue(meters.counter("doorstep.web.login.locks").count() >= 1);
    assertEquals(1.0, meters.counter("doorstep.web.login.throttled").count());
    // a name nobody has is slowed the same way, so a lock says nothing about who exists
    for (int i = 0; i < 6; i++) {
      WebLogin.anonymous(port).tryLogin("nobody", "guess");
    }
    assertEquals(429, WebLogin.anonymous(port).tryLogin("nobody", "guess").statusCode());
  }

  @Test
  void theSessionIdIsNewAtLoginAndItsCookieHttpOnlyAndSameSiteStrict() throws Exception {
    WebLogin.createUser(vertx, store, "g1", Role.GUARD);
    WebLogin browser = WebLogin.anonymous(port);
    browser.get("/login.html");
    String before = cookie(browser.cookieHeader(), WebAuth.SESSION_COOKIE);
    assertNotNull(before, "no session before the login: " + browser.cookieHeader());

    HttpResponse<String> login = browser.tryLogin("g1", WebLogin.PASSWORD);

    assertEquals(200, login.statusCode(), login.body());
    String setCookie = login.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(WebAuth.SESSION_COOKIE + "=")).findFirst().orElseThrow();
    assertFalse(setCookie.contains(before), "the session id survived the login: " + setCookie);
    assertTrue(setCookie.toLowerCase().contains("httponly"), setCookie);
    assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
    assertFalse(setCookie.contains("Secure"), "plain HTTP on loopback cannot carry a Secure cookie: " + setCookie);
    // the id someone may have planted or seen before the login is worth nothing after it
    HttpResponse<String> old = plain.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/events"))
        .header("Cookie", WebAuth.SESSION_COOKIE + "=" + before).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(401, old.statusCode());
    assertEquals(200, browser.get("/api/events").statusCode());
  }

  private static String cookie(String header, String name) {
    for (String part : header.split("; ")) {
      if (part.startsWith(name + "=")) {
        return part.substring(name.length() + 1);
      }
    }
    return null;
  }

  @Test
  void everyChangeNeedsTheAntiForgeryToken() throws Exception {
    WebLogin admin = as("a1", Role.ADMIN);
    HttpRequest forged = admin.request("/api/admin/users").header("Cookie", admin.cookieHeader())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("name", "mallory").put("role", "admin")
            .put("password", "0123456789abc").encode())).build();

    HttpResponse<String> refused = plain.send(forged, HttpResponse.BodyHandlers.ofString());

    assertEquals(403, refused.statusCode(), refused.body());
    assertTrue(admin.get("/api/admin/users").body().contains("a1"));
    assertFalse(admin.get("/api/admin/users").body().contains("mallory"));
  }

  @Test
  void logoutEndsTheSession() throws Exception {
    WebLogin guard = as("g1", Role.GUARD);
    assertEquals(200, guard.post("/api/session/logout", new JsonObject()).statusCode());
    assertEquals(401, guard.get("/api/events").statusCode());
    JsonArray rows = audit(as("a1", Role.ADMIN), "actor=g1");
    assertEquals("logout", rows.getJsonObject(0).getString("action"));
    assertEquals("login", rows.getJsonObject(1).getString("action"));
  }

  @Test
  void aSessionUnusedLongerThanItsRoleAllowsEnds() throws Exception {
    WebLogin office = as("o1", Role.OFFICE);
    WebLogin guard = as("g1", Role.GUARD);
    Thread.sleep(20);

    assertEquals(401, office.get("/api/session/me").statusCode(), "the office session outlived its idle time");
    assertEquals(200, guard.get("/api/session/me").statusCode());
  }

  @Test
  void theAdminManagesUsersAndEveryFieldIsCheckedByName() throws Exception {
    WebLogin admin = as("a1", Role.ADMIN);

    assertProblem(admin.post("/api/admin/users", new JsonObject().put("name", "a b<").put("role", "guard")
        .put("password", "0123456789")), 400, "name");
    assertProblem(admin.post("/api/admin/users", new JsonObject().put("name", "g2").put("role", "king")
        .put("password", "0123456789")), 400, "role");
    assertProblem(admin.post("/api/admin/users", new JsonObject().put("name", "g2").put("role", "guard")
        .put("password", "short")), 400, "password");
    assertProblem(admin.post("/api/admin/users", new JsonObject().put("name", "g2").put("role", "guard")), 400,
        "password");
    assertProblem(admin.post("/api/admin/users", new JsonObject().put("name", 7).put("role", "guard")
        .put("password", "0123456789")), 400, "name");
    assertEquals(201, admin.post("/api/admin/users", new JsonObject().put("name", "张伟").put("role", "guard")
        .put("password", "0123456789")).statusCode());
    assertProblem(admin.post("/api/admin/users", new JsonObject().put("name", "张伟").put("role", "office")
        .put("password", "0123456789")), 409, "name");
    WebLogin zhang = WebLogin.login(port, "张伟", "0123456789");

    // a new role ends the person's session: they log in again with it
    assertEquals(200, admin.put("/api/admin/users/张伟", new JsonObject().put("role", "technician")).statusCode());
    assertEquals(401, zhang.get("/api/events").statusCode());
    assertEquals("technician", new JsonObject(WebLogin.login(port, "张伟", "0123456789").get("/api/session/me")
        .body()).getString("role"));

    assertEquals(200, admin.post("/api/admin/users/张伟/password", new JsonObject().put("password", "new password 1"))
        .statusCode());
    assertEquals(401, WebLogin.anonymous(port).tryLogin("张伟", "0123456789").statusCode());
    WebLogin.login(port, "张伟", "new password 1");

    assertEquals(200, admin.put("/api/admin/users/张伟", new JsonObject().put("disabled", true)).statusCode());
    assertEquals(401, WebLogin.anonymous(port).tryLogin("张伟", "new password 1").statusCode());

    assertProblem(admin.put("/api/admin/users/张伟", new JsonObject().put("disabled", "yes")), 400, "disabled");
    assertProblem(admin.put("/api/admin/users/nobody", new JsonObject().put("role", "guard")), 404, "name");
    // nobody would be left to undo it
    assertProblem(admin.put("/api/admin/users/a1", new JsonObject().put("role", "guard")), 400, "role");
    assertProblem(admin.put("/api/admin/users/a1", new JsonObject().put("disabled", true)), 400, "disabled");

    JsonArray users = new JsonObject(admin.get("/api/admin/users").body()).getJsonArray("users");
    JsonObject zhangRow = users.stream().map(JsonObject.class::cast).filter(u -> u.getString("name").equals("张伟"))
        .findFirst().orElseThrow();
    assertEquals("technician", zhangRow.getString("role"));
    assertTrue(zhangRow.getBoolean("disabled"));
    assertNotNull(zhangRow.getLong("lastLogin"));
    assertFalse(users.encode().contains("argon2"), "a password hash left the gateway");

    JsonArray changes = audit(admin, "actor=a1");
    List<String> actions = changes.stream().map(r -> ((JsonObject) r).getString("action")).toList();
    assertEquals(List.of("user.disable", "user.password", "user.role", "user.create", "login"), actions);
    JsonObject role = changes.getJsonObject(2);
    assertEquals("张伟", role.getString("subject"));
    assertEquals("guard", new JsonObject(role.getString("before")).getString("role"));
    assertEquals("technician", new JsonObject(role.getString("after")).getString("role"));
    assertFalse(changes.encode().contains("new password 1"), "a password was written to the audit log");
  }

  @Test
  void theAuditLogIsPagedAndItsParametersChecked() throws Exception {
    WebLogin admin = as("a1", Role.ADMIN);
    for (int i = 0; i < 5; i++) {
      WebLogin.anonymous(port).tryLogin("x" + i, "wrong password");
    }

    JsonObject first = new JsonObject(admin.get("/api/admin/audit?action=login.failed&limit=3").body());
    assertEquals(3, first.getJsonArray("rows").size());
    assertNotNull(first.getLong("next"));
    JsonObject second = new JsonObject(admin.get("/api/admin/audit?action=login.failed&limit=3&before="
        + first.getLong("next")).body());
    assertEquals(2, second.getJsonArray("rows").size());
    assertNull(second.getLong("next"));
    assertEquals("x0", second.getJsonArray("rows").getJsonObject(1).getString("actor"));

    assertProblem(admin.get("/api/admin/audit?limit=0"), 400, "limit");
    assertProblem(admin.get("/api/admin/audit?limit=abc"), 400, "limit");
    assertProblem(admin.get("/api/admin/audit?before=-1"), 400, "before");
  }

  @Test
  void theSetupLinkCreatesTheFirstAdminOnceAndOnlyOnce() throws Exception {
    String link = WebTestSupport.await(auth.announceSetup("http://127.0.0.1:" + port));
    assertNotNull(link);
    String token = link.substring(link.indexOf("#token=") + "#token=".length());
    WebLogin browser = WebLogin.anonymous(port);
    browser.get("/setup.html");
    assertTrue(new JsonObject(browser.get("/api/session/setup").body()).getBoolean("needed"));

    assertProblem(browser.post("/api/session/setup", new JsonObject().put("token", "guess").put("name", "boss")
        .put("password", "0123456789")), 403, "token");
    assertProblem(browser.post("/api/session/setup", new JsonObject().put("token", token).put("name", "boss")
        .put("password", "short")), 400, "password");
    assertEquals(201, browser.post("/api/session/setup", new JsonObject().put("token", token).put("name", "boss")
        .put("password", "0123456789")).statusCode());
    assertProblem(browser.post("/api/session/setup", new JsonObject().put("token", token).put("name", "boss2")
        .put("password", "0123456789")), 409, "token");

    assertFalse(new JsonObject(browser.get("/api/session/setup").body()).getBoolean("needed"));
    assertEquals("admin", new JsonObject(WebLogin.login(port, "boss", "0123456789").get("/api/session/me").body())
        .getString("role"));
    assertNull(WebTestSupport.await(auth.announceSetup("http://127.0.0.1:" + port)), "a link while users exist");
  }

  @Test
  void dotSegmentsCannotReachAProtectedArea() throws Exception {
    String guard = as("g1", Role.GUARD).cookieHeader();
    for (String target : List.of("/js/../admin/index.html", "/js/%2e%2e/admin/index.html", "/css/..%2fadmin/index.html",
        "/login.html/../admin/admin.js", "/js/..%5cadmin/index.html", "//admin/index.html", "/js//../tech/index.html")) {
      for (String cookies : java.util.Arrays.asList(null, guard)) {
        WebTestSupport.RawResponse response = WebTestSupport.rawGet(port, target, cookies);
        assertNotEquals(200, response.status(), target);
        assertFalse(response.body().contains("admin.js") || response.body().contains("user-rows"), target);
      }
    }
  }

  private static JsonArray audit(WebLogin admin, String query) throws Exception {
    HttpResponse<String> response = admin.get("/api/admin/audit?" + query);
    assertEquals(200, response.statusCode(), response.body());
    return new JsonObject(response.body()).getJsonArray("rows");
  }

  private static void assertProblem(HttpResponse<String> response, int status, String field) {
    assertEquals(status, response.statusCode(), response.body());
    JsonObject body = new JsonObject(response.body());
    assertEquals(field, body.getString("field"), response.body());
    assertNotNull(body.getString("error"));
  }
}
