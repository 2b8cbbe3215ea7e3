package io.doorstep.gateway.it;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The platform commanding the gateway, on its broker (a real Mosquitto): publishes RPC requests
 * and shared attributes, collects the gateway's replies, client attributes and attribute requests.
 * It answers nothing by itself: a test answers a request when it wants to.
 */
final class PlatformClient implements AutoCloseable {
  static final Duration LIMIT = Duration.ofSeconds(15);
  private final MqttClient client;
  private final Map<Long, JsonObject> replies = new ConcurrentHashMap<>();
  private final List<JsonObject> attributes = new CopyOnWriteArrayList<>();
  private final List<JsonObject> requests = new CopyOnWriteArrayList<>();
  private final AtomicLong ids = new AtomicLong(100);

  private PlatformClient(MqttClient client) {
    this.client = client;
  }

  static PlatformClient connect(String url, String clientId) throws Exception {
    MqttClient client = new MqttClient(url, clientId, new MemoryPersistence());
    PlatformClient platform = new PlatformClient(client);
    client.setCallback(new MqttCallback() {
      @Override
      public void connectionLost(Throwable cause) {}

      @Override
      public void messageArrived(String topic, MqttMessage message) {
        platform.take(topic, message.getPayload());
      }

      @Override
      public void deliveryComplete(IMqttDeliveryToken token) {}
    });
    client.connect(new MqttConnectOptions());
    client.subscribe(new String[] {"v1/gateway/rpc", "v1/gateway/attributes", "v1/gateway/attributes/request"},
        new int[] {1, 1, 1});
    return platform;
  }

  private void take(String topic, byte[] payload) {
    JsonObject body;
    try {
      body = new JsonObject(new String(payload, StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      return; // a test's own malformed request, echoed
    }
    if (topic.equals("v1/gateway/rpc") && body.getValue("id") instanceof Number id) {
      replies.put(id.longValue(), body.getJsonObject("data"));
    } else if (topic.equals("v1/gateway/attributes") && !body.containsKey("device")) {
      attributes.add(body);
    } else if (topic.equals("v1/gateway/attributes/request")) {
      requests.add(body);
    }
  }

  void publish(String topic, byte[] body) throws Exception {
    client.publish(topic, body, 1, false);
  }

  void publish(String topic, JsonObject body) throws Exception {
    publish(topic, body.encode().getBytes(StandardCharsets.UTF_8));
  }

  long nextId() {
    return ids.incrementAndGet();
  }

  /** Calls a method and waits for the reply's {@code data}. */
  JsonObject call(String device, String method, JsonObject params) throws Exception {
    long id = nextId();
    publish("v1/gateway/rpc", rpc(device, id, method, params));
    JsonObject reply = awaitReply(id, LIMIT);
    assertFalse(reply == null, "no reply to " + method + " on " + device);
    return reply;
  }

  /** Changes shared attributes of a device, as the platform pushes them. */
  void share(String device, JsonObject data) throws Exception {
    publish("v1/gateway/attributes", new JsonObject().put("device", device).put("data", data));
  }

  static byte[] rpc(String device, long id, String method, JsonObject params) {
    return new JsonObject().put("device", device)
        .put("data", new JsonObject().put("id", id).put("method", method).put("params", params))
        .encode().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Waits until the gateway answers an RPC at all: it answers once it has subscribed, so a test
   * asks (for a device it does not have) until a reply comes.
   */
  void awaitGatewayAnswers(String method, Duration within) throws InterruptedException {
    Waits.until("the gateway answers RPC", within, () -> {
      try {
        long id = nextId();
        publish("v1/gateway/rpc", rpc("nobody", id, method, new JsonObject()));
        return awaitReply(id, Duration.ofMillis(500)) != null;
      } catch (Exception e) {
        return false;
      }
    });
  }

  JsonObject awaitReply(long id, Duration within) throws InterruptedException {
    long end = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < end) {
      JsonObject reply = replies.get(id);
      if (reply != null) {
        return reply;
      }
      Thread.sleep(20);
    }
    return null;
  }

  /** The latest client attributes of the device that pass the filter, once some have come. */
  JsonObject awaitAttributes(String device, Predicate<JsonObject> which) throws InterruptedException {
    Waits.until("attributes of " + device, LIMIT, () -> find(device, which) != null);
    return find(device, which);
  }

  private JsonObject find(String device, Predicate<JsonObject> which) {
    return attributes.stream().map(a -> a.getJsonObject(device)).filter(a -> a != null && which.test(a))
        .reduce((a, b) -> b).orElse(null);
  }

  /** How many times the gateway reported the device's client attributes so far. */
  long reports(String device) {
    return attributes.stream().filter(a -> a.containsKey(device)).count();
  }

  /** The gateway's attribute requests so far, in arrival order. */
  List<JsonObject> requests() {
    return List.copyOf(requests);
  }

  /**
   * Answers one of the gateway's attribute requests from what the platform holds of the device,
   * as ThingsBoard does: {@code "value"} (without its key) when it holds one of the keys asked
   * for, {@code "values"} when several, neither when none.
   */
  void answer(JsonObject request, Map<String, Object> held) throws Exception {
    JsonObject response = new JsonObject().put("id", request.getValue("id")).put("device", request.getString("device"));
    JsonObject found = new JsonObject();
    request.getJsonArray("keys").forEach(k -> {
      if (held.containsKey((String) k)) {
        found.put((String) k, held.get(k));
      }
    });
    if (found.size() == 1) {
      response.put("value", found.getValue(found.fieldNames().iterator().next()));
    } else if (found.size() > 1) {
      response.put("values", found);
    }
    publish("v1/gateway/attributes/response", response);
  }

  @Override
  public void close() throws Exception {
    client.disconnectForcibly(1000);
    client.close();
  }
}
