package io.doorstep.gateway.it;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The property company's platform in tests: a persistent subscriber on its broker (a real
 * Mosquitto) collecting the gateway's telemetry entries per device, in arrival order.
 */
final class PlatformSubscriber implements AutoCloseable {
  private final MqttClient client;
  private final Map<String, Set<String>> byDevice = new ConcurrentHashMap<>();
  private final Set<String> all = ConcurrentHashMap.newKeySet();
  private final List<String> arrivals = new ArrayList<>();
  private final Map<String, List<JsonObject>> valuesByDevice = new ConcurrentHashMap<>();

  private PlatformSubscriber(MqttClient client) {
    this.client = client;
  }

  static PlatformSubscriber subscribe(String url) throws Exception {
    MqttClient client = new MqttClient(url, "platform-test", new MemoryPersistence());
    PlatformSubscriber platform = new PlatformSubscriber(client);
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(false);
    options.setAutomaticReconnect(true);
    options.setMaxReconnectDelay(500);
    client.setCallback(new org.eclipse.paho.client.mqttv3.MqttCallback() {
      @Override
      public void connectionLost(Throwable cause) {}

      @Override
      public void messageArrived(String topic, org.eclipse.paho.client.mqttv3.MqttMessage message) {
        platform.take(new JsonObject(new String(message.getPayload(), StandardCharsets.UTF_8)));
      }

      @Override
      public void deliveryComplete(org.eclipse.paho.client.mqttv3.IMqttDeliveryToken token) {}
    });
    client.connect(options);
    client.subscribe("v1/gateway/telemetry", 1);
    return platform;
  }

  private synchronized void take(JsonObject body) {
    for (String device : body.fieldNames()) {
      JsonArray entries = body.getJsonArray(device);
      for (int i = 0; i < entries.size(); i++) {
        JsonObject values = entries.getJsonObject(i).getJsonObject("values");
        String id = values.getString("eventId");
        byDevice.computeIfAbsent(device, d -> new LinkedHashSet<>()).add(id);
        if (all.add(id)) {
          arrivals.add(id);
          valuesByDevice.computeIfAbsent(device, d -> new ArrayList<>()).add(values);
        }
      }
    }
  }

  int count() {
    return all.size();
  }

  boolean has(String eventId) {
    return all.contains(eventId);
  }

  /** Every id at its first arrival, across devices. */
  synchronized List<String> arrivalOrder() {
    return new ArrayList<>(arrivals);
  }

  /** Each id at its first arrival: a repeat after an outage is the platform's to recognise. */
  synchronized List<String> firstArrivals(String device) {
    return new ArrayList<>(byDevice.getOrDefault(device, new LinkedHashSet<>()));
  }

  /** The values of each event of the device (with its {@code eventId} and {@code kind}), at first arrival. */
  synchronized List<JsonObject> entries(String device) {
    return new ArrayList<>(valuesByDevice.getOrDefault(device, List.of()));
  }

  @Override
  public void close() throws Exception {
    client.disconnectForcibly(1000);
    client.close();
  }
}
