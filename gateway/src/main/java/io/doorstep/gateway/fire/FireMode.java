package io.doorstep.gateway.fire;

import io.doorstep.gateway.config.EstateConfig;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether fire mode holds a door or device open right now, for the services that must not
 * fight it: a remote open does not touch a held door, a held door open for minutes is no alarm.
 * Only {@link FireService} changes it; anyone may read it from any thread.
 */
public final class FireMode {
  private final Set<String> egressDoors;
  private final Set<String> egressDevices;
  private volatile boolean active;

  public FireMode(EstateConfig estate) {
    this.egressDoors = estate.egressDoors().stream().map(EstateConfig.Door::id).collect(Collectors.toUnmodifiableSet());
    this.egressDevices = estate.egressDoors().stream().flatMap(d -> d.devices().stream())
        .collect(Collectors.toUnmodifiableSet());
  }

  public boolean active() {
    return active;
  }

  public boolean holdsDevice(String device) {
    return active && egressDevices.contains(device);
  }

  public boolean holdsDoor(String door) {
    return active && egressDoors.contains(door);
  }

  void set(boolean active) {
    this.active = active;
  }
}
