package io.doorstep.gateway.web.office;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.doorstep.sim.browser.DevToolsSession;
import io.doorstep.sim.browser.HeadlessChromium;
import io.doorstep.gateway.web.WebLogin;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The residents office in a real Chromium at the office PC's 1366×768: what the office clerk sees
 * after importing a file and filling the form, not what the server meant to send.
 */
class OfficeBrowserTest {
  /** Where to put docs pictures: {@code -Ddoorstep.screenshots=../docs/screenshots}. */

  @TempDir Path dir;
  private OfficeRig rig;

  @BeforeEach
  void start() throws Exception {
    rig = OfficeRig.start(dir.resolve("gateway"));
  }

  @AfterEach
  void stop() throws Exception {
    rig.close();
  }

  @Test
  void anImportsReportIsShownRowByRowThenTheFixedFileImports() throws Exception {
    Path bad = dir.resolve("people.csv");
    Files.writeString(bad, "房号,姓名,类型,卡号\nB03-U1-1502,王伟,业主,04A1B2C3\nB03-U1-1502,李娜,业主,12\n",
        StandardCharsets.UTF_8);
    try (HeadlessChromium chromium = browser(); DevToolsSession page = office(chromium)) {
      page.evaluate("document.querySelector('[data-tab=import]').click()");
      chooseFile(page, "#import-file", bad);
      page.evaluate("document.getElementById('import-run').click()");
      page.awaitTrue("document.getElementById('import-summary').textContent.includes('未导入')");
      assertEquals(new JsonArray(List.of("3", "李娜", "有问题")), page.evaluate(
          "(() => { const c = document.querySelector('#import-rows tr.refused').cells;"
              + " return [c[0].textContent, c[2].textContent, c[3].textContent]; })()"), "the refused row, first");
      assertEquals(Boolean.TRUE, page.evaluate("document.querySelector('#import-rows tr.refused').cells[4]"
          + ".textContent.startsWith('卡号：')"), "the problem names its column");

      chooseFile(page, "#import-file", OfficeRig.CONFIG.resolve("people-sample.csv").toAbsolutePath());
      page.evaluate("document.getElementById('import-run').click()");
      page.awaitTrue("document.getElementById('import-summary').textContent.includes('已导入：新增 8')");
      assertEquals(8, ((Number) page.evaluate("document.querySelectorAll('#import-rows tr').length")).intValue());

      page.evaluate("document.querySelector('[data-tab=persons]').click()");
      page.awaitTrue("document.querySelectorAll('#person-rows tr').length === 8");
    }
  }

  @Test
  void aPersonAddedThroughTheFormShowsTheFieldAtFaultThenTheirNameAsText() throws Exception {
    String name = "<img src=x onerror=\"window.injected=1\">";
    try (HeadlessChromium chromium = browser(); DevToolsSession page = office(chromium)) {
      page.evaluate("document.getElementById('person-new').click()");
      page.awaitTrue("document.querySelector('#person-form [name=id]').value === 'R00001'");
      page.evaluate("(() => { const k = document.querySelector('#person-form [name=kind]'); k.value = 'staff';"
          + " k.dispatchEvent(new Event('change')); })()");
      page.awaitTrue("document.querySelector('#person-form [name=id]').value === 'S00001'");
      fill(page, new JsonObject().put("id", "R09001").put("name", name).put("kind", "resident")
          .put("household", "B99-U1-101").put("cards", "04A1B2C3").put("plates", "闽C12345"));
      page.evaluate("document.querySelector('#person-form button[type=submit]').click()");
      page.awaitTrue("document.querySelector('[data-error-for=household]').textContent !== ''");
      assertEquals(Boolean.TRUE, page.evaluate("document.querySelector('[data-error-for=household]').textContent"
          + ".includes('B99')"), "the reason is beside the household field");
      assertEquals(Boolean.TRUE, page.evaluate("document.querySelector('#person-form [name=household]')"
          + ".classList.contains('invalid')"));
      assertEquals("", page.evaluate("['id','name','cards','plates'].map(f => "
          + "document.querySelector('[data-error-for=' + f + ']').textContent).join('')"), "no other field is blamed");
      assertEquals(0, rig.audit().size(), "nothing was written");

      fill(page, new JsonObject().put("household", "B03-U1-1502"));
      page.evaluate("document.querySelector('#person-form button[type=submit]').click()");
      page.awaitTrue("document.getElementById('editor-title').textContent.includes('R09001')"
          + " && document.querySelectorAll('#person-rows tr').length === 1");

      assertEquals(name, page.evaluate("document.querySelector('#person-rows tr td.name').textContent"));
      assertEquals(name, page.evaluate("document.querySelector('#person-form [name=name]').value"));
      assertEquals(0, ((Number) page.evaluate("document.querySelectorAll('#person-rows img').length")).intValue());
      assertEquals(Boolean.TRUE, page.evaluate("window.injected === undefined"), "the name ran as markup");
      // The sync takes the new person in a moment later; the clerk opens the person again to see it.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (!Boolean.TRUE.equals(page.evaluate("document.getElementById('sync-list').textContent.includes('ft-b03-u1')"))) {
        if (System.nanoTime() > deadline) {
          fail("the person's terminals never showed: " + page.evaluate("document.getElementById('sync-list').textContent"));
        }
        page.evaluate("document.querySelector('#person-rows tr').click()");
        Thread.sleep(200);
      }
      assertEquals(Boolean.TRUE, page.evaluate("Array.from(document.querySelectorAll('#sync-list li'))"
          + ".some(li => li.textContent.includes('ft-b03-u1') && li.textContent.includes('等待同步')"
          + " && li.textContent.includes('终端离线'))"), "the terminal the person is due at, waiting");
      assertEquals(Boolean.FALSE, page.evaluate("document.documentElement.scrollWidth > window.innerWidth"),
          "the office scrolls sideways at 1366×768");
      page.keepPicture("office.png");
    }
  }

  @Test
  void aPassIssuedThroughTheFormIsListedShownAgainAndRevokedAfterAConfirmation() throws Exception {
    String visitor = "<b>周杰</b>";
    try (HeadlessChromium chromium = browser(); DevToolsSession page = office(chromium)) {
      page.evaluate("document.querySelector('[data-tab=pass]').click()");
      page.awaitTrue("document.querySelector('#pass-doors input[value=\"G1-L1\"]') !== null");
      page.evaluate("(() => { const f = document.getElementById('pass-form'); f.elements.visitorName.value = "
          + new JsonArray().add(visitor).encode() + "[0];"
          + " document.querySelector('#pass-doors input[value=\"G1-L1\"]').checked = true;"
          + " f.querySelector('button[type=submit]').click(); })()");
      page.awaitTrue("!document.getElementById('pass-card').hidden"
          + " && document.querySelectorAll('#pass-rows tr').length === 1");

      String row = "document.querySelector('#pass-rows tr')";
      assertEquals(visitor, page.evaluate(row + ".cells[0].textContent"), "the name as text");
      assertEquals(0, ((Number) page.evaluate(row + ".querySelectorAll('b').length")).intValue());
      assertEquals("有效", page.evaluate(row + ".querySelector('.pill').textContent"));
      assertEquals(Boolean.TRUE, page.evaluate(row + ".cells[5].textContent.startsWith('" + OfficeRig.USER + "')"),
          "issued by the office user");

      // Shown again from the list: the card is drawn afresh for the listed pass.
      page.evaluate("document.getElementById('pass-card').hidden = true; document.getElementById('pass-qr').src = '';");
      page.evaluate(row + ".querySelector('.pass-show').click()");
      page.awaitTrue("!document.getElementById('pass-card').hidden"
          + " && document.getElementById('pass-qr').src.includes('qr.svg?code=DS1.')");
      assertEquals(visitor, page.evaluate("document.getElementById('pass-visitor').textContent"));
      assertEquals(Boolean.TRUE, page.evaluate("document.getElementById('pass-qr').complete"
          + " && document.getElementById('pass-qr').naturalWidth > 0"), "the QR code is drawn");
      page.evaluate("document.getElementById('pass-rows').closest('section, .card, div').scrollIntoView({block: 'end'})");
      page.keepPicture("office-passes.png");

      // The clerk declines first: nothing changes; then confirms.
      page.evaluate("window.confirm = (m) => { window.asked = m; return false; }");
      page.evaluate(row + ".querySelector('.pass-revoke').click()");
      assertEquals(Boolean.TRUE, page.evaluate("window.asked.includes(" + new JsonArray().add(visitor).encode()
          + "[0])"), "the confirmation names the visitor");
      assertTrue(rig.audit().stream().noneMatch(r -> r.get(1).equals("pass.revoke")), "declined: nothing revoked");
      page.evaluate("window.confirm = () => true");
      page.evaluate(row + ".querySelector('.pass-revoke').click()");
      page.awaitTrue(row + ".querySelector('.pill').textContent === '已作废'");
      assertEquals(Boolean.TRUE, page.evaluate("document.getElementById('pass-card').hidden"),
          "the revoked pass's card is put away");
      assertEquals(0, ((Number) page.evaluate(row + ".querySelectorAll('button').length")).intValue(),
          "nothing left to do with a revoked pass");

      page.evaluate("(() => { const s = document.getElementById('pass-state'); s.value = 'valid';"
          + " s.dispatchEvent(new Event('change')); })()");
      page.awaitTrue("!document.getElementById('pass-empty').hidden"
          + " && document.querySelectorAll('#pass-rows tr').length === 0");
      List<List<String>> revokes = rig.audit().stream().filter(r -> r.get(1).equals("pass.revoke")).toList();
      assertEquals(1, revokes.size());
      assertEquals(OfficeRig.USER, revokes.get(0).get(0));
      assertEquals(Boolean.FALSE, page.evaluate("document.documentElement.scrollWidth > window.innerWidth"),
          "the office scrolls sideways at 1366×768");
    }
  }

  private HeadlessChromium browser() throws Exception {
    return HeadlessChromium.start(List.of("--remote-debugging-port=0", "--window-size=1366,768", "about:blank"));
  }

  private DevToolsSession office(HeadlessChromium chromium) throws Exception {
    DevToolsSession page = DevToolsSession.openPage(chromium.devToolsUrl(30), "about:blank");
    WebLogin.inBrowser(page, rig.url(""), OfficeRig.USER, WebLogin.PASSWORD);
    // The office PC keeps the estate's time: the pass form's times are read in it.
    page.call("Emulation.setTimezoneOverride", new JsonObject().put("timezoneId", "Asia/Shanghai"));
    page.call("Page.navigate", new JsonObject().put("url", rig.url("/office/")));
    page.call("Emulation.setDeviceMetricsOverride", new JsonObject()
        .put("width", 1366).put("height", 768).put("deviceScaleFactor", 1).put("mobile", false));
    page.awaitTrue("document.readyState === 'complete' && document.querySelector('.tab.active') !== null"
        + " && document.getElementById('person-page') !== null");
    return page;
  }

  /** As a person types: each named field of the person form gets its value. */
  private static void fill(DevToolsSession page, JsonObject values) throws Exception {
    page.evaluate("(() => { const v = " + values.encode() + "; const f = document.getElementById('person-form');"
        + " Object.keys(v).forEach(k => { f.elements[k].value = v[k]; }); })()");
  }

  /** The file chooser's outcome, through the browser's own file input. */
  private static void chooseFile(DevToolsSession page, String selector, Path file) throws Exception {
    int root = page.call("DOM.getDocument", new JsonObject()).getJsonObject("root").getInteger("nodeId");
    int input = page.call("DOM.querySelector", new JsonObject().put("nodeId", root).put("selector", selector))
        .getInteger("nodeId");
    page.call("DOM.setFileInputFiles", new JsonObject().put("nodeId", input)
        .put("files", new JsonArray().add(file.toAbsolutePath().normalize().toString())));
  }


}
