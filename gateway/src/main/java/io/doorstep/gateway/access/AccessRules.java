package io.doorstep.gateway.access;

import io.doorstep.gateway.config.AccessConfig;
import io.doorstep.gateway.config.EstateConfig;
import io.doorstep.gateway.store.PersonRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The estate file's access rules, compiled once at start into lookups a decision makes in
 * nanoseconds: the door of each device, the groups, the passback group of each door. The groups
 * and doors are fixed; which door each device serves follows the devices changed on the
 * technician console ({@link #follow}), swapped whole so that a reader on any thread sees the
 * old map or the new one.
 */
public final class AccessRules {
  /** Staff without configuration: every gate and unit door at all hours, as before groups existed. */
  private static final AccessConfig.Group DEFAULT_STAFF = new AccessConfig.Group(AccessConfig.STAFF_GROUP, "物业员工",
      List.of(), List.of("pedestrian-gate", EstateConfig.UNIT_DOOR), List.of("staff"), null);

  private final ZoneId zone;
  private final Set<LocalDate> holidays;
  private final Map<String, EstateConfig.Door> doors = new HashMap<>();
  private volatile Devices devices;
  private final List<AccessGroup> groups = new ArrayList<>();
  private final Map<String, AccessConfig.Passback> passbackOfDoor = new HashMap<>();
  private final Set<String> refuseEbikesAt;
  private final int verifyRateLimit;

  private AccessRules(EstateConfig estate) {
    AccessConfig access = estate.access();
    this.zone = estate.timeZone();
    this.holidays = Set.copyOf(access.holidays());
    this.refuseEbikesAt = Set.copyOf(access.refuseEbikesAt());
    this.verifyRateLimit = access.verifyRateLimit();
    estate.doors().forEach(d -> doors.put(d.id(), d));
    this.devices = Devices.of(estate);
    Map<String, WeeklySchedule> schedules = new HashMap<>();
    access.schedules().forEach(s -> schedules.put(s.id(), WeeklySchedule.of(s)));
    groups.add(new HouseholdGroup(estate.buildings()));
    if (access.groups().stream().noneMatch(g -> g.id().equals(AccessConfig.STAFF_GROUP))) {
      groups.add(new ConfiguredGroup(DEFAULT_STAFF, WeeklySchedule.ALWAYS));
    }
    for (AccessConfig.Group g : access.groups()) {
      groups.add(new ConfiguredGroup(g, g.schedule() == null ? WeeklySchedule.ALWAYS : schedules.get(g.schedule())));
    }
    access.passback().forEach(p -> p.doors().forEach(door -> passbackOfDoor.put(door, p)));
  }

  /** The estate's configuration is valid by the time it gets here (the loader refuses any other). */
  public static AccessRules of(EstateConfig estate) {
    return new AccessRules(estate);
  }

  /** The devices of the estate the gateway serves now; a second call with the same estate does nothing. */
  public void follow(EstateConfig estate) {
    if (devices.source() != estate) {
      devices = Devices.of(estate);
    }
  }

  /** The door the device serves, as of the estate last followed; its device list included. */
  public EstateConfig.Door doorOfDevice(String deviceId) {
    return deviceId == null ? null : devices.doorOf().get(deviceId);
  }

  public boolean isGroup(String groupId) {
    return groups.stream().anyMatch(g -> g.id().equals(groupId) && !(g instanceof HouseholdGroup));
  }

  /** The groups that include the person and cover the door, at any hour. */
  public List<AccessGroup> groupsAt(PersonRecord person, EstateConfig.Door door, Memberships members) {
    List<AccessGroup> found = new ArrayList<>(2);
    for (AccessGroup g : groups) {
      if (g.includes(person, members) && g.covers(person, door)) {
        found.add(g);
      }
    }
    return found;
  }

  public boolean openNow(AccessGroup group, long atMs) {
    return group.schedule().isOpen(local(atMs), holidays);
  }

  public LocalDateTime local(long atMs) {
    return LocalDateTime.ofInstant(Instant.ofEpochMilli(atMs), zone);
  }

  /** The passback group the door belongs to, or null. */
  public AccessConfig.Passback passbackAt(EstateConfig.Door door) {
    return door == null ? null : passbackOfDoor.get(door.id());
  }

  public boolean refusesEbikes(EstateConfig.Door door) {
    return door != null && refuseEbikesAt.contains(door.kind());
  }

  public boolean isDoor(String doorId) {
    return doors.containsKey(doorId);
  }

  public int verifyRateLimit() {
    return verifyRateLimit;
  }

  /** Which door each device serves, in one estate. */
  private record Devices(EstateConfig source, Map<String, EstateConfig.Door> doorOf) {
    static Devices of(EstateConfig estate) {
      Map<String, EstateConfig.Door> doorOf = new HashMap<>();
      for (EstateConfig.Device d : estate.devices()) {
        if (d.door() != null) {
          estate.door(d.door()).ifPresent(door -> doorOf.put(d.id(), door));
        }
      }
      return new Devices(estate, Map.copyOf(doorOf));
    }
  }
}
