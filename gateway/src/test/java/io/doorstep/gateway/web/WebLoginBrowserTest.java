package io.doorstep.gateway.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.sim.browser.DevToolsSession;
import io.doorstep.sim.browser.HeadlessChromium;
import io.doorstep.gateway.store.Store;
import io.doorstep.gateway.web.auth.AdminModule;
import io.doorstep.gateway.web.auth.Role;
import io.doorstep.gateway.web.auth.WebAuth;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Login, set-up, roles and the admin page in a real browser. With -Ddoorstep.screenshots=DIR
 * the login and admin pages are pictured at 1366×768 into DIR (docs/screenshots holds them).
 */
class WebLoginBrowserTest {
  private Vertx vertx;
  private Store store;
  private WebAuth auth;
  private WebServer server;
  private HeadlessChromium chromium;

  @BeforeEach
  void start(@TempDir Path dir) throws Exception {
    HeadlessChromium.requireInstalled();
    vertx = WebTestSupport.vertx();
    store = WebTestSupport.store(vertx, dir);
    auth = WebTestSupport.auth(vertx, store);
    server = WebTestSupport.await(WebServer.start(vertx, new WebServer.Listen("127.0.0.1", 0, null),
        new FakeWebSources(), auth, List.of(new AdminModule(auth.accounts(), store))));
    chromium = HeadlessChromium.start(List.of("--remote-debugging-port=0", "--window-size=1366,768", "about:blank"));
  }

  @AfterEach
  void stop() throws Exception {
    chromium.close();
    WebTestSupport.await(server.close());
    store.close();
    WebTestSupport.await(vertx.close());
  }

  private String origin() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  private DevToolsSession tab() throws Exception {
    DevToolsSession page = DevToolsSession.openPage(chromium.devToolsUrl(30), "about:blank");
    page.call("Emulation.setDeviceMetricsOverride", new JsonObject()
        .put("width", 1366).put("height", 768).put("deviceScaleFactor", 1).put("mobile", false));
    page.call("Page.enable", new JsonObject());
    return page;
  }

  private void go(DevToolsSession page, String path) throws Exception {
    page.call("Page.navigate", new JsonObject().put("url", origin() + path));
  }

  @Test
  void aPageAskedForWithoutASessionComesBackAfterTheLogin() throws Exception {
    WebLogin.createUser(vertx, store, "a1", Role.ADMIN);
    WebLogin.createUser(vertx, store, "张伟", Role.GUARD);
    WebLogin.createUser(vertx, store, "李强", Role.TECHNICIAN);
    WebLogin.createUser(vertx, store, "王芳", Role.OFFICE);
    try (DevToolsSession page = tab()) {
      go(page, "/admin/");
      page.awaitTrue("location.pathname === '/login.html' && document.querySelector('h1').textContent === '登录'");
      assertEquals("?next=%2Fadmin%2F", page.evaluate("location.search"));

      page.evaluate("document.getElementById('name').value = 'a1';"
          + "document.getElementById('password').value = '" + WebLogin.PASSWORD + "';"
          + "document.getElementById('login-form').requestSubmit(); true");

      page.awaitTrue("location.pathname === '/admin/' && document.querySelectorAll('#user-rows tr').length === 4"
          + " && document.querySelectorAll('#audit-rows tr').length === 5");
      assertEquals("a1,张伟,李强,王芳", page.evaluate("Array.from(document.querySelectorAll('#user-rows .user-name'))"
          + ".map(td => td.textContent).join()"));
      assertEquals(Boolean.FALSE, page.evaluate("document.documentElement.scrollWidth > window.innerWidth"),
          "the admin page scrolls sideways at 1366×768");
      page.awaitTrue("document.getElementById('nav').textContent.includes('a1 · 管理员')");
      assertEquals(Boolean.TRUE, page.evaluate("Array.from(document.querySelectorAll('#nav a')).map(a => a.textContent)"
          + ".join() === '值班看板,技术维护,物业办公,系统管理'"));
      page.keepPicture("admin.png");
    }
  }

  @Test
  void aWrongPasswordIsRefusedOnThePage() throws Exception {
    WebLogin.createUser(vertx, store, "g1", Role.GUARD);
    try (DevToolsSession page = tab()) {
      go(page, "/login.html");
      page.awaitTrue("window.Doorstep !== undefined && document.getElementById('lang').textContent === 'English'");
      page.keepPicture("login.png");
      page.evaluate("document.getElementById('name').value = 'g1';"
          + "document.getElementById('password').value = 'not it at all';"
          + "document.getElementById('login-form').requestSubmit(); true");

      page.awaitTrue("document.getElementById('message').textContent === '用户名或密码错误'");
      assertEquals("/login.html", page.evaluate("location.pathname"));
      assertEquals("", page.evaluate("document.getElementById('password').value"));
    }
  }

  @Test
  void aGuardReachesNeitherTheTechnicianNorTheAdminArea() throws Exception {
    WebLogin.createUser(vertx, store, "g1", Role.GUARD);
    try (DevToolsSession page = tab()) {
      WebLogin.inBrowser(page, origin(), "g1", WebLogin.PASSWORD);
      for (String area : List.of("/admin/", "/tech/", "/tech/index.html", "/office/")) {
        go(page, area);
        page.awaitTrue("location.pathname === '" + area + "' && document.readyState === 'complete'"
            + " && document.getElementById('forbidden-title') !== null"
            + " && document.getElementById('forbidden-title').textContent === '无权访问'");
      }
      assertEquals("403,403,200", String.valueOf(statuses(page)));
      page.awaitTrue("document.getElementById('nav').textContent.includes('g1 · 保安')");
      assertEquals(Boolean.TRUE, page.evaluate("Array.from(document.querySelectorAll('#nav a')).map(a => a.textContent)"
          + ".join() === '值班看板'"), "the guard is offered areas it may not enter");
    }
  }

  @Test
  void theLanguageSwitchChangesTheTexts() throws Exception {
    WebLogin.createUser(vertx, store, "a1", Role.ADMIN);
    try (DevToolsSession page = tab()) {
      go(page, "/login.html");
      page.awaitTrue("document.querySelector('h1').textContent === '登录'");
      page.evaluate("document.getElementById('lang').click(); true");
      page.awaitTrue("document.querySelector('h1').textContent === 'Log in'"
          + " && document.querySelector('label[for=password]').textContent === 'Password'");

      WebLogin.inBrowser(page, origin(), "a1", WebLogin.PASSWORD);
      go(page, "/admin/");
      page.awaitTrue("document.getElementById('users-title').textContent === 'Users'"
          + " && document.getElementById('nav-lang') !== null");
      page.evaluate("document.getElementById('nav-lang').click(); true");
      page.awaitTrue("document.readyState === 'complete' && document.getElementById('users-title') !== null"
          + " && document.getElementById('users-title').textContent === '用户'"
          + " && document.getElementById('nav-lang') !== null && document.getElementById('nav-lang').textContent === 'English'");
      assertEquals("zh", page.evaluate("localStorage.getItem('doorstep.lang')"));
    }
  }

  @Test
  void theSetupLinkCreatesTheFirstAdminOnceAndNotTwice() throws Exception {
    String link = WebTestSupport.await(auth.announceSetup(origin()));
    try (DevToolsSession page = tab()) {
      page.call("Page.navigate", new JsonObject().put("url", link));
      page.awaitTrue("window.Doorstep !== undefined && document.getElementById('setup-form') !== null"
          + " && document.querySelector('h1').textContent === '创建第一个管理员'");
      page.evaluate("document.getElementById('name').value = '王经理';"
          + "document.getElementById('password').value = 'first admin pw';"
          + "document.getElementById('repeat').value = 'first admin pw';"
          + "document.getElementById('setup-form').requestSubmit(); true");
      page.awaitTrue("document.getElementById('message').textContent === '管理员已创建，请登录。'");

      // a fresh load: from /setup.html the link differs only after the #, which would not reload
      page.call("Page.navigate", new JsonObject().put("url", "about:blank"));
      page.awaitTrue("location.href === 'about:blank'");
      page.call("Page.navigate", new JsonObject().put("url", link));
      page.awaitTrue("document.getElementById('message') !== null"
          + " && document.getElementById('message').textContent === '网关已有用户，请直接登录。'");
      assertEquals(Boolean.TRUE, page.evaluate("document.querySelector('#setup-form button').disabled"));

      WebLogin.inBrowser(page, origin(), "王经理", "first admin pw");
      assertEquals("/", page.evaluate("location.pathname"));
    }
  }

  /** What the APIs of the technician, the admin and the board answer this tab. */
  private static Object statuses(DevToolsSession page) throws Exception {
    JsonObject result = page.call("Runtime.evaluate", new JsonObject()
        .put("expression", "(async () => [(await fetch('/api/tech/lines')).status,"
            + " (await fetch('/api/admin/users')).status, (await fetch('/api/events')).status].join())()")
        .put("awaitPromise", true).put("returnByValue", true));
    return result.getJsonObject("result").getValue("value");
  }

}
