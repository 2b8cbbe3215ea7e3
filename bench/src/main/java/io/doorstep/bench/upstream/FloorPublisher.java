package io.doorstep.bench.upstream;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The floor: a bare Paho client publishing given telemetry bodies round and round, QoS 1, with
 * at most {@code window} unacknowledged, as fast as the broker acknowledges: no store, no
 * outbox, no batching, only the client library, the broker and the subscriber.
 */
final class FloorPublisher {
  private FloorPublisher() {}

  /** Publishes for {@code seconds}; returns the entries acknowledged (each body's entry count summed). */
  static long run(String brokerUrl, List<byte[]> bodies, int window, double seconds) throws Exception {
    if (bodies.isEmpty()) {
      throw new IllegalStateException("no telemetry bodies to send: the gateway run sent none");
    }
    int[] entries = bodies.stream().mapToInt(b -> PlatformSubscriber.eventIds(b).size()).toArray();
    MqttAsyncClient client = new MqttAsyncClient(brokerUrl, "bench-floor-" + UUID.randomUUID().toString().substring(0, 8),
        new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(true);
    options.setMaxInflight(Math.max(window, 10));
    client.connect(options).waitForCompletion(10_000);
    Semaphore free = new Semaphore(window);
    AtomicLong acked = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    long end = System.nanoTime() + (long) (seconds * 1e9);
    int i = 0;
    try {
      while (System.nanoTime() < end) {
        if (!free.tryAcquire(50, TimeUnit.MILLISECONDS)) {
          continue;
        }
        int n = entries[i];
        client.publish(PlatformSubscriber.TOPIC, bodies.get(i), 1, false, null, new IMqttActionListener() {
          @Override
          public void onSuccess(IMqttToken token) {
            acked.addAndGet(n);
            free.release();
          }

          @Override
          public void onFailure(IMqttToken token, Throwable e) {
            failed.incrementAndGet();
            free.release();
          }
        });
        i = (i + 1) % bodies.size();
      }
      free.tryAcquire(window, 10, TimeUnit.SECONDS);
    } finally {
      client.disconnect(2000).waitForCompletion(3000);
      client.close();
    }
    if (failed.get() > 0) {
      throw new IllegalStateException("the floor's publisher had " + failed.get() + " failed publishes");
    }
    return acked.get();
  }
}
