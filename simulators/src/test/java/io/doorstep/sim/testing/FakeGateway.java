package io.doorstep.sim.testing;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The gateway's side of the interface, as small as a test needs: it records everything
 * under a topic filter, publishes commands, and can answer from a handler. Handlers run on
 * Paho's callback thread, so they only publish asynchronously.
 */
public final class FakeGateway implements AutoCloseable {

  /** One message as the gateway saw it. */
  public record Received(String topic, byte[] payload, int qos, boolean retained) {
    public JsonObject json() {
      return new JsonObject(text());
    }

    public String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }

    public boolean topicEndsWith(String suffix) {
      return topic.endsWith(suffix);
    }
  }

  private final MqttAsyncClient client;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private volatile Consumer<Received> handler = r -> { };

  public FakeGateway(String brokerUrl, String clientId, String filter) throws MqttException {
    client = new MqttAsyncClient(brokerUrl, clientId, new MemoryPersistence());
    client.setCallback(new MqttCallback() {
      @Override
      public void connectionLost(Throwable cause) {
      }

      @Override
      public void messageArrived(String topic, MqttMessage message) {
        Received r = new Received(topic, message.getPayload(), message.getQos(),
            message.isRetained());
        received.add(r);
        handler.accept(r);
      }

      @Override
      public void deliveryComplete(IMqttDeliveryToken token) {
      }
    });
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(true);
    options.setMaxInflight(1000);
    client.connect(options).waitForCompletion(5000);
    client.subscribe(filter, 1).waitForCompletion(5000);
  }

  /** Answers (or otherwise reacts to) every message from now on. */
  public void onMessage(Consumer<Received> reaction) {
    handler = reaction;
  }

  public void publish(String topic, JsonObject body) {
    publish(topic, body.encode().getBytes(StandardCharsets.UTF_8));
  }

  public void publish(String topic, byte[] payload) {
    try {
      client.publish(topic, payload, 1, false);
    } catch (MqttException e) {
      throw new IllegalStateException(e);
    }
  }

  public List<Received> all() {
    return List.copyOf(received);
  }

  public List<Received> all(String topicSuffix) {
    return received.stream().filter(r -> r.topicEndsWith(topicSuffix))
        .collect(Collectors.toList());
  }

  public void clear() {
    received.clear();
  }

  /** The first message so far or within the wait that matches, else an AssertionError. */
  public Received await(Predicate<Received> match, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      for (Received r : received) {
        if (match.test(r)) {
          return r;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no matching message within " + within + "; got "
            + received.stream().map(r -> r.topic() + " " + r.text()).collect(Collectors.toList()));
      }
      Waits.sleep(5);
    }
  }

  public Received await(String topicSuffix, Duration within) {
    return await(r -> r.topicEndsWith(topicSuffix), within);
  }

  /** Waits until at least n messages end with the suffix, and returns them. */
  public List<Received> awaitCount(String topicSuffix, int n, Duration within) {
    Waits.until(() -> all(topicSuffix).size() >= n, within,
        () -> "expected " + n + " on " + topicSuffix + ", got " + all(topicSuffix).size());
    return all(topicSuffix);
  }

  @Override
  public void close() {
    try {
      if (client.isConnected()) {
        client.disconnect().waitForCompletion(2000);
      }
      client.close(true);
    } catch (MqttException e) {
      // Closing after a broker restart may find the link gone already.
    }
  }
}
