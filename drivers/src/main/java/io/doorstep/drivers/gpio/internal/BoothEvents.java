package io.doorstep.drivers.gpio.internal;

import io.doorstep.device.DeviceEvent;
import io.doorstep.device.DeviceListener;
import io.doorstep.device.EventKinds;
import io.doorstep.device.Severity;
import io.doorstep.drivers.gpio.codec.Collected;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;

/**
 * The normalized events of the booth's devices, shaped like the face terminals' (door state with
 * {@code forced} and {@code heldS}; alarms with a {@code type} of FORCED or HELD_OPEN) so that
 * whoever watches doors need not know which kind of door it is.
 */
public final class BoothEvents {
  /** A noisy reader line can drop a frame every 25 ms; the log gets one event a minute with a count. */
  static final long BAD_FRAME_INTERVAL_MS = 60_000;

  private final DeviceListener listener;
  private final Map<String, Long> lastBadFrameMs = new HashMap<>();
  private final Map<String, Integer> unreportedBadFrames = new HashMap<>();

  public BoothEvents(DeviceListener listener) {
    this.listener = listener;
  }

  public void doorState(String device, boolean open, boolean forced, long heldS) {
    emit(device, EventKinds.DOOR_STATE, forced ? Severity.ALARM : Severity.INFO, new JsonObject()
        .put("state", open ? "open" : "closed").put("forced", forced).put("heldS", heldS));
  }

  public void forced(String device) {
    emit(device, EventKinds.DEVICE_ALARM, Severity.ALARM, new JsonObject().put("type", "FORCED"));
  }

  public void heldOpen(String device, long heldS) {
    emit(device, EventKinds.DEVICE_ALARM, Severity.WARNING,
        new JsonObject().put("type", "HELD_OPEN").put("heldS", heldS));
  }

  public void exitRequest(String device) {
    emit(device, EventKinds.DOOR_EXIT, Severity.INFO, new JsonObject());
  }

  public void firePanel(String device, boolean fire) {
    emit(device, fire ? EventKinds.FIRE_ALARM : EventKinds.FIRE_CLEAR, fire ? Severity.CRITICAL : Severity.WARNING,
        new JsonObject().put("source", "panel-contact"));
  }

  public void keySwitch(String device, boolean turned) {
    emit(device, turned ? EventKinds.ALL_DOORS_OPEN_ON : EventKinds.ALL_DOORS_OPEN_OFF, Severity.WARNING,
        new JsonObject());
  }

  public void outputFailed(String device, String what, Throwable cause) {
    emit(device, EventKinds.DEVICE_ALARM, Severity.ALARM, new JsonObject()
        .put("type", "OUTPUT_FAILED").put("output", what).put("detail", String.valueOf(cause.getMessage())));
  }

  public void unavailable(String device, String reason) {
    emit(device, EventKinds.DEVICE_ALARM, Severity.ALARM,
        new JsonObject().put("type", "GPIO_UNAVAILABLE").put("detail", reason));
  }

  /** At most one event a minute per reader; the rest are counted into the next one. */
  public void badFrame(String device, String lines, Collected.Dropped dropped, long nowMs) {
    Long last = lastBadFrameMs.get(device);
    if (last != null && nowMs - last < BAD_FRAME_INTERVAL_MS) {
      unreportedBadFrames.merge(device, 1, Integer::sum);
      return;
    }
    int before = unreportedBadFrames.getOrDefault(device, 0);
    lastBadFrameMs.put(device, nowMs);
    unreportedBadFrames.put(device, 0);
    emit(device, EventKinds.BAD_MESSAGE, Severity.WARNING, new JsonObject()
        .put("reason", "WIEGAND_" + dropped.reason().name())
        .put("detail", dropped.detail() + (before > 0 ? "; " + before + " more dropped since the last report" : ""))
        .put("topic", lines)
        .put("bits", dropped.bitCount()));
  }

  private void emit(String device, String kind, Severity severity, JsonObject payload) {
    listener.event(DeviceEvent.of(device, kind, severity, payload));
  }
}
