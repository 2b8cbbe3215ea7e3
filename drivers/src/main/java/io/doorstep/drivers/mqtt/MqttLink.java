package io.doorstep.drivers.mqtt;

import io.doorstep.drivers.Backoff;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's MQTT 3.1.1 connection to a broker (the estate's local one, or the platform's
 * upstream over TLS). It only moves messages:
 * it keeps the connection up (reconnecting with back-off, forever), restores subscriptions, and
 * hands every message to its handler on the Vert.x context that started the link, in arrival
 * order. Interpreting the bytes is the codecs' job.
 *
 * <p>Paho's own automatic reconnect is not used: it does not retry a first connection that
 * fails, and a gateway that boots before its broker must still come up by itself. A refused
 * login (CONNACK 4 or 5) is retried with the same back-off: the token may be fixed on the
 * platform's side while the gateway waits, and {@code lastError} says what is wrong meanwhile.
 */
public final class MqttLink {
  private static final Logger log = LoggerFactory.getLogger(MqttLink.class);
  private static final int CONNECT_TIMEOUT_S = 10;

  private final Vertx vertx;
  private final MqttLinkOptions options;
  private final Backoff backoff;
  private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
  private final AtomicLong connects = new AtomicLong();
  private final AtomicLong connectionLosses = new AtomicLong();
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong publishFailures = new AtomicLong();

  private Context context;
  /** Built once at start, so that a bad PEM file fails the start rather than every attempt. */
  private SSLSocketFactory sslSocketFactory;
  private volatile MqttAsyncClient client;
  /** Numbers connect attempts, so that the answer to an abandoned one is ignored. */
  private long attempt;
  private volatile boolean connected;
  /** Connected and every subscription acknowledged by the broker: messages for us now reach us. */
  private volatile boolean subscribed;
  /** Subscriptions of the current connection still waiting for their SUBACK; on the link's context. */
  private int pendingSubacks;
  private volatile boolean stopped;
  private volatile String lastError;

  private record Subscription(String filter, int qos, MqttMessageHandler handler) {}

  public MqttLink(Vertx vertx, MqttLinkOptions options) {
    this.vertx = vertx;
    this.options = options;
    this.backoff = new Backoff(options.minBackoff(), options.maxBackoff());
  }

  /**
   * Starts connecting. The future completes at once: the link keeps trying in the background
   * until the broker answers, so a missing broker delays nothing else.
   */
  public Future<Void> start() {
    context = vertx.getOrCreateContext();
    if (options.tls() != null) {
      try {
        sslSocketFactory = options.tls().socketFactory();
      } catch (IllegalArgumentException e) {
        return Future.failedFuture(e);
      }
    }
    try {
      client = newClient();
    } catch (MqttException | IllegalArgumentException e) {
      return Future.failedFuture(new IllegalArgumentException("bad broker URL " + options.url() + ": " + e.getMessage(), e));
    }
    connect();
    return Future.succeededFuture();
  }

  private MqttAsyncClient newClient() throws MqttException {
    MqttAsyncClient c = new MqttAsyncClient(options.url(), options.clientId(), new MemoryPersistence());
    c.setCallback(new Callback(c));
    return c;
  }

  /** Subscribes now (if connected) and again after every reconnect. */
  public void subscribe(String filter, int qos, MqttMessageHandler handler) {
    Subscription subscription = new Subscription(filter, qos, handler);
    subscriptions.put(filter, subscription);
    if (connected) {
      subscribeOnBroker(subscription);
    }
  }

  /**
   * Publishes; the future completes when the broker has taken the message (PUBACK for QoS 1).
   * While the link is down the future fails at once: callers that must not lose a message keep
   * it themselves (a terminal repeats, the outbox retries), the link does not buffer.
   */
  public Future<Void> publish(String topic, byte[] payload, int qos, boolean retained) {
    MqttAsyncClient c = client;
    if (c == null || !connected) {
      publishFailures.incrementAndGet();
      return Future.failedFuture(new LinkDownException("not connected to " + options.url()));
    }
    Promise<Void> promise = Promise.promise();
    try {
      c.publish(topic, payload, qos, retained, null, new IMqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
          published.incrementAndGet();
          context.runOnContext(v -> promise.complete());
        }

        @Override
        public void onFailure(IMqttToken token, Throwable error) {
          publishFailures.incrementAndGet();
          context.runOnContext(v -> promise.fail(error));
        }
      });
    } catch (MqttException e) {
      publishFailures.incrementAndGet();
      promise.fail(e);
    }
    return promise.future();
  }

  public boolean connected() {
    return connected;
  }

  /**
   * Connected and every subscription acknowledged: until then a device's message may go
   * unheard, so this, not {@link #connected()}, is when the link serves.
   */
  public boolean subscribed() {
    return subscribed;
  }

  public MqttLinkStats stats() {
    return new MqttLinkStats(
        connected, options.url(), connects.get(), connectionLosses.get(), received.get(),
        published.get(), publishFailures.get(), lastError);
  }

  /** Disconnects cleanly and stops reconnecting. */
  public Future<Void> stop() {
    stopped = true;
    MqttAsyncClient c = client;
    if (c == null) {
      return Future.succeededFuture();
    }
    return vertx.executeBlocking(() -> {
      try {
        if (c.isConnected()) {
          c.disconnect(1000).waitForCompletion(2000);
        }
      } catch (MqttException e) {
        log.debug("disconnect from {} failed: {}", options.url(), e.getMessage());
      } finally {
        try {
          c.close(true);
        } catch (MqttException e) {
          log.debug("closing the MQTT client failed: {}", e.getMessage());
        }
      }
      return null;
    });
  }

  private void connect() {
    if (stopped) {
      return;
    }
    MqttConnectOptions connectOptions = new MqttConnectOptions();
    connectOptions.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    // The broker keeps the gateway's subscriptions and queues QoS 1 messages while it restarts.
    connectOptions.setCleanSession(false);
    connectOptions.setAutomaticReconnect(false);
    connectOptions.setKeepAliveInterval(15);
    connectOptions.setConnectionTimeout(CONNECT_TIMEOUT_S);
    // Answers to hundreds of terminals may be in flight at a peak; Paho's default is 10.
    connectOptions.setMaxInflight(1000);
    if (sslSocketFactory != null) {
      connectOptions.setSocketFactory(sslSocketFactory);
      // Paho's default, set here so that nobody turns it off unknowingly: a certificate issued
      // for another host must be refused, or any holder of a CA-signed certificate could pose as the broker.
      connectOptions.setHttpsHostnameVerificationEnabled(true);
    } else if (options.url().startsWith("tcp://")) {
      connectOptions.setSocketFactory(new NoDelaySocketFactory());
    }
    if (options.username() != null) {
      connectOptions.setUserName(options.username());
    }
    if (options.password() != null) {
      connectOptions.setPassword(options.password().toCharArray());
    }
    long mine = ++attempt;
    // Paho's connect timer does not always answer a connect made as a lost connection is torn
    // down; an attempt that neither succeeds nor fails in time is abandoned with its client.
    long watchdog = vertx.setTimer((CONNECT_TIMEOUT_S + 5) * 1000L, id -> {
      if (mine == attempt && !connected && !stopped) {
        abandon("no answer to the connect in " + (CONNECT_TIMEOUT_S + 5) + " s");
      }
    });
    try {
      client.connect(connectOptions, null, new IMqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
          context.runOnContext(v -> {
            vertx.cancelTimer(watchdog);
            if (mine == attempt) {
              onConnected();
            }
          });
        }

        @Override
        public void onFailure(IMqttToken token, Throwable error) {
          context.runOnContext(v -> {
            vertx.cancelTimer(watchdog);
            if (mine == attempt) {
              scheduleReconnect("connect failed", error);
            }
          });
        }
      });
    } catch (MqttException e) {
      vertx.cancelTimer(watchdog);
      scheduleReconnect("connect failed", e);
    }
  }

  /** Drops the stuck client (off the event loop: closing it may block) and tries with a new one. */
  private void abandon(String why) {
    attempt++;
    MqttAsyncClient stuck = client;
    try {
      client = newClient();
    } catch (MqttException e) {
      scheduleReconnect("new client failed", e);
      return;
    }
    vertx.executeBlocking(() -> {
      try {
        stuck.disconnectForcibly(0, 0, false);
      } catch (MqttException e) {
        log.debug("dropping the stuck MQTT client: {}", e.getMessage());
      }
      try {
        stuck.close(true);
      } catch (MqttException e) {
        log.debug("closing the stuck MQTT client: {}", e.getMessage());
      }
      return null;
    });
    scheduleReconnect("connect stuck", new MqttException(new IllegalStateException(why)));
  }

  private void onConnected() {
    if (stopped) {
      return;
    }
    connected = true;
    lastError = null;
    backoff.reset();
    connects.incrementAndGet();
    log.info("connected to broker {} as {}", options.url(), options.clientId());
    pendingSubacks = subscriptions.size();
    subscribed = pendingSubacks == 0;
    subscriptions.values().forEach(this::subscribeOnBroker);
  }

  private void scheduleReconnect(String what, Throwable error) {
    connected = false;
    subscribed = false;
    if (stopped) {
      return;
    }
    long delay = backoff.nextDelayMs();
    String reason = ConnectFailure.describe(error, options);
    if (!reason.equals(lastError)) {
      log.warn("broker {}: {} ({}); retrying in {} ms", options.url(), what, reason, delay);
    } else {
      log.debug("broker {}: {} again ({}); retrying in {} ms", options.url(), what, reason, delay);
    }
    lastError = reason;
    vertx.setTimer(delay, id -> connect());
  }

  private void subscribeOnBroker(Subscription s) {
    try {
      client.subscribe(s.filter(), s.qos(), null, new IMqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
          log.debug("subscribed to {}", s.filter());
          context.runOnContext(v -> {
            if (connected && --pendingSubacks <= 0) {
              subscribed = true;
            }
          });
        }

        @Override
        public void onFailure(IMqttToken token, Throwable error) {
          log.warn("subscribing to {} failed: {}", s.filter(), error.getMessage());
        }
      });
    } catch (MqttException e) {
      log.warn("subscribing to {} failed: {}", s.filter(), e.getMessage());
    }
  }

  private Subscription route(String topic) {
    for (Subscription s : subscriptions.values()) {
      if (TopicFilter.matches(s.filter(), topic)) {
        return s;
      }
    }
    return null;
  }

  /** Paho calls these on its own threads; everything is moved onto the link's context. */
  private final class Callback implements MqttCallbackExtended {
    /** A client abandoned as stuck may still speak: only the current one is heard. */
    private final MqttAsyncClient owner;

    Callback(MqttAsyncClient owner) {
      this.owner = owner;
    }

    @Override
    public void connectComplete(boolean reconnect, String serverURI) {
      // Handled through the connect listener, which also covers the first connection.
    }

    @Override
    public void connectionLost(Throwable cause) {
      if (owner != client) {
        return;
      }
      connectionLosses.incrementAndGet();
      context.runOnContext(v -> scheduleReconnect("connection lost", cause));
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      if (owner != client) {
        return;
      }
      received.incrementAndGet();
      Subscription s = route(topic);
      if (s == null) {
        return;
      }
      byte[] payload = message.getPayload();
      context.runOnContext(v -> s.handler().handle(topic, payload));
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {}
  }
}
