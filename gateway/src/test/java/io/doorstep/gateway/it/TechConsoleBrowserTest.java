package io.doorstep.gateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.doorstep.sim.browser.DevToolsSession;
import io.doorstep.sim.browser.HeadlessChromium;
import io.doorstep.gateway.Gateway;
import io.doorstep.gateway.web.WebLogin;
import io.doorstep.gateway.web.auth.Role;
import io.doorstep.sim.faceterminal.FaceTerminalSimulator;
import io.doorstep.sim.lane.LaneSimulator;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The technician console in real Chromium against simulated piles on a real serial line: what
 * a technician sees when scanning a line and writing a register, when changing a door's timing,
 * and when adding a barrier.
 */
class TechConsoleBrowserTest {
  @TempDir Path dir;

  @Test
  void aScanFromThePageListsTheAnsweringUnitsAndAWriteAsksFirst() throws Exception {
    try (TechConsoleRig rig = TechConsoleRig.start(dir);
        ConsoleBrowser browser = ConsoleBrowser.open(rig, "/tech/")) {
      DevToolsSession page = browser.page();
      page.call("Emulation.setDeviceMetricsOverride", new JsonObject()
          .put("width", 1366).put("height", 768).put("deviceScaleFactor", 1).put("mobile", false));
      page.awaitTrue("document.querySelectorAll('#device-rows tr').length === 6");
      page.evaluate("document.querySelector('.tabs button[data-tab=serial]').click()");
      page.awaitTrue("document.querySelector('#scan-form select[name=line]').options.length === 1"
          + " && document.querySelectorAll('#line-rows tr').length === 1");
      assertEquals("扫描地址", page.evaluate("document.querySelector('#tab-serial .card:nth-child(2) h2').textContent"));

      // A scan reports what answers; on a machine too busy to serve the simulators, nothing would.
      long[] onlineSince = {0};
      Waits.until("the piles answer for 3 s in a row", java.time.Duration.ofSeconds(60), () -> {
        boolean online = rig.charging.running.gateway.devices().snapshot().stream()
            .filter(d -> d.id().startsWith("pile-")).allMatch(d -> d.online());
        onlineSince[0] = !online ? 0 : onlineSince[0] == 0 ? System.nanoTime() : onlineSince[0];
        return online && System.nanoTime() - onlineSince[0] > 3_000_000_000L;
      });
      page.evaluate("const f = document.getElementById('scan-form'); f.elements.from.value = '1'; f.elements.to.value = '6';"
          + " f.querySelector('button[type=submit]').click()");
      page.awaitTrue("document.getElementById('scan-progress').textContent.startsWith('扫描完成')");
      assertEquals(new JsonArray(List.of("地址 1 · 有应答", "地址 2 · 有应答", "地址 3 · 有应答")),
          page.evaluate("Array.from(document.querySelectorAll('#scan-found li')).map(li => li.textContent)"),
          String.valueOf(page.evaluate("document.getElementById('tab-serial').innerText")));

      page.evaluate("const r = document.getElementById('read-form'); r.elements.unit.value = '2';"
          + " r.elements.address.value = '0'; r.elements.count.value = '4'; r.querySelector('button').click()");
      page.awaitTrue("document.querySelectorAll('#read-rows tr').length === 4");
      assertEquals("2", page.evaluate("document.querySelector('#read-rows tr td:nth-child(3)').textContent"),
          "holding 0 of unit 2 is its address");

      page.evaluate("const w = document.getElementById('write-form'); w.elements.unit.value = '1';"
          + " w.elements.address.value = '2'; w.elements.value.value = '1'; w.querySelector('button').click()");
      page.awaitTrue("document.getElementById('confirm-write').open");
      assertTrue(((String) page.evaluate("document.getElementById('confirm-text').textContent")).contains("写入"));
      assertEquals(Boolean.FALSE, rig.charging.pile(1).buzzer(), "the page wrote before the technician confirmed");
      page.evaluate("document.getElementById('confirm-yes').click()");
      page.awaitTrue("document.getElementById('write-done').textContent.startsWith('已写入')");
      assertTrue(rig.charging.pile(1).buzzer());

      page.evaluate("const b = document.getElementById('read-form'); b.elements.unit.value = '300'; b.querySelector('button').click()");
      page.awaitTrue("document.querySelector('#read-form input[name=unit]').classList.contains('bad')");
      assertTrue(((String) page.evaluate("document.getElementById('read-error').textContent")).contains("unit"));
      assertEquals(Boolean.FALSE, page.evaluate("document.documentElement.scrollWidth > window.innerWidth"),
          "the console scrolls sideways at 1366×768");

      if (DevToolsSession.keepsPictures()) {
        page.evaluate("document.getElementById('read-error').textContent = '';"
            + " const u = document.querySelector('#read-form input[name=unit]'); u.classList.remove('bad'); u.value = '2'; u.blur()");
        page.keepPicture("tech.png");
      }
    }
  }

  @Test
  void aLinesCycleTimeChangedOnThePageIsInTheListAndAMistakeIsMarkedOnItsField() throws Exception {
    try (TechConsoleRig rig = TechConsoleRig.start(dir);
        ConsoleBrowser browser = ConsoleBrowser.open(rig, "/tech/#serial")) {
      DevToolsSession page = browser.page();
      page.call("Emulation.setDeviceMetricsOverride", new JsonObject()
          .put("width", 1366).put("height", 768).put("deviceScaleFactor", 1).put("mobile", false));
      String row = "document.querySelector('#line-rows tr[data-line=\"shed-bus\"]')";
      page.awaitTrue(row + " !== null && " + row + ".querySelector('td:nth-child(2)').textContent.endsWith('每 100 ms')");

      page.evaluate(row + ".querySelector('button').click()");
      page.awaitTrue("!document.getElementById('line-form').hidden");
      assertEquals("100", page.evaluate("document.getElementById('line-cycle').value"));
      assertEquals(Boolean.TRUE, page.evaluate("document.getElementById('line-id').readOnly"));

      page.evaluate("document.getElementById('line-cycle').value = '70000'; document.getElementById('line-save').click()");
      page.awaitTrue("document.getElementById('line-cycle').classList.contains('bad')");
      assertTrue(((String) page.evaluate("document.getElementById('line-error').textContent")).contains("70000"));

      page.evaluate("document.getElementById('line-cycle').value = '250'; document.getElementById('line-save').click()");
      page.awaitTrue("document.getElementById('line-done').textContent === '已保存总线 shed-bus'"
          + " && document.getElementById('line-form').hidden");
      page.awaitTrue(row + ".querySelector('td:nth-child(2)').textContent.endsWith('每 250 ms')");
      assertEquals(Boolean.FALSE, page.evaluate("document.documentElement.scrollWidth > window.innerWidth"),
          "the console scrolls sideways at 1366×768");
      List<String> audit = RunningGateway.audit(rig.charging.running.gateway, "tech.line.edit", "shed-bus").get(0);
      assertEquals(100, new JsonObject(audit.get(0)).getInteger("cycleMs"));
      assertEquals(250, new JsonObject(audit.get(1)).getInteger("cycleMs"));
      assertEquals(TechConsoleRig.TECHNICIAN, audit.get(2));
      page.keepPicture("tech-lines.png");
    }
  }

  @Test
  void aDoorsRemoteOpenTimeChangedOnThePageIsInForceAtOnce() throws Exception {
    try (TechConsoleRig rig = TechConsoleRig.start(dir);
        FaceTerminalSimulator terminal = FaceTerminalSimulator.builder(rig.charging.running.broker.url(),
            TestEstate.UNIT_SN).heartbeatInterval(Duration.ofSeconds(1)).create();
        ConsoleBrowser browser = ConsoleBrowser.open(rig, "/tech/")) {
      DevToolsSession page = browser.page();
      terminal.start().get(10, TimeUnit.SECONDS);
      page.awaitTrue("document.querySelectorAll('#device-rows tr').length === 6");
      page.evaluate("document.querySelector('.tabs button[data-tab=limits]').click()");
      page.awaitTrue("document.getElementById('door-timing-door').options.length === 3"
          + " && document.querySelectorAll('#door-timing-rows tr').length === 3");
      page.evaluate("{ const f = document.getElementById('door-timing-form'); f.elements.target.value = 'B01-U1';"
          + " f.elements.target.dispatchEvent(new Event('change')); }");
      String remoteRow = "#door-timing-rows tr[data-timing=remoteOpenMs]";
      assertEquals("5000", page.evaluate("document.querySelector('" + remoteRow + " strong').textContent"));

      page.evaluate("{ const f = document.getElementById('door-timing-form'); f.elements.openMs.value = '500';"
          + " document.getElementById('door-timing-apply').click(); }");
      page.awaitTrue("document.querySelector('#door-timing-form input[name=openMs]').classList.contains('bad')");
      assertTrue(((String) page.evaluate("document.getElementById('door-timing-error').textContent"))
          .startsWith("openMs must be 1000 to 60000 ms"));

      page.evaluate("{ const f = document.getElementById('door-timing-form'); f.elements.openMs.value = '';"
          + " f.elements.remoteOpenMs.value = '8000'; document.getElementById('door-timing-apply').click(); }");
      page.awaitTrue("document.getElementById('door-timing-done').textContent === '已应用到 1 个门'"
          + " && document.querySelector('" + remoteRow + " strong').textContent === '8000'");
      assertTrue((Boolean) page.evaluate("document.querySelector('" + remoteRow + " strong').classList.contains('changed')"));
      page.keepPicture("tech-limits.png");
      assertEquals(List.of(TechConsoleRig.TECHNICIAN, "{\"remoteOpenMs\":5000}", "{\"remoteOpenMs\":8000}"),
          rig.audit("tech.door.timing", "B01-U1").get(0));

      Gateway gateway = rig.charging.running.gateway;
      WebLogin guard = WebLogin.as(gateway.vertx(), gateway.store(), gateway.webPort(), "李保安", Role.GUARD);
      HttpResponse<String> opened = guard.post("/api/board/doors/B01-U1/open", new JsonObject());
      assertEquals(200, opened.statusCode(), opened.body());
      assertEquals(8000, new JsonObject(opened.body()).getInteger("openMs"), "the guard's open uses the door's new time");
    }
  }

  @Test
  void pickingATypeShowsItsFieldsAndABarrierAddedOnThePageComesOnline() throws Exception {
    try (TechConsoleRig rig = TechConsoleRig.start(dir);
        ConsoleBrowser browser = ConsoleBrowser.open(rig, "/tech/")) {
      DevToolsSession page = browser.page();
      page.awaitTrue("document.querySelectorAll('#device-rows tr').length === 6"
          + " && document.getElementById('device-type').options.length > 0");

      assertEquals(new JsonArray(List.of("sn", "door")), shownFields(page, "face-terminal"));
      assertEquals(new JsonArray(List.of("lane", "door")), shownFields(page, "barrier"));
      assertEquals(new JsonArray(List.of("channel", "door")), shownFields(page, "gpio-door"));
      assertEquals(new JsonArray(List.of("1 · BCM 17, 5, 12", "2 · BCM 27, 6, 16", "3 · BCM 22, 13, 20",
          "4 · BCM 23, 19, 21")), page.evaluate(
              "Array.from(document.getElementById('device-channel').options).map(o => o.textContent)"));
      assertEquals(new JsonArray(List.of("channel")), shownFields(page, "siren"));
      assertEquals(new JsonArray(List.of("1 · BCM 26")), page.evaluate(
          "Array.from(document.getElementById('device-channel').options).map(o => o.textContent)"));
      assertTrue(((String) page.evaluate("document.getElementById('device-hint').textContent")).contains("短暂重启"));

      shownFields(page, "barrier");
      page.evaluate("const f = document.getElementById('device-form'); f.elements.id.value = 'bar-v9';"
          + " f.elements.lane.value = 'V9'; document.getElementById('device-save').click()");
      page.awaitTrue("document.getElementById('device-done').textContent === '已添加 bar-v9'"
          + " && document.querySelector('#device-rows tr[data-device=\"bar-v9\"]') !== null");
      assertEquals("道闸", page.evaluate(
          "document.querySelector('#device-rows tr[data-device=\"bar-v9\"] td:nth-child(2)').textContent"));
      assertEquals("离线", page.evaluate(
          "document.querySelector('#device-rows tr[data-device=\"bar-v9\"] .pill').textContent"));

      try (LaneSimulator lane = new LaneSimulator(rig.charging.running.broker.url(), "V9", Duration.ofSeconds(1))) {
        lane.start().get(10, TimeUnit.SECONDS);
        page.awaitTrue(
            "document.querySelector('#device-rows tr[data-device=\"bar-v9\"] .pill').textContent === '在线'");
      }
      page.evaluate("document.querySelector('#device-rows tr[data-device=\"bar-v9\"] button').click()");
      page.awaitTrue("document.getElementById('device-form').elements.lane.value === 'V9'");
      assertEquals(Boolean.TRUE, page.evaluate("document.getElementById('device-form').elements.id.readOnly"));
      assertEquals(new JsonArray(List.of("lane", "door")), page.evaluate(VISIBLE_FIELDS));
      page.keepPicture("tech-devices-barrier.png");
      assertEquals(TechConsoleRig.TECHNICIAN, rig.audit("tech.device.add", "bar-v9").get(0).get(0));
    }
  }

  private static final String VISIBLE_FIELDS =
      "Array.from(document.querySelectorAll('#device-form label[data-field]')).filter(l => !l.hidden)"
          + ".map(l => l.dataset.field)";

  /** Picks the type on the form as a technician does and answers the fields then shown. */
  private static Object shownFields(DevToolsSession page, String type) throws Exception {
    page.evaluate("{ const s = document.getElementById('device-type'); s.value = '" + type + "';"
        + " s.dispatchEvent(new Event('change')); }");
    return page.evaluate(VISIBLE_FIELDS);
  }
  /** Chromium at the booth screen's size, logged in as the technician, on a page of the console. */
  private record ConsoleBrowser(HeadlessChromium chromium, DevToolsSession page) implements AutoCloseable {
    static ConsoleBrowser open(TechConsoleRig rig, String path) throws Exception {
      HeadlessChromium chromium = HeadlessChromium.start(
          List.of("--remote-debugging-port=0", "--window-size=1366,768", "about:blank"));
      try {
        DevToolsSession page = DevToolsSession.openPage(chromium.devToolsUrl(30), "about:blank");
        WebLogin.inBrowser(page, rig.url(""), TechConsoleRig.TECHNICIAN, WebLogin.PASSWORD);
        page.call("Page.navigate", new JsonObject().put("url", rig.url(path)));
        return new ConsoleBrowser(chromium, page);
      } catch (Exception e) {
        chromium.close();
        throw e;
      }
    }

    @Override
    public void close() throws Exception {
      try {
        page.close();
      } finally {
        chromium.close();
      }
    }
  }
}
