package io.doorstep.gateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.device.EventIds;
import io.doorstep.gateway.Gateway;
import io.doorstep.sim.broker.MosquittoBroker;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway is killed with {@code kill -9} twenty times while it stores a terminal's records
 * and forwards them to the platform. Afterwards every event in the store, and so every record
 * the terminal was acknowledged for, is at the platform; repeats carry the same event id.
 */
class UpstreamDurabilityTest {
  private static final int ROUNDS = 20;
  private static final int RECORDS_PER_MESSAGE = 20;
  @TempDir Path dir;

  @Test
  void nothingStoredIsMissingUpstreamAfterTwentyKills() throws Exception {
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    try (MosquittoBroker local = MosquittoBroker.start();
        MosquittoBroker platformBroker = MosquittoBroker.builder().persistent().start();
        PlatformSubscriber platform = PlatformSubscriber.subscribe(platformBroker.url())) {
      int webPort = TestEstate.freePort();
      Path config = TestEstate.write(dir, local.url(), webPort, 30);
      Files.writeString(config, "upstream: {enabled: true, url: '" + platformBroker.url() + "', accessToken: t,"
          + " maxInFlight: 4}\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
      MqttClient terminal = RecordingTerminal.connect(local.url());
      try {
        for (int round = 1; round <= ROUNDS; round++) {
          runRound(round, config, webPort, terminal, acknowledged);
        }
        // A last, calm run sends what the kills left in the outbox.
        try (GatewayProcess gateway = GatewayProcess.start(config, webPort, dir.resolve("gateway.log"))) {
          gateway.awaitReady(Duration.ofSeconds(30));
          List<String> stored = storedIds();
          Waits.until("every stored event is at the platform", Duration.ofSeconds(90),
              () -> stored.stream().allMatch(platform::has));
        }
      } finally {
        terminal.disconnectForcibly(1000, 1000, false);
        terminal.close();
      }
      assertTrue(acknowledged.size() >= ROUNDS, "each round saw an acknowledgement");
      List<String> stored = storedIds();
      for (String msgId : acknowledged) {
        // The records of a message are its events 1 … n.
        for (int i = 1; i <= RECORDS_PER_MESSAGE; i++) {
          String id = EventIds.derived(TestEstate.GATE_IN, msgId, i);
          assertTrue(platform.has(id), "acknowledged record " + id + " is at the platform (stored: "
              + stored.contains(id) + "; stored of that message: "
              + stored.stream().filter(x -> x.startsWith(TestEstate.GATE_IN + "/" + msgId + "/")).toList() + ")");
        }
      }
      assertEquals(storedIds().size(), storedIds().stream().distinct().count());
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
      Thread sender = new Thread(() -> RecordingTerminal.sendUntilInterrupted(terminal, round, RECORDS_PER_MESSAGE, 5), "records-round-" + round);
      sender.start();
      assertTrue(firstAck.await(30, TimeUnit.SECONDS), "an acknowledgement in round " + round);
      // Somewhere in the middle of storing and sending.
      Thread.sleep(ThreadLocalRandom.current().nextInt(50, 400));
      gateway.kill();
      sender.interrupt();
      sender.join();
    }
    terminal.unsubscribe("ft/" + TestEstate.GATE_IN_SN + "/down/record-ack");
  }

  private List<String> storedIds() throws Exception {
    Path db = dir.resolve("data").resolve(Gateway.DB_FILE);
    List<String> ids = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        PreparedStatement ps = c.prepareStatement("SELECT id FROM events ORDER BY seq");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    return ids;
  }
}
