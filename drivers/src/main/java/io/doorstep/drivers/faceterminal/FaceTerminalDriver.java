package io.doorstep.drivers.faceterminal;

import io.doorstep.device.AccessDecision;
import io.doorstep.device.AccessRequest;
import io.doorstep.device.CommandResult;
import io.doorstep.device.DeviceCommand;
import io.doorstep.device.CredentialMethod;
import io.doorstep.device.DeviceEvent;
import io.doorstep.device.DeviceListener;
import io.doorstep.device.EventIds;
import io.doorstep.device.EventKinds;
import io.doorstep.device.PassageRecord;
import io.doorstep.device.Severity;
import io.doorstep.drivers.faceterminal.codec.FtCodec;
import io.doorstep.drivers.faceterminal.codec.FtDecodeException;
import io.doorstep.drivers.faceterminal.codec.FtMessage;
import io.doorstep.drivers.faceterminal.codec.FtTopic;
import io.doorstep.drivers.mqtt.MqttLink;
import io.doorstep.drivers.mqtt.PendingAcks;
import io.doorstep.drivers.mqtt.RecentMessageIds;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Face-recognition door terminals (face-terminal-mqtt.md) on the estate's broker. Turns their
 * messages into calls on a {@link DeviceListener} and the listener's answers into messages.
 * It never decides whether a door opens.
 *
 * <p>Runs on the link's Vert.x context; all state is confined to it.
 */
public final class FaceTerminalDriver {
  /** A device id for messages whose SN is not in the configuration. */
  public static final String UNKNOWN_DEVICE = "unknown";

  private static final Logger log = LoggerFactory.getLogger(FaceTerminalDriver.class);
  private static final int QOS = 1;

  private final MqttLink link;
  private Map<String, String> deviceIdBySn;
  private Map<String, String> snByDeviceId;
  private final DeviceListener listener;
  private final RecentMessageIds recent = new RecentMessageIds(1024);
  private final PendingAcks pending;
  private final LogLimiter warnings = new LogLimiter(60_000);
  private long verifies;
  private long duplicates;
  private long answered;
  private long recordMessages;
  private long badMessages;
  private long undecided;

  /**
   * @param deviceIdBySn the configured terminals: serial number to device id
   * @param ackTimeoutMs how long a command waits for the terminal's {@code up/ack}
   */
  public FaceTerminalDriver(
      Vertx vertx, MqttLink link, Map<String, String> deviceIdBySn, DeviceListener listener, long ackTimeoutMs) {
    this.link = link;
    this.pending = new PendingAcks(vertx, ackTimeoutMs);
    configure(deviceIdBySn);
    this.listener = listener;
  }

  /**
   * The terminals served from the next message on: a new serial number is heard (the
   * subscription covers every terminal), a dropped one is "not configured". Call on the link's
   * event loop.
   */
  public void configure(Map<String, String> deviceIdBySn) {
    Map<String, String> byId = new java.util.HashMap<>();
    deviceIdBySn.forEach((sn, id) -> byId.put(id, sn));
    this.deviceIdBySn = Map.copyOf(deviceIdBySn);
    this.snByDeviceId = byId;
  }

  public void start() {
    link.subscribe(FtTopic.ALL_UP, QOS, this::onMessage);
  }

  /**
   * Carries out a command on a terminal. Completes with the terminal's answer on {@code up/ack},
   * or fails with a {@link io.doorstep.drivers.DeviceTimeoutException} if it does not answer in
   * time, or at once if the command cannot be sent or breaks the interface's limits.
   */
  public Future<CommandResult> execute(DeviceCommand command) {
    String sn = snByDeviceId.get(command.device());
    if (sn == null) {
      return Future.failedFuture(new IllegalArgumentException("no face terminal " + command.device()));
    }
    FtMessage message;
    try {
      message = TerminalCommands.encode(command, EventIds.next(), System.currentTimeMillis());
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    byte[] body = FtCodec.encode(message);
    if (body.length > FtCodec.MAX_BODY_BYTES) {
      return Future.failedFuture(new IllegalArgumentException(
          "a " + message.kind() + " of " + body.length + " bytes is over the terminal's 4 MiB"));
    }
    Future<CommandResult> answer = pending.expect(command.device(), message.msgId());
    link.publish(FtTopic.down(sn, message.kind()).topic(), body, QOS, false)
        .onFailure(e -> pending.abandon(message.msgId(), e));
    return answer;
  }

  public FaceTerminalStats stats() {
    return new FaceTerminalStats(verifies, duplicates, answered, undecided, recordMessages, badMessages);
  }

  void onMessage(String topicName, byte[] body) {
    FtTopic topic;
    try {
      topic = FtTopic.parse(topicName);
    } catch (FtDecodeException e) {
      bad(UNKNOWN_DEVICE, topicName, body.length, e);
      return;
    }
    String device = deviceIdBySn.get(topic.sn());
    if (device == null) {
      bad(UNKNOWN_DEVICE, topicName, body.length,
          new FtDecodeException(FtDecodeException.UNKNOWN_DEVICE, "no terminal with SN " + topic.sn() + " is configured"));
      return;
    }
    FtMessage message;
    try {
      message = FtCodec.decode(topic.kind(), body);
    } catch (FtDecodeException e) {
      bad(device, topicName, body.length, e);
      return;
    }
    // A record message is repeated until acknowledged: each repeat must be acknowledged again
    // (the store keeps its passages once), so only the other kinds are filtered.
    if (!(message instanceof FtMessage.Records) && !recent.firstTime(device, message.msgId())) {
      duplicates++;
      return;
    }
    dispatch(device, topic, message, body.length);
  }

  private void dispatch(String device, FtTopic topic, FtMessage message, int bytes) {
    if (message instanceof FtMessage.Verify v) {
      onVerify(device, topic.sn(), v);
    } else if (message instanceof FtMessage.Records r) {
      onRecords(device, topic.sn(), r);
    } else if (message instanceof FtMessage.Online o) {
      listener.presence(device, o.online(), facts(o));
    } else if (message instanceof FtMessage.Heartbeat h) {
      listener.heartbeat(device, new JsonObject()
          .put("uptimeS", h.uptimeS()).put("persons", h.persons()).put("doorState", h.doorState()));
    } else if (message instanceof FtMessage.Door d) {
      listener.event(new DeviceEvent(EventIds.derived(device, d.msgId(), 0), d.ts(), device,
          EventKinds.DOOR_STATE, d.forced() ? Severity.ALARM : Severity.INFO,
          new JsonObject().put("state", d.state()).put("forced", d.forced()).put("heldS", d.heldS())));
    } else if (message instanceof FtMessage.Alarm a) {
      listener.event(new DeviceEvent(EventIds.derived(device, a.msgId(), 0), a.ts(), device,
          EventKinds.DEVICE_ALARM, a.type().equals("HELD_OPEN") ? Severity.WARNING : Severity.ALARM,
          new JsonObject().put("type", a.type())));
    } else if (message instanceof FtMessage.Ack ack) {
      List<CommandResult.PersonFailure> failed = ack.failed().stream()
          .map(f -> new CommandResult.PersonFailure(f.personId(), f.error())).toList();
      if (!pending.acknowledge(device, ack.ackMsgId(), new CommandResult(ack.ok(), ack.error(), failed))) {
        log.debug("{} acknowledged {}, which nothing waits for (late, or not ours)", device, ack.ackMsgId());
      }
    } else {
      bad(device, topic.topic(), bytes,
          new FtDecodeException(FtDecodeException.UNKNOWN_TOPIC, "a gateway-to-terminal message sent upwards"));
    }
  }

  private void onVerify(String device, String sn, FtMessage.Verify v) {
    verifies++;
    AccessRequest request = toRequest(device, EventIds.derived(device, v.msgId(), 0), v);
    listener.decide(request).onComplete(result -> {
      if (result.failed()) {
        // No answer is better than a wrong one: the terminal falls back to its own list.
        undecided++;
        if (warnings.allow(device)) {
          log.warn("no decision for {} at {}: {} (reported once a minute per terminal)", v.msgId(), device,
              result.cause().getMessage());
        }
        return;
      }
      AccessDecision d = result.result();
      FtMessage.VerifyResult answer = new FtMessage.VerifyResult(EventIds.next(), System.currentTimeMillis(),
          v.msgId(), d.open(), d.openMs(), d.reason(), d.voice(), d.text());
      link.publish(FtTopic.down(sn, answer.kind()).topic(), FtCodec.encode(answer), QOS, false)
          .onSuccess(x -> answered++)
          .onFailure(e -> log.warn("answer to {} at {} not sent: {}", v.msgId(), device, e.getMessage()));
    });
  }

  private void onRecords(String device, String sn, FtMessage.Records r) {
    recordMessages++;
    List<PassageRecord> passages = new ArrayList<>(r.records().size());
    for (int i = 0; i < r.records().size(); i++) {
      FtMessage.RecordEntry e = r.records().get(i);
      passages.add(new PassageRecord(toRequest(device, EventIds.derived(device, r.msgId(), i + 1), e.verify()), e.opened()));
    }
    // Acknowledge only once the passages are on disk: the terminal deletes them on the ack.
    listener.offlinePassages(device, passages, r.msgId())
        .compose(stored -> {
          FtMessage.RecordAck ack = new FtMessage.RecordAck(EventIds.next(), System.currentTimeMillis(), r.msgId());
          return link.publish(FtTopic.down(sn, ack.kind()).topic(), FtCodec.encode(ack), QOS, false);
        })
        .onFailure(e -> log.warn("records {} of {} not acknowledged (the terminal will repeat them): {}",
            r.msgId(), device, e.getMessage()));
  }

  private void bad(String device, String topic, int bytes, FtDecodeException e) {
    badMessages++;
    listener.event(DeviceEvent.of(device, EventKinds.BAD_MESSAGE, Severity.WARNING, new JsonObject()
        .put("reason", e.reason())
        .put("detail", e.getMessage())
        .put("topic", topic.length() <= 200 ? topic : topic.substring(0, 200))
        .put("bytes", bytes)));
  }

  private static AccessRequest toRequest(String device, String requestId, FtMessage.Verify v) {
    return new AccessRequest(requestId, v.ts(), device, v.lane(),
        CredentialMethod.valueOf(v.method().toUpperCase(Locale.ROOT)), v.personId(), v.card(), v.qr(),
        v.score(), v.liveness(), v.bodyType());
  }

  private static JsonObject facts(FtMessage.Online o) {
    JsonObject facts = new JsonObject();
    if (o.model() != null) {
      facts.put("model", o.model());
    }
    if (o.fw() != null) {
      facts.put("fw", o.fw());
    }
    if (o.ip() != null) {
      facts.put("ip", o.ip());
    }
    return facts;
  }
}
