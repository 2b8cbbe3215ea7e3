package io.doorstep.gateway.bus;

import io.doorstep.device.PassageRecord;
import java.util.List;

/** Message on {@link Addresses#ACCESS_OFFLINE_PASSAGES}: passages a device decided alone. */
public record OfflinePassages(String device, List<PassageRecord> records, String sourceMsgId) {
  public OfflinePassages {
    records = List.copyOf(records);
  }
}
