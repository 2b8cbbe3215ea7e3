package io.doorstep.gateway.doors;

import io.doorstep.gateway.config.EstateConfig;
import java.util.HashMap;
import java.util.Map;

/**
 * The timings in force at every door: the built-in values, then the estate file's
 * {@code doorTiming:}, then the door's own {@code timing:}, then what the technician console
 * changed. Immutable: a change makes a new one, published on
 * {@link io.doorstep.gateway.bus.Addresses#DOOR_TIMINGS_CHANGED}.
 */
public final class DoorTimings {
  private final Map<String, DoorTiming> byDoor;
  private final DoorTiming estateWide;

  private DoorTimings(Map<String, DoorTiming> byDoor, DoorTiming estateWide) {
    this.byDoor = Map.copyOf(byDoor);
    this.estateWide = estateWide;
  }

  /** The file's timings with the console's changes (door → key → value) laid over. */
  public static DoorTimings of(EstateConfig estate, Map<String, Map<String, Integer>> console) {
    DoorTiming estateWide = DoorTiming.DEFAULTS.with(estate.doorTiming());
    Map<String, DoorTiming> byDoor = new HashMap<>();
    for (EstateConfig.Door door : estate.doors()) {
      byDoor.put(door.id(), estateWide.with(door.timing()).with(console.getOrDefault(door.id(), Map.of())));
    }
    return new DoorTimings(byDoor, estateWide);
  }

  /** As the estate file sets them, nothing changed on the console. */
  public static DoorTimings fromFile(EstateConfig estate) {
    return of(estate, Map.of());
  }

  /** The same timing at every door, whatever the file says (tests, tools). */
  public static DoorTimings everywhere(DoorTiming timing) {
    return new DoorTimings(Map.of(), timing);
  }

  /** The door's timings; a door the estate does not have gets the estate-wide ones. */
  public DoorTiming of(String door) {
    return door == null ? estateWide : byDoor.getOrDefault(door, estateWide);
  }

  /** The timing as the file alone sets it for the door, estate-wide values included. */
  public static DoorTiming fileValue(EstateConfig estate, EstateConfig.Door door) {
    return DoorTiming.DEFAULTS.with(estate.doorTiming()).with(door.timing());
  }
}
