package io.doorstep.bench.upstream;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The platform's side: one Paho client on the platform's broker, subscribed to the gateway
 * API's telemetry topic at QoS 1, counting messages, bytes, telemetry entries and distinct
 * event ids (as 64-bit hashes). It can keep the first bodies it sees, for the floor to send again.
 */
final class PlatformSubscriber implements AutoCloseable {
  static final String TOPIC = "v1/gateway/telemetry";

  /** What has arrived so far. */
  record Counts(long messages, long bytes, long entries, long unique, long prefixed, long nanos) {
    Counts minus(Counts earlier) {
      return new Counts(messages - earlier.messages, bytes - earlier.bytes, entries - earlier.entries,
          unique - earlier.unique, prefixed - earlier.prefixed, nanos - earlier.nanos);
    }

    double perSecond(long n) {
      return nanos <= 0 ? 0 : n * 1e9 / nanos;
    }
  }

  private final MqttClient client;
  private final LongSet seen;
  private final String prefix;
  private final AtomicLong messages = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong entries = new AtomicLong();
  private final AtomicLong unique = new AtomicLong();
  private final AtomicLong prefixed = new AtomicLong();
  private final AtomicLong firstEntryNanos = new AtomicLong();
  private final AtomicLong lastPrefixedNanos = new AtomicLong();
  private final List<byte[]> kept = new ArrayList<>();
  private volatile int keep;
  private volatile String error;

  /**
   * @param prefix event ids starting with it are counted apart (the drain's pre-filled events)
   * @param expected about how many distinct ids will arrive
   */
  PlatformSubscriber(String brokerUrl, String prefix, int expected) throws MqttException {
    this.prefix = prefix;
    this.seen = new LongSet(expected);
    client = new MqttClient(brokerUrl, "bench-platform-" + UUID.randomUUID().toString().substring(0, 8),
        new MemoryPersistence());
    client.setCallback(new MqttCallback() {
      @Override
      public void connectionLost(Throwable cause) {
        error = "the subscriber lost its broker: " + cause;
      }

      @Override
      public void messageArrived(String topic, MqttMessage message) {
        onBody(message.getPayload());
      }

      @Override
      public void deliveryComplete(IMqttDeliveryToken token) {}
    });
  }

  /** Connects (retrying while the broker is not yet up) and subscribes. */
  PlatformSubscriber connect() throws MqttException, InterruptedException {
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(true);
    options.setAutomaticReconnect(false);
    options.setMaxInflight(1000);
    client.connect(options);
    client.subscribe(TOPIC, 1);
    return this;
  }

  /** Keep the next {@code n} bodies that arrive. */
  void keepNext(int n) {
    synchronized (kept) {
      kept.clear();
    }
    keep = n;
  }

  List<byte[]> kept() {
    synchronized (kept) {
      return List.copyOf(kept);
    }
  }

  Counts counts() {
    return new Counts(messages.get(), bytes.get(), entries.get(), unique.get(), prefixed.get(), System.nanoTime());
  }

  /** nanoTime of the first entry received, 0 if none yet. */
  long firstEntryNanos() {
    return firstEntryNanos.get();
  }

  /** nanoTime of the last new id with the prefix. */
  long lastPrefixedNanos() {
    return lastPrefixedNanos.get();
  }

  String error() {
    return error;
  }

  private void onBody(byte[] body) {
    long now = System.nanoTime();
    messages.incrementAndGet();
    bytes.addAndGet(body.length);
    if (keep > 0) {
      synchronized (kept) {
        if (kept.size() < keep) {
          kept.add(body);
        }
      }
    }
    List<String> ids;
    try {
      ids = eventIds(body);
    } catch (RuntimeException e) {
      error = "a telemetry body could not be read: " + e;
      return;
    }
    firstEntryNanos.compareAndSet(0, now);
    entries.addAndGet(ids.size());
    synchronized (seen) {
      for (String id : ids) {
        if (seen.add(LongSet.hash(id))) {
          unique.incrementAndGet();
          if (id.startsWith(prefix)) {
            prefixed.incrementAndGet();
            lastPrefixedNanos.set(now);
          }
        }
      }
    }
  }

  /** The event ids of a body of {@code v1/gateway/telemetry}, {@code {"dev": [{"ts", "values": {"eventId"…}}]}}. */
  static List<String> eventIds(byte[] body) {
    JsonObject o = new JsonObject(io.vertx.core.buffer.Buffer.buffer(body));
    List<String> ids = new ArrayList<>();
    for (String device : o.fieldNames()) {
      JsonArray list = o.getJsonArray(device);
      for (int i = 0; i < list.size(); i++) {
        ids.add(list.getJsonObject(i).getJsonObject("values").getString("eventId"));
      }
    }
    return ids;
  }

  @Override
  public void close() {
    try {
      if (client.isConnected()) {
        client.disconnect(2000);
      }
      client.close();
    } catch (MqttException e) {
      // closing at the end of a run: nothing to save
    }
  }
}
