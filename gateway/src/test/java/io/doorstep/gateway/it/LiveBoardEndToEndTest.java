package io.doorstep.gateway.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.sim.browser.DevToolsSession;
import io.doorstep.sim.browser.HeadlessChromium;
import io.doorstep.gateway.store.PersonRecord;
import io.doorstep.gateway.web.WebLogin;
import io.doorstep.gateway.web.auth.Role;
import io.doorstep.sim.faceterminal.FaceTerminalSimulator;
import io.doorstep.sim.faceterminal.Person;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a guard sees: a resident passes a simulated terminal, and the real gateway's board in a
 * real browser shows the passage and the terminal online; the next passage appears live.
 */
class LiveBoardEndToEndTest {
  @TempDir Path dir;

  @Test
  void aPassageAtATerminalAppearsOnTheBoard() throws Exception {
    List<PersonRecord> persons = List.of(
        new PersonRecord("R1001", "张三", "resident", "B01-U1-101", 0, 0, List.of()),
        new PersonRecord("R1002", "欧阳娜娜", "resident", "B01-U1-102", 0, 0, List.of()));
    try (RunningGateway running = RunningGateway.start(dir, 30, persons);
        FaceTerminalSimulator terminal = FaceTerminalSimulator.builder(running.broker.url(), TestEstate.GATE_IN_SN)
            .create()) {
      terminal.loadPersons(List.of(Person.resident("R1001", "张三"), Person.resident("R1002", "欧阳娜娜")));
      terminal.start().get(10, TimeUnit.SECONDS);
      assertTrue(terminal.presentFace("R1001", 0.95, true, "pedestrian", "in").get(5, TimeUnit.SECONDS).opened());
      Waits.until("the passage is stored", Duration.ofSeconds(10), () -> !safeEvents(running).isEmpty());

      String origin = "http://127.0.0.1:" + running.gateway.webPort();
      WebLogin.createUser(running.gateway.vertx(), running.gateway.store(), "guard1", Role.GUARD);
      try (HeadlessChromium chromium = HeadlessChromium.start(
              List.of("--remote-debugging-port=0", "--window-size=1366,768", "about:blank"));
          DevToolsSession page = DevToolsSession.openPage(chromium.devToolsUrl(30), "about:blank")) {
        WebLogin.inBrowser(page, origin, "guard1", WebLogin.PASSWORD);
        page.awaitTrue("document.getElementById('passage-rows').textContent.includes('张三')"
            + " && document.getElementById('passage-rows').textContent.includes('南门 1号通道')");
        page.awaitTrue("Array.from(document.querySelectorAll('#device-list li.online'))"
            + ".some(li => li.textContent.includes('" + TestEstate.GATE_IN + "'))");

        terminal.presentFace("R1002", 0.95, true, "pedestrian", "out").get(5, TimeUnit.SECONDS);
        page.awaitTrue("document.getElementById('passage-rows').firstChild.textContent.includes('欧阳娜娜')");
      }
    }
  }

  private static List<?> safeEvents(RunningGateway running) {
    try {
      return running.events(java.util.Set.of("passage"));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

}
