package io.doorstep.gateway.bus;

import io.doorstep.device.AccessDecision;
import io.doorstep.device.AccessRequest;
import io.doorstep.device.DeviceEvent;
import io.doorstep.device.DeviceListener;
import io.doorstep.device.PassageRecord;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Connects drivers to the domain: every driver call becomes a message on its address. */
public final class BusDeviceListener implements DeviceListener {
  /**
   * Shorter than the terminal's 800 ms: an answer later than that is ignored by the terminal
   * anyway, and failing first lets the driver log why.
   */
  private static final DeliveryOptions DECIDE = new DeliveryOptions().setSendTimeout(700);
  /** Storing waits for a group commit with fsync; seconds are fine, the terminal repeats in 10 s. */
  private static final DeliveryOptions STORE = new DeliveryOptions().setSendTimeout(8_000);

  private final EventBus bus;

  public BusDeviceListener(EventBus bus) {
    this.bus = bus;
  }

  @Override
  public Future<AccessDecision> decide(AccessRequest request) {
    return bus.<AccessDecision>request(Addresses.ACCESS_DECIDE, request, DECIDE).map(Message::body);
  }

  @Override
  public Future<Void> offlinePassages(String device, List<PassageRecord> records, String sourceMsgId) {
    return bus.request(Addresses.ACCESS_OFFLINE_PASSAGES, new OfflinePassages(device, records, sourceMsgId), STORE)
        .mapEmpty();
  }

  @Override
  public void presence(String device, boolean online, JsonObject facts) {
    Presence.State state = online ? Presence.State.ONLINE : Presence.State.OFFLINE;
    bus.send(Addresses.DEVICE_PRESENCE, new Presence(device, state, facts, System.currentTimeMillis()));
  }

  @Override
  public void heartbeat(String device, JsonObject facts) {
    bus.send(Addresses.DEVICE_PRESENCE, new Presence(device, Presence.State.ALIVE, facts, System.currentTimeMillis()));
  }

  @Override
  public void event(DeviceEvent event) {
    bus.send(Addresses.EVENT_RECORD, event);
  }
}
