package io.doorstep.sim.mqtt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.sim.broker.MosquittoBroker;
import io.doorstep.sim.testing.Threads;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NoDelaySocketFactoryTest {

  @AfterEach
  void noThreadsLeft() {
    Threads.assertNoneLeft();
  }

  @Test
  void socketsHaveNagleOffBeforeTheyConnect() throws Exception {
    try (Socket socket = NoDelaySocketFactory.instance().createSocket()) {
      assertTrue(socket.getTcpNoDelay());
    }
  }

  @Test
  void pahoConnectsThroughItAndMessagesFlow() throws Exception {
    try (MosquittoBroker broker = MosquittoBroker.start()) {
      MqttClient client = new MqttClient(broker.url(), "nodelay-test", new MemoryPersistence());
      MqttConnectOptions options = new MqttConnectOptions();
      options.setSocketFactory(NoDelaySocketFactory.instance());
      client.connect(options);
      BlockingQueue<byte[]> got = new ArrayBlockingQueue<>(10);
      client.subscribe("t/#", 1, (topic, message) -> got.add(message.getPayload()));
      long start = System.nanoTime();
      int rounds = 50;
      for (int i = 0; i < rounds; i++) {
        client.publish("t/x", ("m" + i).getBytes(StandardCharsets.UTF_8), 1, false);
        assertArrayEquals(("m" + i).getBytes(StandardCharsets.UTF_8),
            got.poll(5, TimeUnit.SECONDS));
      }
      // Printed, not asserted: a round trip well under a millisecond shows Nagle is off.
      System.out.printf("loopback QoS 1 round trip: %.3f ms%n",
          (System.nanoTime() - start) / 1e6 / rounds);
      client.disconnect();
      client.close();
    }
  }
}
