package io.doorstep.gateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.gateway.Gateway;
import io.doorstep.gateway.Restarts;
import io.doorstep.gateway.store.Store;
import io.doorstep.gateway.web.WebLogin;
import io.doorstep.gateway.web.auth.Role;
import io.doorstep.sim.broker.MosquittoBroker;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The restart on the technician console, as production runs the gateway: the process closes and
 * leaves with the status that asks its supervisor to start it again, and the next start serves
 * the files as they are on disk now.
 */
class GatewayRestartTest {
  private static final String TECHNICIAN = "王工";
  @TempDir Path dir;

  @Test
  void theConsolesRestartLeavesForTheSupervisorAndTheNextStartServesTheChangedFiles() throws Exception {
    try (MosquittoBroker broker = MosquittoBroker.start()) {
      int webPort = TestEstate.freePort();
      Path config = TestEstate.write(dir, broker.url(), webPort, 30);
      createTechnician(dir.resolve("data"));
      Path estate = dir.resolve("estates/test.yaml");

      try (GatewayProcess gateway = GatewayProcess.start(config, webPort, dir.resolve("gateway.log"))) {
        gateway.awaitReady(Duration.ofSeconds(60));
        WebLogin tech = WebLogin.login(webPort, TECHNICIAN, WebLogin.PASSWORD);
        Files.writeString(estate, Files.readString(estate).replace("南门 1号通道", "南门 1号通道（新）"));

        HttpResponse<String> reply = tech.post("/api/tech/support/restart", new JsonObject());

        assertEquals(202, reply.statusCode(), reply.body());
        assertEquals(Restarts.EXIT_CODE, gateway.awaitExit(Duration.ofSeconds(30)));
      }
      String log = Files.readString(dir.resolve("gateway.log"));
      assertTrue(log.contains("gateway restart asked by " + TECHNICIAN), "the log says who asked");

      try (GatewayProcess again = GatewayProcess.start(config, webPort, dir.resolve("gateway.log"))) {
        again.awaitReady(Duration.ofSeconds(60));
        WebLogin tech = WebLogin.login(webPort, TECHNICIAN, WebLogin.PASSWORD);
        HttpResponse<String> map = tech.get("/api/board/map");
        assertTrue(map.body().contains("南门 1号通道（新）"), map.body());
      }
    }
  }

  /** As {@code doorstep admin create} does before the first start: the account is in the file. */
  private static void createTechnician(Path dataDir) throws Exception {
    Files.createDirectories(dataDir);
    Vertx vertx = Vertx.vertx();
    try (Store store = Store.open(vertx, dataDir.resolve(Gateway.DB_FILE))) {
      WebLogin.createUser(vertx, store, TECHNICIAN, Role.TECHNICIAN);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get();
    }
  }
}
