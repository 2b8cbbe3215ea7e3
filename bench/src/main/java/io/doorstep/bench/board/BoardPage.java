package io.doorstep.bench.board;

import io.doorstep.sim.browser.DevToolsSession;
import io.doorstep.sim.browser.HeadlessChromium;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.function.ObjDoubleConsumer;

/**
 * The guard's board in one Chromium tab. A MutationObserver on the events table notes, for
 * every row added, the row's event id and the wall-clock time it was in the DOM
 * ({@code performance.timeOrigin + performance.now()}, the same clock as the terminals' on this
 * machine). The notes are fetched and emptied every second, so the bench's own bookkeeping does
 * not grow the heap it measures.
 */
final class BoardPage implements AutoCloseable {
  /** Set by the observer's installer; gone if the page ever reloads. */
  private static final String NOTES = "window.__benchRows";

  private static final String INSTALL = "(() => {"
      + "  const body = document.getElementById('passage-rows');"
      + "  " + NOTES + " = [];"
      + "  new MutationObserver((changes) => {"
      + "    const now = performance.timeOrigin + performance.now();"
      + "    for (const c of changes) for (const n of c.addedNodes) {"
      + "      if (n.dataset && n.dataset.id) " + NOTES + ".push(n.dataset.id, now);"
      + "    }"
      + "  }).observe(body, { childList: true });"
      + "  return true; })()";

  private static final String TAKE = "(() => { const n = " + NOTES + "; if (n === undefined) return null;"
      + " " + NOTES + " = []; return n; })()";

  private final DevToolsSession tab;
  private int reloads;

  private BoardPage(DevToolsSession tab) {
    this.tab = tab;
  }

  /** Logs in through the login page as a guard types it; the login page leads to the board. */
  static BoardPage open(HeadlessChromium browser, int port, String name, String password) throws Exception {
    String origin = "http://127.0.0.1:" + port;
    DevToolsSession tab = DevToolsSession.openPage(browser.devToolsUrl(30), "about:blank");
    try {
      tab.call("Page.enable", new JsonObject());
      tab.call("Emulation.setDeviceMetricsOverride", new JsonObject()
          .put("width", 1366).put("height", 768).put("deviceScaleFactor", 1).put("mobile", false));
      tab.call("Page.navigate", new JsonObject().put("url", origin + "/login.html"));
      tab.awaitTrue("document.readyState === 'complete' && document.getElementById('login-form') !== null"
          + " && window.Doorstep !== undefined", 30);
      tab.evaluate("document.getElementById('name').value = " + jsString(name) + ";"
          + "document.getElementById('password').value = " + jsString(password) + ";"
          + "document.getElementById('login-form').requestSubmit(); true");
      tab.awaitTrue("location.pathname !== '/login.html' && document.readyState === 'complete'", 30);
      tab.awaitTrue("document.querySelector('#conn.conn-live') !== null"
          + " && document.getElementById('passage-rows') !== null", 30);
      tab.call("Performance.enable", new JsonObject());
      tab.evaluate(INSTALL);
      return new BoardPage(tab);
    } catch (Exception | Error e) {
      tab.close();
      throw e;
    }
  }

  private static String jsString(String s) {
    return new JsonArray().add(s).encode() + "[0]";
  }

  /** Hands every row noted since the last call to {@code row(id, epochMs)}. */
  void takeRows(ObjDoubleConsumer<String> row) throws Exception {
    Object notes = tab.evaluate(TAKE);
    if (notes == null) {
      // the page reloaded (a dropped stream does that): watch the new one
      reloads++;
      tab.awaitTrue("document.getElementById('passage-rows') !== null", 30);
      tab.evaluate(INSTALL);
      return;
    }
    JsonArray list = (JsonArray) notes;
    for (int i = 0; i + 1 < list.size(); i += 2) {
      row.accept(list.getString(i), ((Number) list.getValue(i + 1)).doubleValue());
    }
  }

  PageMetrics.Sample metrics(double atS) throws Exception {
    return PageMetrics.parse(atS, tab.call("Performance.getMetrics", new JsonObject()));
  }

  /** A full collection in the page first, so the heap read next is what the page still holds. */
  PageMetrics.Sample metricsAfterCollection(double atS) throws Exception {
    tab.call("HeapProfiler.collectGarbage", new JsonObject());
    return metrics(atS);
  }

  int reloads() {
    return reloads;
  }

  int rowsShown() throws Exception {
    return ((Number) tab.evaluate("document.getElementById('passage-rows').childElementCount")).intValue();
  }

  int alarmsShown() throws Exception {
    return ((Number) tab.evaluate("document.querySelectorAll('#alarm-list li').length")).intValue();
  }

  String visibility() throws Exception {
    return String.valueOf(tab.evaluate("document.visibilityState"));
  }

  boolean live() throws Exception {
    return Boolean.TRUE.equals(tab.evaluate("document.querySelector('#conn.conn-live') !== null"));
  }

  @Override
  public void close() {
    tab.close();
  }
}
