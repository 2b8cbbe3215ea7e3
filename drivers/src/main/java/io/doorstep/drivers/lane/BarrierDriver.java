package io.doorstep.drivers.lane;

import io.doorstep.device.CommandResult;
import io.doorstep.device.DeviceCommand;
import io.doorstep.device.DeviceEvent;
import io.doorstep.device.DeviceListener;
import io.doorstep.device.EventIds;
import io.doorstep.device.EventKinds;
import io.doorstep.device.Severity;
import io.doorstep.drivers.lane.codec.LaneCodec;
import io.doorstep.drivers.lane.codec.LaneDecodeException;
import io.doorstep.drivers.lane.codec.LaneMessage;
import io.doorstep.drivers.lane.codec.LaneTopic;
import io.doorstep.drivers.mqtt.MqttLink;
import io.doorstep.drivers.mqtt.PendingAcks;
import io.doorstep.drivers.mqtt.RecentMessageIds;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The barriers of vehicle and two-wheeler lanes (mqtt-peripherals.md, {@code lane/{LANE}/…}) on
 * the estate's broker: their presence, their state as events, and remote control of the arm.
 * Plate and tag reads are not taken here. Runs on the link's Vert.x context.
 */
public final class BarrierDriver {
  /** A device id for messages whose lane is not in the configuration. */
  public static final String UNKNOWN_DEVICE = "unknown";

  private static final Logger log = LoggerFactory.getLogger(BarrierDriver.class);
  private static final int QOS = 1;

  private final MqttLink link;
  private Map<String, String> deviceIdByLane = Map.of();
  private Map<String, String> laneByDeviceId = Map.of();
  private final DeviceListener listener;
  private final RecentMessageIds recent = new RecentMessageIds(256);
  private final PendingAcks pending;
  private boolean started;

  /**
   * @param deviceIdByLane the configured barriers: lane id to device id
   * @param ackTimeoutMs how long a command waits for the lane's {@code up/ack}
   */
  public BarrierDriver(Vertx vertx, MqttLink link, Map<String, String> deviceIdByLane, DeviceListener listener,
      long ackTimeoutMs) {
    this.link = link;
    this.listener = listener;
    this.pending = new PendingAcks(vertx, ackTimeoutMs);
    configure(deviceIdByLane);
  }

  public void start() {
    started = true;
    LaneTopic.GATEWAY_FILTERS.forEach(filter -> link.subscribe(filter, QOS, this::onMessage));
  }

  /**
   * The barriers served from now on: a dropped lane is "not configured", a moved device is
   * commanded on its new lane. A barrier sends no heartbeat, only its retained {@code up/online},
   * which the broker handed over (and the driver dropped as unknown) when the gateway subscribed;
   * so for a lane not served before, the online filter is subscribed again, which makes the broker
   * send every lane's retained online once more (MQTT 3.1.1, 3.8.4). Lanes already served see
   * theirs as the repeat it is. Call on the link's event loop.
   */
  public void configure(Map<String, String> deviceIdByLane) {
    boolean newLane = !this.deviceIdByLane.keySet().containsAll(deviceIdByLane.keySet());
    Map<String, String> byId = new HashMap<>();
    deviceIdByLane.forEach((lane, id) -> byId.put(id, lane));
    // A barrier removed (or moved to another lane) and added back must be heard from its
    // retained online again, though that message's id was seen before.
    laneByDeviceId.forEach((id, lane) -> {
      if (!lane.equals(byId.get(id))) {
        recent.forget(id);
      }
    });
    this.deviceIdByLane = Map.copyOf(deviceIdByLane);
    this.laneByDeviceId = Map.copyOf(byId);
    if (started && newLane) {
      link.subscribe(LaneTopic.ONLINE_FILTER, QOS, this::onMessage);
    }
  }

  /**
   * Moves a barrier: {@link DeviceCommand.Open} raises it, {@link DeviceCommand.HoldOpen} holds it
   * up or releases it, {@link DeviceCommand.Invoke} names any of the four actions. Completes with
   * the lane's ack (ok false with its reason when the lane refused), fails with a
   * {@link io.doorstep.drivers.DeviceTimeoutException} without one in time.
   */
  public Future<CommandResult> execute(DeviceCommand command) {
    String lane = laneByDeviceId.get(command.device());
    if (lane == null) {
      return Future.failedFuture(new IllegalArgumentException("no barrier " + command.device()));
    }
    String action;
    try {
      action = BarrierActions.of(command);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    LaneMessage.BarrierCommand message = new LaneMessage.BarrierCommand(EventIds.next(), System.currentTimeMillis(),
        action);
    Future<CommandResult> answer = pending.expect(command.device(), message.msgId());
    link.publish(LaneTopic.down(lane, message.kind()).topic(), LaneCodec.encode(message), QOS, false)
        .onFailure(e -> pending.abandon(message.msgId(), e));
    return answer;
  }

  void onMessage(String topicName, byte[] body) {
    LaneTopic topic;
    try {
      topic = LaneTopic.parse(topicName);
    } catch (LaneDecodeException e) {
      bad(UNKNOWN_DEVICE, topicName, body.length, e);
      return;
    }
    String device = deviceIdByLane.get(topic.lane());
    if (device == null) {
      bad(UNKNOWN_DEVICE, topicName, body.length, new LaneDecodeException(LaneDecodeException.UNKNOWN_DEVICE,
          "no barrier of lane " + topic.lane() + " is configured"));
      return;
    }
    LaneMessage message;
    try {
      message = LaneCodec.decode(topic, body);
    } catch (LaneDecodeException e) {
      bad(device, topicName, body.length, e);
      return;
    }
    if (!recent.firstTime(device, message.msgId())) {
      return;
    }
    if (message instanceof LaneMessage.Online o) {
      JsonObject facts = new JsonObject().put("lane", topic.lane());
      if (o.model() != null) {
        facts.put("model", o.model());
      }
      if (o.fw() != null) {
        facts.put("fw", o.fw());
      }
      listener.presence(device, o.online(), facts);
    } else if (message instanceof LaneMessage.BarrierState s) {
      listener.event(new DeviceEvent(EventIds.derived(device, s.msgId(), 0), s.ts(), device,
          EventKinds.BARRIER_STATE, Severity.INFO, new JsonObject().put("lane", topic.lane()).put("state", s.state())));
    } else if (message instanceof LaneMessage.Ack ack) {
      CommandResult result = new CommandResult(ack.ok(), ack.error(), List.of());
      if (!pending.acknowledge(device, ack.ackMsgId(), result)) {
        log.debug("{} acknowledged {}, which nothing waits for (late, or not ours)", device, ack.ackMsgId());
      }
    }
  }

  private void bad(String device, String topic, int bytes, LaneDecodeException e) {
    listener.event(DeviceEvent.of(device, EventKinds.BAD_MESSAGE, Severity.WARNING, new JsonObject()
        .put("reason", e.reason())
        .put("detail", e.getMessage())
        .put("topic", topic.length() <= 200 ? topic : topic.substring(0, 200))
        .put("bytes", bytes)));
  }
}
