package io.doorstep.gateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.sim.browser.DevToolsSession;
import io.doorstep.sim.browser.HeadlessChromium;
import io.doorstep.gateway.web.WebLogin;
import io.doorstep.gateway.web.auth.Role;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configuration import in real Chromium: a technician picks a zip, sees each problem with its
 * file and line (names shown as text), fixes it, is told the files are written, and restarts the
 * gateway to apply them after a confirmation.
 */
class TechConfigImportBrowserTest {
  @TempDir Path dir;

  @Test
  void problemsAreListedByFileAndLineThenAFixedZipIsWritten() throws Exception {
    try (RunningGateway running = RunningGateway.start(dir, 30, List.of());
        HeadlessChromium chromium = HeadlessChromium.start(
            List.of("--remote-debugging-port=0", "--window-size=1366,768", "about:blank"));
        DevToolsSession page = DevToolsSession.openPage(chromium.devToolsUrl(30), "about:blank")) {
      String origin = "http://127.0.0.1:" + running.gateway.webPort();
      WebLogin.createUser(running.gateway.vertx(), running.gateway.store(), "王工", Role.TECHNICIAN);
      WebLogin.inBrowser(page, origin, "王工", WebLogin.PASSWORD);
      page.call("Page.navigate", new JsonObject().put("url", origin + "/tech/#support"));
      page.awaitTrue("document.getElementById('import-form') !== null"
          + " && !document.getElementById('tab-support').hidden");
      String gateway = Files.readString(dir.resolve("gateway.yaml"));
      String estate = Files.readString(dir.resolve("estates/test.yaml"));

      choose(page, zip(gateway, estate.replace("devices: [ft-g1-l2]", "devices: ['<b>ft-x</b>']")));
      page.evaluate("document.querySelector('#import-form button[type=submit]').click()");

      page.awaitTrue("document.querySelectorAll('#import-problems li').length > 0");
      assertTrue(((String) page.evaluate("document.getElementById('import-error').textContent")).startsWith("发现"));
      String problem = (String) page.evaluate("document.querySelector('#import-problems li').textContent");
      assertTrue(problem.startsWith("estates/test.yaml:6 "), problem);
      assertTrue(problem.contains("<b>ft-x</b>"), problem);
      assertEquals(Boolean.TRUE, page.evaluate("document.querySelector('#import-problems b') === null"),
          "a name in a problem is shown as text");
      assertEquals(estate, Files.readString(dir.resolve("estates/test.yaml")));
      page.keepPicture("tech-import-problems.png");

      choose(page, zip(gateway, estate.replace("南门 2号通道", "南门 2号通道 (维修)")));
      page.evaluate("document.querySelector('#import-form button[type=submit]').click()");

      page.awaitTrue("document.getElementById('import-done').textContent.startsWith('已写入')");
      assertEquals(0L, ((Number) page.evaluate("document.querySelectorAll('#import-problems li').length")).longValue());
      assertTrue(((String) page.evaluate("document.getElementById('import-done').textContent"))
          .contains("estates/test.yaml"));
      assertTrue(Files.readString(dir.resolve("estates/test.yaml")).contains("南门 2号通道 (维修)"));

      AtomicInteger restarts = new AtomicInteger();
      running.gateway.restarts().handOver(restarts::incrementAndGet);
      page.evaluate("window.confirm = () => false; document.getElementById('restart-button').click()");
      page.evaluate("window.confirm = () => true; document.getElementById('restart-button').click()");

      page.awaitTrue("document.getElementById('restart-done').textContent.startsWith('网关正在重启')");
      Waits.until("the restart is asked once: the declined one is not", Duration.ofSeconds(5),
          () -> restarts.get() == 1);
      assertEquals(1, running.audit("tech.gateway.restart", dir.resolve("gateway.yaml").toString()).size());
    }
  }

  /** Puts the zip into the page's file input, as picking it in the file dialog does. */
  private static void choose(DevToolsSession page, byte[] zip) throws Exception {
    page.evaluate("(() => { const bytes = Uint8Array.from(atob('" + Base64.getEncoder().encodeToString(zip)
        + "'), c => c.charCodeAt(0)); const t = new DataTransfer();"
        + " t.items.add(new File([bytes], 'doorstep-config.zip', {type: 'application/zip'}));"
        + " document.getElementById('import-file').files = t.files; })()");
  }

  private static byte[] zip(String gateway, String estate) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      zip.putNextEntry(new ZipEntry("gateway.yaml"));
      zip.write(gateway.getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("estates/test.yaml"));
      zip.write(estate.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return out.toByteArray();
  }
}
