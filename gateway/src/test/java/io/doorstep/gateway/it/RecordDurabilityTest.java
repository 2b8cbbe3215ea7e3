package io.doorstep.gateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.gateway.Gateway;
import io.doorstep.sim.broker.MosquittoBroker;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever the gateway acknowledged to a terminal survives {@code kill -9}: a terminal sends
 * batches of offline records as fast as it can; the moment the gateway acknowledges one, the
 * gateway process is killed; every acknowledged record must then be in the SQLite file. Five
 * rounds, each restarting the gateway on the file the previous crash left.
 */
class RecordDurabilityTest {
  private static final int ROUNDS = 5;
  private static final int RECORDS_PER_MESSAGE = 50;
  @TempDir Path dir;

  @Test
  void everyAcknowledgedRecordIsInTheFileAfterAKill() throws Exception {
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    try (MosquittoBroker broker = MosquittoBroker.start()) {
      int webPort = TestEstate.freePort();
      Path config = TestEstate.write(dir, broker.url(), webPort, 30);
      MqttClient terminal = RecordingTerminal.connect(broker.url());
      try {
        for (int round = 1; round <= ROUNDS; round++) {
          runRound(round, config, webPort, terminal, acknowledged);
        }
      } finally {
        terminal.disconnectForcibly(1000, 1000, false);
        terminal.close();
      }
    }
    assertTrue(acknowledged.size() >= ROUNDS, "each round saw at least one acknowledgement");
    Path db = dir.resolve("data").resolve(Gateway.DB_FILE);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        PreparedStatement count = c.prepareStatement(
            "SELECT count(*) FROM events WHERE kind = 'passage.offline' AND id LIKE ?")) {
      for (String msgId : acknowledged) {
        count.setString(1, TestEstate.GATE_IN + "/" + msgId + "/%");
        try (ResultSet rs = count.executeQuery()) {
          rs.next();
          assertEquals(RECORDS_PER_MESSAGE, rs.getInt(1), "records of acknowledged message " + msgId);
        }
      }
    }
  }

  private void runRound(int round, Path config, int webPort, MqttClient terminal, Set<String> acknowledged)
      throws Exception {
    CountDownLatch firstAck = new CountDownLatch(1);
    terminal.subscribe("ft/" + TestEstate.GATE_IN_SN + "/down/record-ack", 1, (topic, message) -> {
      acknowledged.add(new JsonObject(new String(message.getPayload(), StandardCharsets.UTF_8)).getString("ackMsgId"));
      firstAck.countDown();
    });
    try (GatewayProcess gateway = GatewayProcess.start(config, webPort, dir.resolve("gateway.log"))) {
      gateway.awaitReady(Duration.ofSeconds(30));
      Thread sender = new Thread(() -> RecordingTerminal.sendUntilInterrupted(terminal, round, RECORDS_PER_MESSAGE, 2), "records-round-" + round);
      sender.start();
      assertTrue(firstAck.await(30, TimeUnit.SECONDS), "an acknowledgement in round " + round);
      gateway.kill();
      sender.interrupt();
      sender.join();
    }
    terminal.unsubscribe("ft/" + TestEstate.GATE_IN_SN + "/down/record-ack");
  }
}
