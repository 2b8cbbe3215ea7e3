package io.doorstep.gateway.store;

import io.doorstep.device.DeviceEvent;

/** An event as the log holds it: {@code seq} is the log's own monotonic position. */
public record StoredEvent(long seq, DeviceEvent event) {}
