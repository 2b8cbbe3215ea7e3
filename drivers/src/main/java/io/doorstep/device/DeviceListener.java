package io.doorstep.device;

import io.vertx.core.Future;
import java.util.List;

/**
 * What a driver needs from the rest of the gateway. Drivers turn device bytes into calls on
 * this interface and never decide anything themselves; the gateway implements it by putting
 * the calls on the event bus. A test implements it directly.
 */
public interface DeviceListener {

  /** A device asks whether a door opens. The future must complete quickly: a terminal waits. */
  Future<AccessDecision> decide(AccessRequest request);

  /**
   * Passages a device decided alone. The future completes only when they are durably stored;
   * only then may the driver acknowledge them to the device.
   */
  Future<Void> offlinePassages(String device, List<PassageRecord> records, String sourceMsgId);

  /** The device said it is online (true) or its last will said it is gone (false). */
  void presence(String device, boolean online, io.vertx.core.json.JsonObject facts);

  /** A heartbeat: the device is alive. */
  void heartbeat(String device, io.vertx.core.json.JsonObject facts);

  /** Anything else worth recording (door state, device alarms, bad messages). */
  void event(DeviceEvent event);
}
