package io.doorstep.sim.lane;

import io.doorstep.sim.mqtt.NoDelaySocketFactory;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A vehicle or two-wheeler lane's barrier on the estate's broker ({@code lane/{LANE}/…} of
 * mqtt-peripherals.md): answers every {@code down/barrier} on {@code up/ack}, reports its arm on
 * {@code up/barrier}, and lowers a raised arm by itself once the vehicle is through. It connects
 * once; a test that wants a lane gone closes it, which sends its will.
 *
 * <p>All state is confined to one thread; the public methods hand their work to it.
 */
public final class LaneSimulator implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LaneSimulator.class);

  private final String brokerUrl;
  private final String lane;
  private final Duration passage;
  private final ScheduledExecutorService loop;
  private final MqttAsyncClient client;
  private final Barrier barrier = new Barrier();
  private final List<String> history = new ArrayList<>();
  private volatile String refusal;
  private ScheduledFuture<?> lowering;

  /**
   * @param passage how long a raised arm stays up before the lane lowers it; zero keeps it up
   *     until told to lower
   */
  public LaneSimulator(String brokerUrl, String lane, Duration passage) {
    this.brokerUrl = brokerUrl;
    this.lane = lane;
    this.passage = passage;
    this.loop = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "lane-" + lane));
    try {
      client = new MqttAsyncClient(brokerUrl, "lane-" + lane, new MemoryPersistence());
    } catch (MqttException e) {
      throw new IllegalArgumentException("bad broker URL " + brokerUrl, e);
    }
    client.setCallback(new MqttCallback() {
      @Override
      public void connectionLost(Throwable cause) {
        log.info("lane {}: connection lost: {}", lane, cause.toString());
      }

      @Override
      public void messageArrived(String topic, MqttMessage message) {
        byte[] body = message.getPayload();
        loop.execute(() -> onCommand(body));
      }

      @Override
      public void deliveryComplete(IMqttDeliveryToken token) {}
    });
  }

  public String lane() {
    return lane;
  }

  /** Connects, subscribes, then says it is online and where its arm is. */
  public CompletableFuture<Void> start() {
    return CompletableFuture.runAsync(() -> {
      try {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        o.setCleanSession(false);
        o.setUserName("lane-" + lane);
        o.setConnectionTimeout(5);
        o.setSocketFactory(NoDelaySocketFactory.instance());
        o.setWill(up("online"), body(new JsonObject().put("online", false)), 1, true);
        client.connect(o).waitForCompletion(10_000);
        client.subscribe("lane/" + lane + "/down/barrier", 1).waitForCompletion(10_000);
        publish("online", new JsonObject().put("online", true).put("model", "SIM-LANE").put("fw", "1.0"), true);
        publishState();
      } catch (MqttException e) {
        throw new IllegalStateException("lane " + lane + " could not connect to " + brokerUrl, e);
      }
    }, loop);
  }

  /** The arm now: up, down or held-up. */
  public String state() {
    return call(barrier::state);
  }

  /** Every state the lane has reported, oldest first. */
  public List<String> history() {
    return call(() -> List.copyOf(history));
  }

  /** Refuse every command with this error from now on (a jammed arm); null to work again. */
  public void refuseWith(String error) {
    refusal = error;
  }

  private void onCommand(byte[] raw) {
    JsonObject command;
    try {
      command = new JsonObject(new String(raw, StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      log.warn("lane {}: unreadable command", lane);
      return;
    }
    String msgId = command.getValue("msgId") instanceof String s ? s : null;
    if (msgId == null) {
      return; // nothing to answer to
    }
    String action = command.getValue("action") instanceof String s ? s : "";
    Barrier.Outcome outcome = refusal != null ? new Barrier.Outcome(false, refusal, false) : barrier.apply(action);
    JsonObject ack = new JsonObject().put("ackMsgId", msgId).put("ok", outcome.ok());
    if (!outcome.ok()) {
      ack.put("error", outcome.error());
    }
    publish("ack", ack, false);
    if (outcome.changed()) {
      publishState();
    }
    if (outcome.ok() && action.equals("raise") && barrier.state().equals("up") && !passage.isZero()) {
      if (lowering != null) {
        lowering.cancel(false);
      }
      lowering = loop.schedule(this::vehiclePassed, passage.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void vehiclePassed() {
    if (barrier.state().equals("up") && barrier.apply("lower").changed()) {
      publishState();
    }
  }

  private void publishState() {
    history.add(barrier.state());
    publish("barrier", new JsonObject().put("state", barrier.state()), false);
  }

  private void publish(String kind, JsonObject fields, boolean retained) {
    try {
      client.publish(up(kind), body(fields), 1, retained);
    } catch (MqttException e) {
      log.warn("lane {}: {} not sent: {}", lane, kind, e.toString());
    }
  }

  private String up(String kind) {
    return "lane/" + lane + "/up/" + kind;
  }

  private static byte[] body(JsonObject fields) {
    JsonObject j = new JsonObject().put("msgId", UUID.randomUUID().toString().replace("-", ""))
        .put("ts", System.currentTimeMillis()).mergeIn(fields);
    return j.encode().getBytes(StandardCharsets.UTF_8);
  }

  private <T> T call(java.util.concurrent.Callable<T> task) {
    try {
      return loop.submit(task).get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Goes away as a power cut would: the broker sends the will. */
  @Override
  public void close() {
    try {
      if (client.isConnected()) {
        client.disconnectForcibly(0, 1000, false);
      }
      client.close(true);
    } catch (MqttException e) {
      log.debug("lane {}: close: {}", lane, e.toString());
    }
    loop.shutdownNow();
  }
}
