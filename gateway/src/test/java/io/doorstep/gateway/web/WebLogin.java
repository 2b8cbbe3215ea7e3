package io.doorstep.gateway.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.doorstep.sim.browser.DevToolsSession;
import io.doorstep.gateway.store.Store;
import io.doorstep.gateway.web.auth.Accounts;
import io.doorstep.gateway.web.auth.Role;
import io.doorstep.gateway.web.auth.WebAuth;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Logging in from a test, the way a person would, so a test of any area reaches it through the
 * real session and role checks:
 *
 * <pre>{@code
 * WebLogin.createUser(vertx, store, "t1", Role.TECHNICIAN);        // straight into the store
 * WebLogin tech = WebLogin.login(port, "t1", WebLogin.PASSWORD);   // over HTTP, as the login page does
 * HttpResponse<String> r = tech.post("/api/tech/lines/l1/test", new JsonObject());  // cookie + X-XSRF-TOKEN sent
 * String cookies = tech.cookieHeader();                            // for a raw socket or an SSE client
 *
 * WebLogin.inBrowser(page, "http://127.0.0.1:" + port, "t1", WebLogin.PASSWORD);  // Chromium, through login.html
 * }</pre>
 */
public final class WebLogin {
  /** The password {@link #createUser} gives every account. */
  public static final String PASSWORD = "correct horse battery";

  private final int port;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;

  private WebLogin(int port) {
    this.port = port;
    this.http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** An account with {@link #PASSWORD}, written to the store directly (as the CLI does). */
  public static void createUser(Vertx vertx, Store store, String name, Role role) throws Exception {
    Accounts accounts = new Accounts(vertx, store);
    try {
      accounts.create("test", name, role, PASSWORD).toCompletionStage().toCompletableFuture()
          .get(30, TimeUnit.SECONDS);
    } finally {
      accounts.close();
    }
  }

  /** Creates the account and logs it in. */
  public static WebLogin as(Vertx vertx, Store store, int port, String name, Role role) throws Exception {
    createUser(vertx, store, name, role);
    return login(port, name, PASSWORD);
  }

  /** Logs in over HTTP on 127.0.0.1:port; fails the test if the gateway refuses. */
  public static WebLogin login(int port, String name, String password) throws Exception {
    WebLogin login = new WebLogin(port);
    HttpResponse<String> response = login.tryLogin(name, password);
    assertEquals(200, response.statusCode(), "login as " + name + " refused: " + response.body());
    // as the browser loads the next page: the new session's anti-forgery token comes with it
    login.get("/api/session/me");
    return login;
  }

  /** Not logged in yet: for tests of the login itself. */
  public static WebLogin anonymous(int port) {
    return new WebLogin(port);
  }

  /** The login page's request: first a page for the anti-forgery cookie, then the form. */
  public HttpResponse<String> tryLogin(String name, String password) throws Exception {
    if (xsrfToken().isEmpty()) {
      get("/login.html");
    }
    return post("/api/session/login", new JsonObject().put("name", name).put("password", password));
  }

  public HttpResponse<String> get(String path) throws Exception {
    return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> post(String path, JsonObject body) throws Exception {
    return send("POST", path, body);
  }

  public HttpResponse<String> put(String path, JsonObject body) throws Exception {
    return send("PUT", path, body);
  }

  public HttpResponse<String> delete(String path) throws Exception {
    return send("DELETE", path, null);
  }

  /** A change with the anti-forgery header, as js/api.js sends it. */
  public HttpResponse<String> send(String method, String path, JsonObject body) throws Exception {
    HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body.encode());
    HttpRequest.Builder builder = request(path).method(method, publisher)
        .header(WebAuth.XSRF_HEADER, xsrfToken());
    if (body != null) {
      builder.header("Content-Type", "application/json");
    }
    return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Sends any request on this login's client: its cookies, and the anti-forgery header. */
  public <T> HttpResponse<T> exchange(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body)
      throws Exception {
    return http.send(request.header(WebAuth.XSRF_HEADER, xsrfToken()).build(), body);
  }

  /** A request builder that will carry this login's cookies. */
  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10));
  }

  /** The cookies as a Cookie header, for clients that do not share this one's cookie store. */
  public String cookieHeader() {
    return cookies.getCookieStore().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
        .collect(Collectors.joining("; "));
  }

  /** The current anti-forgery token (the XSRF-TOKEN cookie); empty before the first page. */
  public String xsrfToken() {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(WebAuth.XSRF_COOKIE))
        .map(HttpCookie::getValue).findFirst().orElse("");
  }

  /**
   * Logs in through the login page in a real browser tab, as a person types it, and waits until
   * the page has moved on.
   *
   * @param origin e.g. http://127.0.0.1:8080
   */
  public static void inBrowser(DevToolsSession page, String origin, String name, String password) throws Exception {
    page.call("Page.enable", new JsonObject());
    page.call("Page.navigate", new JsonObject().put("url", origin + "/login.html"));
    page.awaitTrue("document.readyState === 'complete' && location.pathname === '/login.html'"
        + " && document.getElementById('login-form') !== null && window.Doorstep !== undefined");
    page.evaluate("document.getElementById('name').value = (" + new JsonObject().put("v", name).encode() + ").v;"
        + "document.getElementById('password').value = (" + new JsonObject().put("v", password).encode() + ").v;"
        + "document.getElementById('login-form').requestSubmit(); true");
    page.awaitTrue("location.pathname !== '/login.html' && document.readyState === 'complete'");
  }

}
