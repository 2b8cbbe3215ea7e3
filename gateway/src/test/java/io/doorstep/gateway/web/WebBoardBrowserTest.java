package io.doorstep.gateway.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.doorstep.sim.browser.DevToolsSession;
import io.doorstep.sim.browser.HeadlessChromium;
import io.doorstep.device.DeviceEvent;
import io.doorstep.gateway.bus.Addresses;
import io.doorstep.gateway.store.Store;
import io.doorstep.gateway.web.auth.Role;
import io.vertx.core.Vertx;
import java.nio.file.Path;
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
    page.awaitTrue("location.pathname === '/'");
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
      page.awaitTrue("document.body.textContent.includes('赵磊')");
      // the gateway goes away: the board must say so
      WebTestSupport.await(server.close());
      page.awaitTrue("document.body.textContent.includes('重新连接中')");

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
      page.awaitTrue("document.body.textContent.includes('<img src=x id=injected>')");

      String dom = dom(page);

      assertTrue(dom.contains("&lt;img src=x id=injected&gt;"), dom);
      assertFalse(dom.contains("id=\"injected\""), dom);
    }
  }
}
