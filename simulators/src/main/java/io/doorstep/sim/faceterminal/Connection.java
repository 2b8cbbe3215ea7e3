package io.doorstep.sim.faceterminal;

import io.doorstep.sim.mqtt.NoDelaySocketFactory;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The terminal's MQTT session: connects with a will made fresh for each connection,
 * subscribes, and reconnects with back-off. Paho's own automatic reconnect is not used
 * because it would repeat the first connection's will (same msgId and ts), and the interface
 * wants a fresh one each time.
 *
 * <p>Every event is handed to the terminal's thread; the fields below are touched only there.
 */
final class Connection {

  private static final Logger log = LoggerFactory.getLogger(Connection.class);

  /** Called on the terminal's thread. */
  interface Events {
    /** Connected and subscribed: from now on nothing the gateway sends is lost. */
    void ready();

    /** The connection went away without being asked to. */
    void lost();

    void message(String topic, byte[] payload);
  }

  private final FaceTerminalOptions options;
  private final Topics topics;
  private final ScheduledExecutorService loop;
  private final Events events;
  private final MqttAsyncClient client;
  private boolean wanted;
  private boolean connecting;
  private long backoffMs;
  private ScheduledFuture<?> retry;

  Connection(FaceTerminalOptions options, Topics topics, ScheduledExecutorService loop,
      Events events) {
    this.options = options;
    this.topics = topics;
    this.loop = loop;
    this.events = events;
    this.backoffMs = options.reconnectMin().toMillis();
    try {
      client = new MqttAsyncClient(options.brokerUrl(), options.sn(), new MemoryPersistence());
    } catch (MqttException e) {
      throw new IllegalArgumentException("bad broker URL " + options.brokerUrl(), e);
    }
    client.setCallback(new MqttCallback() {
      @Override
      public void connectionLost(Throwable cause) {
        onLoop(() -> onLost(cause));
      }

      @Override
      public void messageArrived(String topic, MqttMessage message) {
        byte[] payload = message.getPayload();
        onLoop(() -> events.message(topic, payload));
      }

      @Override
      public void deliveryComplete(IMqttDeliveryToken token) {
        // Each publish has its own listener.
      }
    });
  }

  /** Keeps trying until connected, and again after every loss, until {@link #drop()}. */
  void connect() {
    wanted = true;
    attempt();
  }

  boolean isConnected() {
    return client.isConnected();
  }

  /** Completes once the broker has the message (QoS 1) or it is written (QoS 0). */
  CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    try {
      client.publish(topic, payload, qos, retained, null, listener(
          token -> done.complete(null), done::completeExceptionally));
    } catch (MqttException | RuntimeException e) {
      done.completeExceptionally(e);
    }
    return done;
  }

  /** Closes the TCP connection without DISCONNECT, so the broker publishes the will. */
  void drop() {
    wanted = false;
    cancelRetry();
    if (client.isConnected()) {
      try {
        client.disconnectForcibly(0, 1000, false);
      } catch (MqttException e) {
        log.debug("{}: forced disconnect: {}", options.sn(), e.toString());
      }
    }
  }

  /** Like a power cut (the will goes out), then frees Paho's threads. */
  void close() {
    drop();
    try {
      client.close(true);
    } catch (MqttException e) {
      log.debug("{}: close: {}", options.sn(), e.toString());
    }
  }

  private void attempt() {
    retry = null;
    if (!wanted || connecting || client.isConnected()) {
      return;
    }
    connecting = true;
    try {
      client.connect(connectOptions(), null, listener(
          token -> onLoop(this::subscribe), e -> onLoop(() -> failed(e))));
    } catch (MqttException | RuntimeException e) {
      failed(e);
    }
  }

  private MqttConnectOptions connectOptions() {
    MqttConnectOptions o = new MqttConnectOptions();
    o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    o.setCleanSession(false);
    o.setAutomaticReconnect(false);
    o.setUserName(options.sn());
    if (options.password() != null) {
      o.setPassword(options.password().toCharArray());
    }
    o.setKeepAliveInterval(options.keepAliveS());
    o.setConnectionTimeout(5);
    // A busy scenario has many verifies in flight at once; Paho's default of 10 would refuse them.
    o.setMaxInflight(1000);
    o.setSocketFactory(NoDelaySocketFactory.instance());
    byte[] will = Messages.offline(MsgIds.next(), System.currentTimeMillis()).encode()
        .getBytes(StandardCharsets.UTF_8);
    o.setWill(topics.up("online"), will, 1, true);
    return o;
  }

  // Subscribing before telling the gateway we are online means that nothing it sends in
  // answer to up/online can be lost, even on the very first connection.
  private void subscribe() {
    if (!wanted) {
      drop();
      connecting = false;
      return;
    }
    try {
      client.subscribe(topics.downFilter(), 1, null, listener(
          token -> onLoop(() -> subscribed(token)), e -> onLoop(() -> failed(e))));
    } catch (MqttException | RuntimeException e) {
      failed(e);
    }
  }

  private void subscribed(IMqttToken token) {
    int[] granted = token.getGrantedQos();
    if (granted != null && granted.length > 0 && granted[0] == 0x80) {
      failed(new IllegalStateException("broker refused the subscription to " + topics.downFilter()));
      return;
    }
    connecting = false;
    if (!wanted || !client.isConnected()) {
      return;
    }
    backoffMs = options.reconnectMin().toMillis();
    events.ready();
  }

  private void onLost(Throwable cause) {
    connecting = false;
    if (!wanted) {
      return;
    }
    log.info("{}: connection lost: {}", options.sn(), String.valueOf(cause));
    events.lost();
    scheduleRetry();
  }

  private void failed(Throwable cause) {
    connecting = false;
    if (!wanted) {
      return;
    }
    log.debug("{}: connect failed: {}", options.sn(), cause.toString());
    if (client.isConnected()) {
      // Connected but not subscribed: start over rather than run deaf.
      try {
        client.disconnectForcibly(0, 1000, false);
      } catch (MqttException e) {
        log.debug("{}: forced disconnect: {}", options.sn(), e.toString());
      }
    }
    scheduleRetry();
  }

  private void scheduleRetry() {
    if (retry != null || loop.isShutdown()) {
      return;
    }
    // Jitter, so that the terminals of an estate do not all knock at once after a restart.
    long delay = backoffMs + ThreadLocalRandom.current().nextLong(backoffMs / 5 + 1);
    backoffMs = Math.min(backoffMs * 2, options.reconnectMax().toMillis());
    retry = loop.schedule(this::attempt, delay, TimeUnit.MILLISECONDS);
  }

  private void cancelRetry() {
    if (retry != null) {
      retry.cancel(false);
      retry = null;
    }
  }

  private void onLoop(Runnable task) {
    try {
      loop.execute(task);
    } catch (RejectedExecutionException closed) {
      // The terminal is closed; late callbacks from Paho have nothing left to change.
    }
  }

  private static IMqttActionListener listener(Consumer<IMqttToken> ok,
      Consumer<Throwable> fail) {
    return new IMqttActionListener() {
      @Override
      public void onSuccess(IMqttToken token) {
        ok.accept(token);
      }

      @Override
      public void onFailure(IMqttToken token, Throwable e) {
        fail.accept(e);
      }
    };
  }
}
