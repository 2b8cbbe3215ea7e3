package io.doorstep.gateway.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.gateway.store.Store;
import io.doorstep.gateway.web.auth.Role;
import io.doorstep.gateway.web.auth.WebAuth;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebServerTest {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private Vertx vertx;
  private FakeWebSources sources;
  private Store store;
  private WebAuth auth;
  private WebServer server;
  private WebLogin guard;

  @BeforeEach
  void start(@TempDir Path dir) throws Exception {
    vertx = WebTestSupport.vertx();
    sources = new FakeWebSources();
    store = WebTestSupport.store(vertx, dir);
    auth = WebTestSupport.auth(vertx, store);
    server = WebTestSupport.await(WebServer.start(vertx, "127.0.0.1", 0, sources, auth));
    guard = WebLogin.as(vertx, store, server.actualPort(), "g1", Role.GUARD);
  }

  @AfterEach
  void stop() throws Exception {
    WebTestSupport.await(server.close());
    // the store first: its last writes (audit rows) complete on Vert.x
    store.close();
    WebTestSupport.await(vertx.close());
  }

  /** As the guard on duty; /health and /metrics need no login and ignore it. */
  private HttpResponse<String> get(String path) throws Exception {
    return guard.get(path);
  }

  /** With no session at all. */
  private HttpResponse<String> anonymousGet(String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path))
        .timeout(Duration.ofSeconds(10)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static String contentType(HttpResponse<?> response) {
    return response.headers().firstValue("Content-Type").orElse("");
  }

  @Test
  void healthAnswersItsJson() throws Exception {
    sources.devices.add(WebTestSupport.device("ft-1", true));
    sources.devices.add(WebTestSupport.device("ft-2", false));

    HttpResponse<String> response = anonymousGet("/health");

    assertEquals(200, response.statusCode());
    assertTrue(contentType(response).startsWith("application/json"), contentType(response));
    JsonObject health = new JsonObject(response.body());
    assertEquals("ok", health.getString("status"));
    assertEquals(new JsonObject().put("total", 2).put("online", 1), health.getJsonObject("devices"));
  }

  @Test
  void metricsServeThePrometheusText() throws Exception {
    sources.registry.counter("doorstep.web.test.passages").increment(3);

    HttpResponse<String> response = anonymousGet("/metrics");

    assertEquals(200, response.statusCode());
    assertEquals("text/plain; version=0.0.4; charset=utf-8", contentType(response));
    assertTrue(response.body().contains("doorstep_web_test_passages_total 3.0"), response.body());
  }

  @Test
  void eventsPassLimitAndKindsOn() throws Exception {
    sources.events.add(WebTestSupport.passage("张伟", true, "OK").toJson().put("seq", 2));
    sources.events.add(WebTestSupport.passage(null, false, "UNKNOWN_FACE").toJson().put("seq", 1));

    HttpResponse<String> response = get("/api/events?limit=1&kind=passage,passage.offline");

    assertEquals(200, response.statusCode());
    JsonArray events = new JsonObject(response.body()).getJsonArray("events");
    assertEquals(1, events.size());
    assertEquals("张伟", events.getJsonObject(0).getJsonObject("payload").getString("personName"));
    assertEquals(1, sources.lastLimit);
    assertEquals(Set.of("passage", "passage.offline"), sources.lastKinds);
  }

  @Test
  void eventsDefaultToFiftyOfEveryKind() throws Exception {
    assertEquals(200, get("/api/events").statusCode());
    assertEquals(50, sources.lastLimit);
    assertEquals(Set.of(), sources.lastKinds);
  }

  @Test
  void aBadLimitIsRefusedByName() throws Exception {
    for (String limit : List.of("0", "501", "-3", "ten", "", "1.5", "99999999999")) {
      HttpResponse<String> response = get("/api/events?limit=" + limit);

      assertEquals(400, response.statusCode(), "limit=" + limit);
      assertTrue(contentType(response).startsWith("application/json"));
      JsonObject error = new JsonObject(response.body());
      assertEquals("limit", error.getString("parameter"));
      assertTrue(error.getString("error").contains("limit"), error.encode());
    }
    assertEquals(400, get("/api/events?limit=5&limit=6").statusCode());
    assertEquals(200, get("/api/events?limit=500").statusCode());
  }

  @Test
  void aBadKindIsRefusedByName() throws Exception {
    HttpResponse<String> response = get("/api/events?kind=passage,DROP%20TABLE");

    assertEquals(400, response.statusCode());
    assertEquals("kind", new JsonObject(response.body()).getString("parameter"));
  }

  @Test
  void aFailingStoreIsA503NotAHang() throws Exception {
    sources.recent = (limit, kinds) -> Future.failedFuture(new IllegalStateException("disk full"));
    HttpResponse<String> failed = get("/api/events");
    assertEquals(503, failed.statusCode());
    assertTrue(new JsonObject(failed.body()).getString("error").contains("disk full"));

    sources.recent = (limit, kinds) -> {
      throw new UnsupportedOperationException("not written yet");
    };
    assertEquals(503, get("/api/events").statusCode());
  }

  @Test
  void devicesListOfflineFirst() throws Exception {
    sources.devices.add(WebTestSupport.device("a-online", true));
    sources.devices.add(WebTestSupport.device("z-offline", false));

    JsonArray devices = new JsonObject(get("/api/devices").body()).getJsonArray("devices");

    assertEquals("z-offline", devices.getJsonObject(0).getString("id"));
    assertFalse(devices.getJsonObject(0).getBoolean("online"));
    assertEquals("a-online", devices.getJsonObject(1).getString("id"));
  }

  @Test
  void estateNamesThePage() throws Exception {
    assertEquals("西湖豪苑", new JsonObject(get("/api/estate").body()).getString("name"));
  }

  @Test
  void anUnknownApiPathIsA404InJson() throws Exception {
    HttpResponse<String> response = get("/api/nothing-here");

    assertEquals(404, response.statusCode());
    assertTrue(contentType(response).startsWith("application/json"));
    assertTrue(new JsonObject(response.body()).getString("error").contains("/api/nothing-here"));
  }

  @Test
  void thePageIsServed() throws Exception {
    HttpResponse<String> page = get("/");
    assertEquals(200, page.statusCode());
    assertTrue(contentType(page).startsWith("text/html"), contentType(page));
    assertTrue(page.body().contains("app.js"));
    assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));

    assertEquals(200, get("/index.html").statusCode());
    HttpResponse<String> script = get("/app.js");
    assertEquals(200, script.statusCode());
    assertTrue(contentType(script).contains("javascript"), contentType(script));
    HttpResponse<String> messages = get("/js/messages.js");
    assertTrue(contentType(messages).contains("javascript"), contentType(messages));
    assertTrue(messages.body().contains("陌生人"), "messages.js is not read as UTF-8");
    assertTrue(contentType(get("/app.css")).startsWith("text/css"));
  }

  @Test
  void thePageLoadsNothingFromElsewhere() throws Exception {
    for (String file : List.of("/", "/app.js", "/app.css", "/js/messages.js", "/js/api.js")) {
      String body = get(file).body();
      assertFalse(body.contains("http://") || body.contains("https://") || body.contains("//cdn"), file);
    }
  }

  @Test
  void noDirectoryIsListed() throws Exception {
    assertNotEquals(200, get("/io/").statusCode());
    assertEquals(404, get("/no-such-file.html").statusCode());
  }

  @Test
  void pathTraversalServesNothingOutsideTheWebroot() throws Exception {
    // the module's pom.xml sits in the working directory, the classes on the class path
    List<String> attempts = List.of(
        "/../pom.xml",
        "/../../pom.xml",
        "/%2e%2e/pom.xml",
        "/%2E%2E/%2E%2E/pom.xml",
        "/..%2fpom.xml",
        "/..%5cpom.xml",
        "/webroot/../../pom.xml",
        "/../io/doorstep/gateway/web/WebServer.class",
        "/..%2fio%2fdoorstep%2fgateway%2fweb%2fWebServer.class",
        "//etc/passwd",
        "/../../../../../../etc/passwd");
    for (String target : attempts) {
      WebTestSupport.RawResponse response = WebTestSupport.rawGet(server.actualPort(), target, guard.cookieHeader());

      assertNotEquals(200, response.status(), target);
      assertFalse(response.body().contains("<project"), target);
      assertFalse(response.body().contains("root:"), target);
    }
  }
}
