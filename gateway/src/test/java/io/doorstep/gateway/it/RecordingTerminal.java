package io.doorstep.gateway.it;

import io.doorstep.sim.mqtt.NoDelaySocketFactory;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The gate terminal of the {@link TestEstate} as the crash tests need it: a bare MQTT client that
 * uploads batches of offline records as fast as it can. Unlike a real terminal it does not wait
 * for acknowledgements: more messages in flight make a kill land mid-write.
 */
final class RecordingTerminal {
  private RecordingTerminal() {}

  static MqttClient connect(String url) throws Exception {
    MqttClient client = new MqttClient(url, TestEstate.GATE_IN_SN, new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(true);
    options.setMaxInflight(1000);
    options.setSocketFactory(NoDelaySocketFactory.instance());
    client.connect(options);
    return client;
  }

  /** Messages {@code r<round>-0}, {@code r<round>-1}, … of {@code records} records each, until interrupted. */
  static void sendUntilInterrupted(MqttClient terminal, int round, int records, long pauseMs) {
    String topic = "ft/" + TestEstate.GATE_IN_SN + "/up/record";
    for (int n = 0; !Thread.currentThread().isInterrupted(); n++) {
      try {
        terminal.publish(topic, recordMessage("r" + round + "-" + n, records).encode().getBytes(StandardCharsets.UTF_8),
            1, false);
        Thread.sleep(pauseMs);
      } catch (Exception e) {
        return;
      }
    }
  }

  static JsonObject recordMessage(String msgId, int count) {
    JsonArray records = new JsonArray();
    long ts = System.currentTimeMillis();
    for (int i = 0; i < count; i++) {
      records.add(new JsonObject().put("msgId", msgId + "-" + i).put("ts", ts - 1000 + i).put("lane", "in")
          .put("method", "face").put("personId", "R" + (1000 + i)).put("score", 0.9).put("liveness", true)
          .put("card", null).put("qr", null).put("bodyType", "pedestrian").put("decision", "open"));
    }
    return new JsonObject().put("msgId", msgId).put("ts", ts).put("records", records);
  }
}
