package io.doorstep.gateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.gateway.Gateway;
import io.doorstep.sim.broker.MosquittoBroker;
import io.doorstep.sim.mqtt.NoDelaySocketFactory;
import io.vertx.core.json.JsonArray;
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
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
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
      MqttClient terminal = terminal(broker.url());
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
      Thread sender = new Thread(() -> sendUntilInterrupted(terminal, round), "records-round-" + round);
      sender.start();
      assertTrue(firstAck.await(30, TimeUnit.SECONDS), "an acknowledgement in round " + round);
      gateway.kill();
      sender.interrupt();
      sender.join();
    }
    terminal.unsubscribe("ft/" + TestEstate.GATE_IN_SN + "/down/record-ack");
  }

  /** Unlike a real terminal it does not wait for acks: more messages in flight make the kill land mid-write. */
  private static void sendUntilInterrupted(MqttClient terminal, int round) {
    String topic = "ft/" + TestEstate.GATE_IN_SN + "/up/record";
    for (int n = 0; !Thread.currentThread().isInterrupted(); n++) {
      try {
        terminal.publish(topic, recordMessage("r" + round + "-" + n).encode().getBytes(StandardCharsets.UTF_8), 1, false);
        Thread.sleep(2);
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        return;
      }
    }
  }

  private static JsonObject recordMessage(String msgId) {
    JsonArray records = new JsonArray();
    long ts = System.currentTimeMillis();
    for (int i = 0; i < RECORDS_PER_MESSAGE; i++) {
      records.add(new JsonObject().put("msgId", msgId + "-" + i).put("ts", ts - 1000 + i).put("lane", "in")
          .put("method", "face").put("personId", "R" + (1000 + i)).put("score", 0.9).put("liveness", true)
          .put("card", null).put("qr", null).put("bodyType", "pedestrian").put("decision", "open"));
    }
    return new JsonObject().put("msgId", msgId).put("ts", ts).put("records", records);
  }

  private static MqttClient terminal(String url) throws Exception {
    MqttClient client = new MqttClient(url, TestEstate.GATE_IN_SN, new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(true);
    options.setMaxInflight(1000);
    options.setSocketFactory(NoDelaySocketFactory.instance());
    client.connect(options);
    return client;
  }
}
