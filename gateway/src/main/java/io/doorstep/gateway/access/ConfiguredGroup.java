package io.doorstep.gateway.access;

import io.doorstep.gateway.config.AccessConfig;
import io.doorstep.gateway.config.EstateConfig;
import io.doorstep.gateway.store.PersonRecord;
import java.util.Set;

/** A group from the estate file's {@code access.groups}, or the built-in staff group. */
final class ConfiguredGroup implements AccessGroup {
  private final String id;
  private final Set<String> doors;
  private final Set<String> doorKinds;
  private final Set<String> personKinds;
  private final WeeklySchedule schedule;

  ConfiguredGroup(AccessConfig.Group group, WeeklySchedule schedule) {
    this.id = group.id();
    this.doors = Set.copyOf(group.doors());
    this.doorKinds = Set.copyOf(group.doorKinds());
    this.personKinds = Set.copyOf(group.personKinds());
    this.schedule = schedule;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public boolean includes(PersonRecord person, Memberships members) {
    return personKinds.contains(person.kind()) || members.groupsOf(person.id()).contains(id);
  }

  @Override
  public boolean covers(PersonRecord person, EstateConfig.Door door) {
    return doors.contains(door.id()) || doorKinds.contains(door.kind());
  }

  @Override
  public WeeklySchedule schedule() {
    return schedule;
  }
}
