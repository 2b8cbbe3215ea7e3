package io.doorstep.gateway.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.doorstep.device.DeviceEvent;
import io.doorstep.gateway.bus.Addresses;
import io.doorstep.gateway.store.Store;
import io.doorstep.gateway.web.auth.Role;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live board in a real browser: what a guard sees, not what the server meant to send. */
class WebBoardBrowserTest {
  private Vertx vertx;
  private FakeWebSources sources;
  private Store store;
  private WebServer server;

  @BeforeEach
  void start(@TempDir Path dir) throws Exception {
    HeadlessChromium.requireInstalled();
    vertx = WebTestSupport.vertx();
    sources = new FakeWebSources();
    store = WebTestSupport.store(vertx, dir);
    server = WebTestSupport.await(WebServer.start(vertx, "127.0.0.1", 0, sources, WebTestSupport.auth(vertx, store)));
    WebLogin.createUser(vertx, store, "g1", Role.GUARD);
  }

  @AfterEach
  void stop() throws Exception {
    WebTestSupport.await(server.close());
    // the store first: its last writes (audit rows) complete on Vert.x
    store.close();
    WebTestSupport.await(vertx.close());
  }

  private String origin() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  /** A tab logged in as the guard g1, on the board. */
  private DevToolsSession boardTab(HeadlessChromium chromium) throws Exception {
    DevToolsSession page = DevToolsSession.openPage(chromium.devToolsUrl(30), "about:blank");
    WebLogin.inBrowser(page, origin(), "g1", WebLogin.PASSWORD);
    awaitTrue(page, "location.pathname === '/'");
    return page;
  }

  private static String dom(DevToolsSession page) throws Exception {
    return String.valueOf(page.evaluate("document.documentElement.outerHTML"));
  }

  @Test
  void aLivePassageShowsInChinese() throws Exception {
    sources.events.add(WebTestSupport.passage("陈静", true, "OK").toJson().put("seq", 1));

    try (HeadlessChromium chromium = HeadlessChromium.start(List.of("--remote-debugging-port=0", "about:blank"));
        DevToolsSession page = boardTab(chromium)) {
      // the board asks for history once its stream is open: from then on nothing published is missed
      if (!sources.eventsAsked.await(30, TimeUnit.SECONDS)) {
        fail("the board never loaded its history; chromium said:\n" + chromium.errors());
      }
      DeviceEvent passage = WebTestSupport.passage("王秀英", true, "OK");
      DeviceEvent denied = WebTestSupport.passage("赵磊", false, "EXPIRED");
      vertx.eventBus().publish(Addresses.EVENT_STORED, passage);
      vertx.eventBus().publish(Addresses.EVENT_STORED, denied);
      awaitTrue(page, "document.body.textContent.includes('赵磊')");
      // the gateway goes away: the board must say so
      WebTestSupport.await(server.close());
      awaitTrue(page, "document.body.textContent.includes('重新连接中')");

      String dom = dom(page);

      assertTrue(dom.contains("王秀英"), "the live passage is missing:\n" + dom);
      assertTrue(dom.contains("开门"), "the decision is not in Chinese:\n" + dom);
      assertTrue(dom.contains("赵磊") && dom.contains("已过期"), "the denied passage or its reason is missing:\n" + dom);
      assertTrue(dom.contains("陈静"), "the history was not loaded:\n" + dom);
      assertTrue(dom.contains("西湖豪苑"), "the estate's name is missing:\n" + dom);
      assertTrue(dom.contains("重新连接中"), "the lost connection is not shown:\n" + dom);
    }
  }

  @Test
  void namesAreShownAsTextNeverAsMarkup() throws Exception {
    try (HeadlessChromium chromium = HeadlessChromium.start(List.of("--remote-debugging-port=0", "about:blank"));
        DevToolsSession page = boardTab(chromium)) {
      assertTrue(sources.eventsAsked.await(30, TimeUnit.SECONDS), chromium.errors());
      vertx.eventBus().publish(Addresses.EVENT_STORED, WebTestSupport.passage("<img src=x id=injected>", true, "OK"));
      awaitTrue(page, "document.body.textContent.includes('<img src=x id=injected>')");

      String dom = dom(page);

      assertTrue(dom.contains("&lt;img src=x id=injected&gt;"), dom);
      assertFalse(dom.contains("id=\"injected\""), dom);
    }
  }

  /**
   * Pictures the board with a few passages and devices at 1366×768, the booth screen, into
   * target/board.png (and board-en.png); docs/screenshots/board.png is a copy of it.
   */
  @Test
  void theBoardFitsTheBoothScreen() throws Exception {
    sources.events.addAll(BoardSamples.history());
    sources.devices.addAll(BoardSamples.devices());

    try (HeadlessChromium chromium = HeadlessChromium.start(
        List.of("--remote-debugging-port=0", "--window-size=1366,768", "about:blank"))) {
      try (DevToolsSession page = boardTab(chromium)) {
        page.call("Emulation.setDeviceMetricsOverride", new JsonObject()
            .put("width", 1366).put("height", 768).put("deviceScaleFactor", 1).put("mobile", false));
        awaitTrue(page, "document.querySelectorAll('#passage-rows tr').length === " + BoardSamples.history().size()
            + " && document.querySelector('#conn.conn-live') !== null"
            + " && document.querySelectorAll('#device-list li').length === " + BoardSamples.devices().size());
        vertx.eventBus().publish(Addresses.EVENT_STORED, WebTestSupport.passage("周杰", true, "OK"));
        awaitTrue(page, "document.getElementById('passage-rows').firstChild.textContent.includes('周杰')");

        assertEquals(Boolean.FALSE, page.evaluate("document.documentElement.scrollWidth > window.innerWidth"),
            "the board scrolls sideways at 1366×768");
        assertEquals("2", String.valueOf(page.evaluate("document.getElementById('count-offline').textContent")));
        assertEquals(new JsonArray(List.of(false, false, true)), page.evaluate("Array.from(document.querySelectorAll('#device-list li'))"
            + ".slice(0, 3).map(li => li.classList.contains('online'))"), "offline devices come first");

        picture(page, "board.png");

        page.evaluate("document.getElementById('lang').click()");
        awaitTrue(page, "document.getElementById('passages-title').textContent === 'Live passages'");
        assertEquals("en", page.evaluate("localStorage.getItem('doorstep.lang')"), "the choice is not remembered");
        assertEquals(Boolean.TRUE, page.evaluate("document.body.textContent.includes('Stranger')"
            + " && document.body.textContent.includes('E-bikes not allowed')"));
        assertEquals(Boolean.FALSE, page.evaluate("document.documentElement.scrollWidth > window.innerWidth"),
            "the English board scrolls sideways at 1366×768");
        picture(page, "board-en.png");
      }
    }
  }

  private static void picture(DevToolsSession page, String name) throws Exception {
    String png = page.call("Page.captureScreenshot", new JsonObject().put("format", "png")).getString("data");
    Path file = Path.of("target", name);
    Files.write(file, Base64.getDecoder().decode(png));
    assertTrue(Files.size(file) > 10_000, "the picture is empty");
  }

  private static void awaitTrue(DevToolsSession page, String expression) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!Boolean.TRUE.equals(page.evaluate(expression))) {
      if (System.nanoTime() > deadline) {
        fail("the board never showed: " + expression);
      }
      Thread.sleep(100);
    }
  }
}
