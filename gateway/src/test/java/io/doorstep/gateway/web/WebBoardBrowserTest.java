package io.doorstep.gateway.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.doorstep.device.DeviceEvent;
import io.doorstep.gateway.bus.Addresses;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The live board in a real browser: what a guard sees, not what the server meant to send. */
class WebBoardBrowserTest {
  private Vertx vertx;
  private FakeWebSources sources;
  private WebServer server;

  @BeforeEach
  void start() throws Exception {
    HeadlessChromium.requireInstalled();
    vertx = WebTestSupport.vertx();
    sources = new FakeWebSources();
    server = WebTestSupport.await(WebServer.start(vertx, "127.0.0.1", 0, sources));
  }

  @AfterEach
  void stop() throws Exception {
    WebTestSupport.await(server.close());
    WebTestSupport.await(vertx.close());
  }

  private String boardUrl() {
    return "http://127.0.0.1:" + server.actualPort() + "/";
  }

  @Test
  void aLivePassageShowsInChinese() throws Exception {
    sources.events.add(WebTestSupport.passage("陈静", true, "OK").toJson().put("seq", 1));

    try (HeadlessChromium chromium = HeadlessChromium.start(
        List.of("--virtual-time-budget=5000", "--dump-dom", boardUrl()))) {
      // the board asks for history once its stream is open: from then on nothing published is missed
      if (!sources.eventsAsked.await(30, TimeUnit.SECONDS)) {
        fail("the board never loaded its history; chromium said:\n" + chromium.errors());
      }
      DeviceEvent passage = WebTestSupport.passage("王秀英", true, "OK");
      DeviceEvent denied = WebTestSupport.passage("赵磊", false, "EXPIRED");
      vertx.eventBus().publish(Addresses.EVENT_STORED, passage);
      vertx.eventBus().publish(Addresses.EVENT_STORED, denied);
      Thread.sleep(1000);
      // Headless virtual time stands still while a request is open, and the stream never
      // ends by itself: stopping the server lets the browser's clock run out and dump the page.
      WebTestSupport.await(server.close());

      String dom = chromium.awaitStdout(60);

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
    try (HeadlessChromium chromium = HeadlessChromium.start(
        List.of("--virtual-time-budget=5000", "--dump-dom", boardUrl()))) {
      assertTrue(sources.eventsAsked.await(30, TimeUnit.SECONDS), chromium.errors());
      vertx.eventBus().publish(Addresses.EVENT_STORED, WebTestSupport.passage("<img src=x id=injected>", true, "OK"));
      Thread.sleep(1000);
      WebTestSupport.await(server.close());

      String dom = chromium.awaitStdout(60);

      assertTrue(dom.contains("&lt;img src=x id=injected&gt;"), dom);
      assertFalse(dom.contains("id=\"injected\""), dom);
    }
  }
}
