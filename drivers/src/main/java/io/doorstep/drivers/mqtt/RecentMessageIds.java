package io.doorstep.drivers.mqtt;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the last message ids of each device, so that a QoS 1 message delivered twice is
 * handled once. Memory is bounded: a fixed number of ids per known device, and only known
 * devices get an entry (the caller checks the SN first). A device repeats a message within
 * seconds, so the last 1,024 ids are far more than enough.
 */
public final class RecentMessageIds {
  private final int perDevice;
  private final Map<String, LinkedHashMap<String, Boolean>> byDevice = new HashMap<>();

  public RecentMessageIds(int perDevice) {
    this.perDevice = perDevice;
  }

  /** True the first time an id is seen for a device, false for a repeat. */
  public boolean firstTime(String device, String msgId) {
    LinkedHashMap<String, Boolean> ids = byDevice.computeIfAbsent(device, d -> new LinkedHashMap<>(64, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
        return size() > perDevice;
      }
    });
    return ids.put(msgId, Boolean.TRUE) == null;
  }

  /** Forgets a device's ids: the device is no longer served, and a message heard again counts anew. */
  public void forget(String device) {
    byDevice.remove(device);
  }
}
