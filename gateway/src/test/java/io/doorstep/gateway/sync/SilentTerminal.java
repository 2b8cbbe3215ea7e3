package io.doorstep.gateway.sync;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A terminal that is online (it connects and sends heartbeats) but never acknowledges a
 * command, as one with a hung application would. The simulator always answers, so this one is
 * a bare MQTT client.
 */
final class SilentTerminal implements AutoCloseable {
  private final MqttClient client;
  private final String sn;
  private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor();
  private final AtomicInteger upserts = new AtomicInteger();

  SilentTerminal(String brokerUrl, String sn) throws MqttException {
    this.sn = sn;
    this.client = new MqttClient(brokerUrl, sn, new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(false);
    options.setUserName(sn);
    options.setWill(topic("online"), body(new JsonObject().put("online", false)), 1, true);
    client.connect(options);
    client.subscribe("ft/" + sn + "/down/#", 1, (topic, message) -> {
      if (topic.endsWith("/person-upsert")) {
        upserts.incrementAndGet();
      }
    });
    client.publish(topic("online"), body(new JsonObject().put("online", true).put("model", "FT-8")), 1, true);
    heartbeats.scheduleAtFixedRate(this::heartbeat, 0, SyncRig.HEARTBEAT_S, TimeUnit.SECONDS);
  }

  /** person-upsert messages received, none of them acknowledged. */
  int upserts() {
    return upserts.get();
  }

  @Override
  public void close() throws MqttException {
    heartbeats.shutdownNow();
    client.disconnectForcibly(0, 1000);
    client.close();
  }

  private void heartbeat() {
    try {
      client.publish(topic("heartbeat"),
          body(new JsonObject().put("uptimeS", 1).put("persons", 0).put("doorState", "closed")), 0, false);
    } catch (MqttException e) {
      // The next beat tries again, as a terminal would.
    }
  }

  private String topic(String kind) {
    return "ft/" + sn + "/up/" + kind;
  }

  private static byte[] body(JsonObject fields) {
    return fields.put("msgId", UUID.randomUUID().toString()).put("ts", System.currentTimeMillis())
        .encode().getBytes(StandardCharsets.UTF_8);
  }
}
