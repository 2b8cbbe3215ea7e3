package io.doorstep.bench.verify;

import io.doorstep.sim.mqtt.NoDelaySocketFactory;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The floor: a plain MQTT client that answers every {@code up/verify} with an open
 * {@code down/verify-result}, doing nothing but decode the msgId and encode the answer. The
 * same two broker hops, client library and JSON as the gateway's path, without the gateway.
 * It runs as its own process, like the gateway, so both paths cross the same process boundary.
 */
public final class EchoResponder {
  /** The hidden bench subcommand that runs the echo in a child process. */
  public static final String COMMAND = "echo-floor";
  static final String READY_LINE = "echo-floor ready";
  private static final String FILTER = "ft/+/up/verify";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

  private EchoResponder() {}

  /** Starts the echo as a child process and returns once it is subscribed. */
  static ChildJvm start(String brokerUrl, Path log) throws IOException, InterruptedException {
    ChildJvm child = ChildJvm.start("the floor's echo client", VerifyOptions.DEFAULT_GATEWAY_JAVA_OPTS,
        "io.doorstep.bench.BenchMain", List.of(COMMAND, brokerUrl), log);
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      child.requireAlive();
      if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(READY_LINE)) {
        return child;
      }
      Thread.sleep(20);
    }
    child.close();
    throw new IllegalStateException("the echo client did not subscribe within " + READY_TIMEOUT);
  }

  /** In the child: answers until terminated. */
  public static int runChild(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: " + COMMAND + " tcp://host:port");
      return 2;
    }
    AtomicLong answered = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    try {
      MqttAsyncClient client = new MqttAsyncClient(args[0], "doorstep-bench-echo", new MemoryPersistence());
      client.setCallback(new Answering(client, answered, failed));
      MqttConnectOptions options = new MqttConnectOptions();
      options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
      options.setCleanSession(true);
      // As the gateway's link: answers to many terminals may be in flight at once.
      options.setMaxInflight(1000);
      options.setSocketFactory(NoDelaySocketFactory.instance());
      client.connect(options).waitForCompletion(10_000);
      client.subscribe(FILTER, 1).waitForCompletion(10_000);
      Runtime.getRuntime().addShutdownHook(new Thread(() ->
          System.out.println("echo-floor answered " + answered.get() + ", failed " + failed.get())));
      System.out.println(READY_LINE);
      System.out.flush();
      new CountDownLatch(1).await();
      return 0;
    } catch (MqttException e) {
      System.err.println("echo-floor: " + e);
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }

  /** Paho's callback thread decodes and publishes; publishing is asynchronous, so it never waits. */
  private static final class Answering implements MqttCallback {
    private final MqttAsyncClient client;
    private final AtomicLong answered;
    private final AtomicLong failed;
    private long next;

    Answering(MqttAsyncClient client, AtomicLong answered, AtomicLong failed) {
      this.client = client;
      this.answered = answered;
      this.failed = failed;
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      try {
        // ft/{SN}/up/verify -> ft/{SN}/down/verify-result
        String sn = topic.substring(3, topic.indexOf('/', 3));
        JsonObject request = new JsonObject(new String(message.getPayload(), StandardCharsets.UTF_8));
        JsonObject answer = new JsonObject()
            .put("msgId", "echo-" + (++next))
            .put("ts", System.currentTimeMillis())
            .put("reqMsgId", request.getString("msgId"))
            .put("decision", "open")
            .put("openMs", 3000)
            .put("voice", "欢迎回家")
            .put("text", "住户 欢迎回家");
        client.publish("ft/" + sn + "/down/verify-result",
            answer.encode().getBytes(StandardCharsets.UTF_8), 1, false);
        answered.incrementAndGet();
      } catch (MqttException | RuntimeException e) {
        failed.incrementAndGet();
        System.err.println("echo-floor: no answer to " + topic + ": " + e);
      }
    }

    @Override
    public void connectionLost(Throwable cause) {
      System.err.println("echo-floor: connection lost: " + cause);
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
      // Nothing waits for the broker's PUBACK.
    }
  }
}
