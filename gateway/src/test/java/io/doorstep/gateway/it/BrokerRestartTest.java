package io.doorstep.gateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.doorstep.gateway.store.PersonRecord;
import io.doorstep.sim.faceterminal.FaceTerminalSimulator;
import io.doorstep.sim.faceterminal.Person;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The estate's broker restarts (without persistence, so it forgets every session): the gateway
 * reconnects by itself, subscribes again, and answers terminals as before. While the broker is
 * down /health says so.
 */
class BrokerRestartTest {
  @TempDir Path dir;

  @Test
  void theGatewayComesBackWithTheBroker() throws Exception {
    try (RunningGateway running = RunningGateway.start(dir, 30,
            List.of(new PersonRecord("R1001", "张三", "resident", "B01-U1-101", 0, 0, List.of())));
        FaceTerminalSimulator terminal = FaceTerminalSimulator.builder(running.broker.url(), TestEstate.GATE_IN_SN)
            .reconnectMin(Duration.ofMillis(100))
            .reconnectMax(Duration.ofMillis(500))
            .create()) {
      terminal.loadPersons(List.of(Person.resident("R1001", "张三")));
      terminal.start().get(10, TimeUnit.SECONDS);
      // The gateway subscribes a moment after it connects: until then a terminal decides alone.
      Waits.until("the gateway answers a verify", Duration.ofSeconds(30), () -> answeredByGateway(terminal));

      running.broker.stop();
      Waits.until("/health reports the broker down", Duration.ofSeconds(10),
          () -> !health(running).getJsonObject("broker").getBoolean("connected"));
      assertEquals("degraded", health(running).getString("status"));

      running.broker.restart();
      Waits.until("/health reports the broker back", Duration.ofSeconds(30),
          () -> health(running).getJsonObject("broker").getBoolean("connected"));
      Waits.until("the terminal is back", Duration.ofSeconds(30), terminal::isConnected);
      Waits.until("a verify is answered by the gateway again", Duration.ofSeconds(30), () -> answeredByGateway(terminal));
    }
  }

  private static boolean answeredByGateway(FaceTerminalSimulator terminal) {
    try {
      return !terminal.presentFace("R1001", 0.9, true, "pedestrian", "in").get(5, TimeUnit.SECONDS).local();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static JsonObject health(RunningGateway running) {
    try {
      return new JsonObject(running.get("/health"));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
