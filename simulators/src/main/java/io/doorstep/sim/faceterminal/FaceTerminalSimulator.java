package io.doorstep.sim.faceterminal;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One FT face terminal on the estate broker, written from {@code shared/devices/face-terminal-mqtt.md}
 * alone. It holds its own person list, asks the gateway before opening, decides alone when
 * the gateway is late, and reports those passages later.
 *
 * <p>All state belongs to one thread per terminal; the public methods hand their work to it,
 * so a test can call them from anywhere. Outcomes complete on that thread.
 */
public final class FaceTerminalSimulator implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(FaceTerminalSimulator.class);
  private static final String PEDESTRIAN = "pedestrian";

  private final FaceTerminalOptions options;
  private final Topics topics;
  private final TerminalThread thread;
  private final Counters counters = new Counters();
  private final PersonList persons;
  private final Connection connection;
  private final RecordUploader records;
  private final VerifyFlow verifies;
  private final Door door;
  private final List<DownListener> listeners = new CopyOnWriteArrayList<>();
  private final long bornNanos = System.nanoTime();
  private volatile CompletableFuture<Void> ready = new CompletableFuture<>();
  private ScheduledFuture<?> heartbeatTimer;
  private boolean heartbeatsPaused;
  private volatile boolean closed;

  public FaceTerminalSimulator(FaceTerminalOptions options) {
    this.options = options;
    this.topics = new Topics(options.sn());
    this.thread = new TerminalThread(options.sn());
    ScheduledExecutorService loop = thread.executor();
    this.persons = new PersonList(options.personCapacity());
    this.records = new RecordUploader(loop, options.recordRetryInterval().toMillis(),
        options.recordsPerMessage(), body -> publishBytes("record", body, 1, false), counters);
    Uplink uplink = this::publish;
    this.verifies = new VerifyFlow(loop, options.verifyTimeout().toMillis(), uplink, persons,
        records, counters);
    this.door = new Door(loop, options.heldOpenAlarmAfter().toMillis(), new Door.Reports() {
      @Override
      public void door(String state, boolean forced, long heldS) {
        publish("door", Messages.door(MsgIds.next(), now(), state, forced, heldS), 1, false);
      }

      @Override
      public void alarm(String type) {
        publish("alarm", Messages.alarm(MsgIds.next(), now(), type), 1, false);
      }
    });
    this.connection = new Connection(options, topics, loop, new Connection.Events() {
      @Override
      public void ready() {
        onReady();
      }

      @Override
      public void lost() {
        onLost();
      }

      @Override
      public void message(String topic, byte[] payload) {
        onDown(topic, payload);
      }
    });
  }

  public static FaceTerminalOptions.Builder builder(String brokerUrl, String sn) {
    return FaceTerminalOptions.builder(brokerUrl, sn);
  }

  public String sn() {
    return options.sn();
  }

  public FaceTerminalOptions options() {
    return options;
  }

  // ---- connection ----

  /** Connects (and keeps reconnecting); completes once connected and subscribed. */
  public CompletableFuture<Void> start() {
    CompletableFuture<Void> next = ready;
    thread.run(connection::connect);
    return next;
  }

  /** Completes when the terminal is (or next becomes) connected and subscribed. */
  public CompletableFuture<Void> whenReady() {
    return ready;
  }

  public boolean isConnected() {
    return connection.isConnected();
  }

  /** Drops TCP without DISCONNECT (the broker publishes the will) and stays away until {@link #reconnect()}. */
  public void dropConnection() {
    thread.run(() -> {
      connection.drop();
      onLost();
    });
  }

  public CompletableFuture<Void> reconnect() {
    return start();
  }

  /** Stays connected but goes silent, as a hung terminal whose TCP stack still answers. */
  public void pauseHeartbeats(boolean paused) {
    thread.run(() -> heartbeatsPaused = paused);
  }

  // ---- persons ----

  /** Fills the list directly, as if synced; entries over the capacity are left out. */
  public void loadPersons(Collection<Person> list) {
    List<Person> copy = List.copyOf(list);
    thread.run(() -> copy.forEach(persons::put));
  }

  public void clearPersons() {
    thread.run(persons::clear);
  }

  public Optional<Person> person(String personId) {
    return thread.call(() -> persons.get(personId));
  }

  public int personCount() {
    return thread.call(persons::size);
  }

  // ---- verification ----

  /**
   * Someone shows a face. The terminal matches only faces in its list: a person it does not
   * hold with a face is sent as a stranger (personId null), as the real terminal would.
   */
  public CompletableFuture<VerifyOutcome> presentFace(String personIdOrNullForStranger,
      double score, boolean liveness, String bodyType, String lane) {
    long start = System.nanoTime();
    return thread.submit(() -> {
      String match = personIdOrNullForStranger == null ? null
          : persons.get(personIdOrNullForStranger).filter(Person::hasFace)
              .map(Person::personId).orElse(null);
      return verifies.send(VerifyRequest.face(match, score, liveness, bodyType, lane), start);
    });
  }

  public CompletableFuture<VerifyOutcome> presentCard(String uidHex, String lane) {
    return presentCard(uidHex, lane, PEDESTRIAN);
  }

  /** personId in the request is the card's owner in the terminal's list, or null. */
  public CompletableFuture<VerifyOutcome> presentCard(String uidHex, String lane,
      String bodyType) {
    long start = System.nanoTime();
    return thread.submit(() -> {
      String owner = persons.cardOwner(uidHex).map(Person::personId).orElse(null);
      return verifies.send(VerifyRequest.card(uidHex, owner, bodyType, lane), start);
    });
  }

  public CompletableFuture<VerifyOutcome> presentQr(String text, String lane) {
    long start = System.nanoTime();
    return thread.submit(() -> verifies.send(VerifyRequest.qr(text, PEDESTRIAN, lane), start));
  }

  /**
   * Sends the request exactly as given (chosen msgId, any personId): for duplicate and
   * bad-input tests. A msgId still waiting is sent again and shares the first outcome.
   */
  public CompletableFuture<VerifyOutcome> verify(VerifyRequest request) {
    long start = System.nanoTime();
    return thread.submit(() -> verifies.send(request, start));
  }

  // ---- door, alarms, raw ----

  public void reportDoor(String state, boolean forced, long heldS) {
    thread.run(() -> door.report(state, forced, heldS));
  }

  public void raiseAlarm(String type) {
    thread.run(() -> publish("alarm", Messages.alarm(MsgIds.next(), now(), type), 1, false));
  }

  public String doorState() {
    return thread.call(door::state);
  }

  /** Any bytes on any topic, for tests of what the gateway does with bad input. */
  public CompletableFuture<Void> publishRaw(String topic, byte[] payload, int qos,
      boolean retained) {
    return connection.publish(topic, payload.clone(), qos, retained);
  }

  // ---- observation ----

  public FaceTerminalCounts counts() {
    return counters.snapshot();
  }

  public void addDownListener(DownListener listener) {
    listeners.add(listener);
  }

  public void removeDownListener(DownListener listener) {
    listeners.remove(listener);
  }

  /** Powers the terminal off: the connection drops without DISCONNECT, so the will goes out. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      thread.run(() -> {
        cancelHeartbeats();
        records.stop();
        door.stop();
        verifies.abandonAll();
        connection.close();
      });
    } catch (IllegalStateException e) {
      log.warn("{}: close: {}", options.sn(), e.toString());
    } finally {
      thread.shutdown();
    }
  }

  // ---- on the terminal's thread ----

  private void onReady() {
    counters.connects.incrementAndGet();
    publish("online", Messages.online(MsgIds.next(), now(), options), 1, true);
    cancelHeartbeats();
    long every = options.heartbeatInterval().toMillis();
    heartbeatTimer = thread.executor()
        .scheduleAtFixedRate(this::heartbeat, 0, every, TimeUnit.MILLISECONDS);
    records.gatewayBack();
    ready.complete(null);
  }

  private void onLost() {
    cancelHeartbeats();
    if (ready.isDone()) {
      ready = new CompletableFuture<>();
    }
  }

  private void onDown(String topic, byte[] payload) {
    counters.downMessages.incrementAndGet();
    String kind = topics.downKind(topic);
    boolean usable = kind != null && switch (kind) {
      case "verify-result" -> verifies.result(payload);
      case "record-ack" -> recordAck(payload);
      case "open" -> ack(DoorCommands.open(payload, door));
      case "hold-open" -> ack(DoorCommands.holdOpen(payload, door));
      case "person-upsert" -> ack(PersonCommands.upsert(payload, persons));
      case "person-delete" -> ack(PersonCommands.delete(payload, persons));
      default -> false;
    };
    if (!usable) {
      counters.badDownMessages.incrementAndGet();
    }
    // Any message from the gateway shows that it is back.
    records.gatewayBack();
    for (DownListener listener : listeners) {
      try {
        listener.received(topic, payload);
      } catch (RuntimeException e) {
        log.warn("{}: down listener failed", options.sn(), e);
      }
    }
  }

  private boolean recordAck(byte[] payload) {
    try {
      JsonObject json = Json.parse(payload);
      Json.requireEnvelope(json);
      records.acked(Json.requireString(json, "ackMsgId"));
      return true;
    } catch (BadRequestException e) {
      return false;
    }
  }

  private boolean ack(Ack ack) {
    publish("ack", Messages.ack(MsgIds.next(), now(), ack), 1, false);
    return ack.ok();
  }

  private void heartbeat() {
    if (heartbeatsPaused) {
      return;
    }
    long uptimeS = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - bornNanos);
    if (publish("heartbeat",
        Messages.heartbeat(MsgIds.next(), now(), uptimeS, persons.size(), door.state()), 0,
        false)) {
      counters.heartbeatsSent.incrementAndGet();
    }
  }

  private void cancelHeartbeats() {
    if (heartbeatTimer != null) {
      heartbeatTimer.cancel(false);
      heartbeatTimer = null;
    }
  }

  private boolean publish(String kind, JsonObject body, int qos, boolean retained) {
    return publishBytes(kind, body.encode().getBytes(StandardCharsets.UTF_8), qos, retained);
  }

  private boolean publishBytes(String kind, byte[] body, int qos, boolean retained) {
    CompletableFuture<Void> sent = connection.publish(topics.up(kind), body, qos, retained);
    if (sent.isCompletedExceptionally()) {
      log.debug("{}: {} not sent (not connected)", options.sn(), kind);
      return false;
    }
    return true;
  }

  private static long now() {
    return System.currentTimeMillis();
  }
}
